/** How long a downloaded file's address is kept, so the browser has finished reading it. */
const revokeAfterMs = 60_000;

/**
 * Hands bytes to the person as a file download from the page itself: how browser mode receives
 * exports and the "everything of mine" archive. (Electron refuses downloads; it saves through the
 * main process instead.)
 */
export function downloadBytes(fileName: string, mimeType: string, bytes: Uint8Array): void {
  // A Blob takes only bytes backed by a plain ArrayBuffer; a view into another buffer is copied.
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), revokeAfterMs);
}
