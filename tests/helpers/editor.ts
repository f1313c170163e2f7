import { Editor, type Content, type JSONContent } from '@tiptap/core';
import { createChorusExtensions } from '../../renderer/src/editor/extensions';
import type { ImageStore } from '../../renderer/src/editor/image-store';

/** An in-memory image store: the port the db layer implements, with its pictures kept in a Map. */
export interface MemoryImageStore extends ImageStore {
  readonly pictures: ReadonlyMap<string, Blob>;
}

export function createMemoryImageStore(): MemoryImageStore {
  const pictures = new Map<string, Blob>();
  let next = 1;
  return {
    pictures,
    store(blob) {
      const imageId = `image-${next}`;
      next += 1;
      pictures.set(imageId, blob);
      return Promise.resolve(imageId);
    },
    resolve(imageId) {
      return Promise.resolve(pictures.has(imageId) ? `blob:chorus-test/${imageId}` : null);
    },
  };
}

/**
 * A TipTap editor with exactly the app's extensions, mounted on a detached element (tests need a
 * view for paste). Destroy it at the end of the test.
 */
export function createEditor(options: { content?: Content; images?: ImageStore } = {}): Editor {
  return new Editor({
    element: document.createElement('div'),
    extensions: createChorusExtensions({ images: options.images ?? createMemoryImageStore() }),
    content: options.content ?? '',
    injectCSS: false,
  });
}

/** A 1×1 transparent PNG, the smallest real picture. */
export const tinyPng = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (character) => character.charCodeAt(0),
);

export const tinyPngDataUrl = `data:image/png;base64,${btoa(String.fromCharCode(...tinyPng))}`;

/** Every node of the given type in a document, in document order. */
export function nodesOfType(doc: JSONContent, type: string): JSONContent[] {
  const found: JSONContent[] = [];
  const stack = [doc];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === type) found.push(node);
    stack.push(...(node.content ?? []).toReversed());
  }
  return found;
}
