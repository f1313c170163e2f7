import { getSchema, mergeAttributes, type AnyExtension, type JSONContent } from '@tiptap/core';
import { Highlight } from '@tiptap/extension-highlight';
import { Link } from '@tiptap/extension-link';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';
import { StarterKit } from '@tiptap/starter-kit';
import { ChorusImage } from './chorus-image';
import { ContentWarning } from './content-warning';
import type { ImageStore } from './image-store';
import { InMyWords } from './in-my-words';
import { isAllowedLinkHref } from './links';
import { ChorusPaste } from './paste';
import { createReviewExtensions, type ChorusReviewOptions } from './review/review-extensions';

export interface ChorusEditorOptions {
  images: ImageStore;
  /**
   * Comments and suggestions (on unless `enabled: false`). Their marks are in the schema either way,
   * so documents with comments or suggestions always open without losing them.
   */
  review?: ChorusReviewOptions;
}

/**
 * Tables without the trap: at the last cell, Tab leaves the table instead of adding a row, so a
 * keyboard user can always Tab out of the editor. Rows are added from the toolbar.
 */
const ChorusTable = Table.extend({
  addKeyboardShortcuts() {
    return {
      ...this.parent?.(),
      Tab: () => this.editor.commands.goToNextCell(),
    };
  },
});

/** A refused address longer than this is cut short where it is shown; it is not a link anyway. */
const maxShownAddress = 200;

/**
 * Links whose address the link rule refuses (a stored or synced document can hold any address)
 * are shown as plain words followed by the address, never as a link: TipTap's own rendering
 * makes them `<a href="">`, which reloads the app when clicked.
 */
const ChorusLink = Link.extend({
  renderHTML({ HTMLAttributes }) {
    const href: unknown = HTMLAttributes.href;
    if (typeof href === 'string' && isAllowedLinkHref(href)) {
      return ['a', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), 0];
    }
    const address = typeof href === 'string' ? href.trim() : '';
    const shown = address.length > maxShownAddress ? `${address.slice(0, maxShownAddress)}…` : address;
    // editor.css shows the address after the words; it is never a link.
    return ['span', { class: 'refused-link', 'data-address': shown === '' ? null : shown }, 0];
  },
});

/**
 * Every extension of a Chorus document. The editor, paste and every import use this one list, so
 * there is one schema everywhere and any document the app produces fits it.
 */
export function createChorusExtensions(options: ChorusEditorOptions): AnyExtension[] {
  return [
    StarterKit.configure({
      // The page's h1 is the resource title, so documents start at h2.
      heading: { levels: [2, 3, 4] },
      strike: false,
      code: false,
      codeBlock: false,
      link: false,
    }),
    ChorusLink.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      // linkify already knows http, https and mailto; no other scheme is registered.
      protocols: [],
      // One rule everywhere: typed, pasted, parsed and set links must be complete http, https or
      // mailto addresses. Autolinking checks the words as typed, so a bare "www.example.org" is
      // not linked on its own (it would be a relative link); the link dialog completes it instead.
      isAllowedUri: (url) => isAllowedLinkHref(url),
      shouldAutoLink: (url) => isAllowedLinkHref(url),
      HTMLAttributes: { rel: 'noopener noreferrer', target: null, class: null },
    }),
    ChorusTable.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Highlight.configure({ multicolor: false }),
    ContentWarning,
    InMyWords,
    ChorusImage.configure({ images: options.images }),
    ChorusPaste.configure({ images: options.images }),
    ...createReviewExtensions(options.review),
  ];
}

/** A store for building the schema alone: it has no pictures and keeps none. */
const noImages: ImageStore = {
  store: () => Promise.reject(new Error('This image store keeps no pictures.')),
  resolve: () => Promise.resolve(null),
};

let chorusSchema: Schema | null = null;

/** The ProseMirror schema of Chorus documents, for code that checks documents without an editor. */
export function getChorusSchema(): Schema {
  chorusSchema ??= getSchema(createChorusExtensions({ images: noImages }));
  return chorusSchema;
}

/**
 * Why a stored document does not fit the schema, or null when it does. The editor refuses to open a
 * document that does not fit, because TipTap would otherwise show an empty page and the next save
 * would overwrite the words.
 */
export function findDocumentError(doc: JSONContent): Error | null {
  try {
    const node = getChorusSchema().nodeFromJSON(doc);
    if (node.type.name !== 'doc') return new Error(`A document must start with "doc", not "${node.type.name}".`);
    node.check();
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
