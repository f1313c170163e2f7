const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Ids use a safe alphabet so they can later become repository paths and HTML attributes untouched. */
export const safeIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** A random id of 20 lower-case letters and digits (about 103 bits). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let id = '';
  for (const byte of bytes) id += alphabet.charAt(byte % alphabet.length);
  return id;
}
