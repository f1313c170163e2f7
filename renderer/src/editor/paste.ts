import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { cleanHtml } from './clean-html';
import { checkImageFile, imageBlobFromDataUrl } from './image-files';
import { isSafeImageId, type ImageStore } from './image-store';

/** Reads the bytes of an embedded picture (`data:` or `blob:`), or null when they cannot be read. */
export type ReadEmbeddedImage = (src: string) => Promise<Blob | null>;

/**
 * The default reader. `data:` URLs are decoded here; `blob:` URLs are fetched, which never touches
 * the network (a blob URL names memory in this page), and fails for blob URLs of other pages.
 */
export async function readEmbeddedImage(src: string): Promise<Blob | null> {
  const trimmed = src.trim();
  if (/^data:/i.test(trimmed)) return imageBlobFromDataUrl(trimmed);
  if (!/^blob:/i.test(trimmed)) return null;
  try {
    const response = await fetch(trimmed);
    return response.ok ? await checkImageFile(await response.blob()) : null;
  } catch {
    return null;
  }
}

/**
 * Cleans pasted HTML for the synchronous part of ProseMirror's paste (`transformPastedHTML`).
 * Pictures copied from Chorus (`img[data-image-id]`) stay; embedded `data:`/`blob:` pictures are
 * dropped here, because storing them takes time: such pastes go through {@link cleanPastedHtmlWithImages}.
 */
export function cleanPastedHtml(html: string): string {
  return cleanHtml(html, { keepImageRef: () => true, keepSliceMarker: true }).body.innerHTML;
}

/** Whether pasted HTML carries pictures as `data:` or `blob:` URLs, which must be stored before inserting. */
export function hasEmbeddedImages(html: string): boolean {
  return /<img\b[^>]*?\bsrc\s*=\s*["']?\s*(data:image\/|blob:)/i.test(html);
}

/**
 * Cleans pasted HTML and keeps its embedded pictures in the store; the result refers to them by id.
 * A picture that cannot be read or stored is left out rather than failing the whole paste.
 */
export async function cleanPastedHtmlWithImages(
  html: string,
  images: ImageStore,
  read: ReadEmbeddedImage = readEmbeddedImage,
): Promise<string> {
  const { body, embeddedImages } = cleanHtml(html, {
    keepImageRef: () => true,
    keepEmbeddedImages: true,
    keepSliceMarker: true,
  });
  for (const image of embeddedImages) {
    const imageId = await storeOrNull(await read(image.getAttribute('src') ?? ''), images);
    if (imageId === null) {
      image.remove();
    } else {
      image.removeAttribute('src');
      image.setAttribute('data-image-id', imageId);
    }
  }
  return body.innerHTML;
}

async function storeOrNull(blob: Blob | null, images: ImageStore): Promise<string | null> {
  if (blob === null) return null;
  try {
    const imageId = await images.store(blob);
    return isSafeImageId(imageId) ? imageId : null;
  } catch {
    return null;
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Stores pasted or dropped picture files and returns HTML that refers to them. */
export async function htmlForImageFiles(files: readonly Blob[], images: ImageStore): Promise<string> {
  const parts: string[] = [];
  for (const file of files) {
    const imageId = await storeOrNull(await checkImageFile(file), images);
    if (imageId !== null) parts.push(`<img data-image-id="${escapeAttribute(imageId)}" alt="">`);
  }
  return parts.join('');
}

interface PendingRange {
  from: number;
  to: number;
}

type PendingMeta = { add: { id: number; range: PendingRange } } | { remove: number };

const pendingPasteKey = new PluginKey<ReadonlyMap<number, PendingRange>>('chorusPendingPaste');

let nextPendingId = 1;

function pendingPastes(state: EditorState): ReadonlyMap<number, PendingRange> {
  return pendingPasteKey.getState(state) ?? new Map<number, PendingRange>();
}

/**
 * Runs a paste whose content needs time to prepare (pictures to store). The target range is
 * remembered in plugin state and mapped through every change made meanwhile, so typing during the
 * wait neither loses the paste nor puts it in the wrong place. The finished HTML then goes through
 * ProseMirror's own paste (`view.pasteHTML`), so it fits the schema exactly as a normal paste would.
 * Nothing temporary is ever put in the document, so a save in between never stores a placeholder.
 */
export function pasteWhenReady(
  view: EditorView,
  range: PendingRange,
  prepare: () => Promise<string>,
  fallback = '',
): Promise<void> {
  const id = nextPendingId;
  nextPendingId += 1;
  view.dispatch(view.state.tr.setMeta(pendingPasteKey, { add: { id, range } } satisfies PendingMeta));

  return prepare().then(
    (html) => finishPaste(view, id, html),
    // If preparing fails as a whole, the words still arrive, without their pictures.
    () => finishPaste(view, id, fallback),
  );
}

function finishPaste(view: EditorView, id: number, html: string): void {
  if (view.isDestroyed) return;
  const range = pendingPastes(view.state).get(id);
  view.dispatch(view.state.tr.setMeta(pendingPasteKey, { remove: id } satisfies PendingMeta));
  if (range === undefined || html.trim() === '' || !view.editable) return;

  const { selection, doc } = view.state;
  if (selection.from === range.from && selection.to === range.to) {
    view.pasteHTML(html);
    return;
  }
  // The person moved on while pictures were stored. Their selection is tracked like a pending paste
  // while the paste goes where it was made, and then given back to them.
  const selectionId = nextPendingId;
  nextPendingId += 1;
  view.dispatch(
    view.state.tr
      .setSelection(TextSelection.between(doc.resolve(range.from), doc.resolve(range.to)))
      .setMeta(pendingPasteKey, { add: { id: selectionId, range: { from: selection.from, to: selection.to } } }),
  );
  view.pasteHTML(html);
  const mapped = pendingPastes(view.state).get(selectionId);
  const restore = view.state.tr.setMeta(pendingPasteKey, { remove: selectionId } satisfies PendingMeta);
  if (mapped !== undefined) {
    const after = view.state.doc;
    restore.setSelection(TextSelection.between(after.resolve(mapped.from), after.resolve(mapped.to)));
  }
  view.dispatch(restore);
}

export interface ChorusPasteOptions {
  images: ImageStore | null;
  readEmbeddedImage: ReadEmbeddedImage;
}

function imageFilesOf(data: DataTransfer | null): File[] {
  if (data === null) return [];
  return Array.from(data.files).filter((file) => file.type.startsWith('image/'));
}

/**
 * Cleaning for everything that arrives from outside: pasted and dropped HTML is reduced to the
 * Chorus schema by `transformPastedHTML`; pastes and drops that carry pictures are handled here so
 * the pictures are stored first (see {@link pasteWhenReady}).
 */
export const ChorusPaste = Extension.create<ChorusPasteOptions>({
  name: 'chorusPaste',

  addOptions() {
    return { images: null, readEmbeddedImage };
  },

  addProseMirrorPlugins() {
    const { images, readEmbeddedImage: read } = this.options;
    return [
      new Plugin<ReadonlyMap<number, PendingRange>>({
        key: pendingPasteKey,
        state: {
          init: () => new Map<number, PendingRange>(),
          apply(transaction, value) {
            const meta = transaction.getMeta(pendingPasteKey) as PendingMeta | undefined;
            // Typing runs this on every keystroke: with nothing pending, it must cost nothing.
            if (meta === undefined && (value.size === 0 || !transaction.docChanged)) return value;
            const next = new Map<number, PendingRange>();
            for (const [id, range] of value) {
              // The range shrinks away from text typed at its edges, so that text is never replaced;
              // a collapsed range stays before it, so the paste comes before what was typed after it.
              const from = transaction.mapping.map(range.from, 1);
              const to = transaction.mapping.map(range.to, -1);
              next.set(id, from <= to ? { from, to } : { from: to, to });
            }
            if (meta !== undefined && 'add' in meta) next.set(meta.add.id, meta.add.range);
            if (meta !== undefined && 'remove' in meta) next.delete(meta.remove);
            return next;
          },
        },
        props: {
          transformPastedHTML: (html) => cleanPastedHtml(html),
          handlePaste(view, event) {
            if (images === null || !view.editable) return false;
            const data = event.clipboardData;
            if (data === null) return false;
            const html = data.getData('text/html');
            const { from, to } = view.state.selection;
            if (html !== '' && hasEmbeddedImages(html)) {
              void pasteWhenReady(
                view,
                { from, to },
                () => cleanPastedHtmlWithImages(html, images, read),
                cleanPastedHtml(html),
              );
              return true;
            }
            // Office apps also put a picture of the copied text on the clipboard; only a paste with
            // no text at all (a screenshot, a copied picture) is treated as pictures.
            const files = imageFilesOf(data);
            if (html === '' && data.getData('text/plain') === '' && files.length > 0) {
              void pasteWhenReady(view, { from, to }, () => htmlForImageFiles(files, images));
              return true;
            }
            return false;
          },
          handleDrop(view, event, _slice, moved) {
            if (images === null || moved || !view.editable) return false;
            const data = event.dataTransfer;
            if (data === null) return false;
            const html = data.getData('text/html');
            const files = imageFilesOf(data);
            const withImages = html !== '' && hasEmbeddedImages(html);
            if (!withImages && (html !== '' || files.length === 0)) return false;
            const position = view.posAtCoords({ left: event.clientX, top: event.clientY });
            if (position === null) return false;
            const range = { from: position.pos, to: position.pos };
            void pasteWhenReady(
              view,
              range,
              () => (withImages ? cleanPastedHtmlWithImages(html, images, read) : htmlForImageFiles(files, images)),
              withImages ? cleanPastedHtml(html) : '',
            );
            return true;
          },
        },
      }),
    ];
  },
});
