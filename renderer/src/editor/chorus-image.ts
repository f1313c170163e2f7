import { Node } from '@tiptap/core';
import type { NodeViewRendererProps } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { isSafeImageId, type ImageStore } from './image-store';

export interface ChorusImageOptions {
  /** Where the pictures are. Without a store (for example when only converting HTML) nothing is shown. */
  images: ImageStore | null;
}

export interface ChorusImageAttributes {
  imageId: string;
  /** The text alternative. An empty string marks the picture as decorative. */
  alt: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    chorusImage: {
      /** Inserts a stored picture after the current block. */
      insertChorusImage: (attributes: ChorusImageAttributes) => ReturnType;
      /** Changes the text alternative of the selected picture. */
      setChorusImageAlt: (alt: string) => ReturnType;
    };
  }
}

function assertSafeImageId(value: unknown): void {
  if (!isSafeImageId(value)) throw new RangeError('A chorusImage needs an imageId made of letters, digits, _ and -.');
}

function normaliseAlt(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

/**
 * A picture kept in the {@link ImageStore}. The document holds only its id and text alternative,
 * never a `src`: a `data:` URL would bloat every saved version and sync, and a remote URL would
 * make the app reach the network. Copying writes `<img data-image-id alt>` without a source.
 */
export const ChorusImage = Node.create<ChorusImageOptions>({
  name: 'chorusImage',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { images: null };
  },

  addAttributes() {
    return {
      imageId: {
        // No default makes the id required: ProseMirror refuses to create the node without one.
        default: undefined,
        isRequired: true,
        validate: assertSafeImageId,
        parseHTML: (element) => element.getAttribute('data-image-id'),
        renderHTML: (attributes) => ({ 'data-image-id': attributes.imageId as string }),
      },
      alt: {
        default: '',
        parseHTML: (element) => normaliseAlt(element.getAttribute('alt')),
        // An empty alt attribute is meaningful (a decorative picture), so it is always written.
        renderHTML: (attributes) => ({ alt: normaliseAlt(attributes.alt) }),
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'img[data-image-id]',
        getAttrs: (element) => (isSafeImageId(element.getAttribute('data-image-id')) ? null : false),
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    const attributes: Record<string, string> = {
      'data-image-id': String(HTMLAttributes['data-image-id']),
      alt: typeof HTMLAttributes.alt === 'string' ? HTMLAttributes.alt : '',
    };
    return ['img', attributes];
  },

  renderText() {
    return '';
  },

  addCommands() {
    return {
      insertChorusImage:
        (attributes) =>
        ({ commands }) => {
          if (!isSafeImageId(attributes.imageId)) return false;
          return commands.insertContent({
            type: this.name,
            attrs: { imageId: attributes.imageId, alt: normaliseAlt(attributes.alt) },
          });
        },
      setChorusImageAlt:
        (alt) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { alt: normaliseAlt(alt) }),
    };
  },

  addNodeView() {
    const images = this.options.images;
    return (props: NodeViewRendererProps) => createImageView(props.node, images);
  },
});

/**
 * The picture as shown while editing: the store is asked for an object URL, and a plain sentence
 * stands in when the picture is missing. Plain DOM rather than React keeps typing fast in long
 * documents with many pictures.
 */
function createImageView(initial: ProseMirrorNode, images: ImageStore | null) {
  const dom = document.createElement('figure');
  dom.className = 'chorus-image';
  dom.contentEditable = 'false';
  const frame = document.createElement('div');
  frame.className = 'chorus-image__frame';
  const note = document.createElement('figcaption');
  note.className = 'chorus-image__note';
  dom.append(frame, note);

  let node = initial;
  let request = 0;
  let destroyed = false;

  // Without the picture, its description is all there is to go on, so it is shown in its place.
  const showMissing = () => {
    const missing = document.createElement('p');
    missing.className = 'chorus-image__missing';
    const alt = node.attrs.alt as string;
    missing.textContent = alt === '' ? 'Image not available' : `Image not available. Its description: “${alt}”`;
    frame.replaceChildren(missing);
  };

  const showNote = () => {
    const alt = node.attrs.alt as string;
    note.textContent = alt === '' ? 'No description: this image is treated as decorative.' : '';
    note.hidden = alt !== '';
  };

  const load = () => {
    request += 1;
    const thisRequest = request;
    const imageId = node.attrs.imageId as string;
    dom.setAttribute('aria-busy', 'true');
    frame.replaceChildren();
    if (images === null) {
      dom.removeAttribute('aria-busy');
      showMissing();
      return;
    }
    images.resolve(imageId).then(
      (url) => {
        if (destroyed || thisRequest !== request) return;
        dom.removeAttribute('aria-busy');
        if (url === null) {
          showMissing();
          return;
        }
        const img = document.createElement('img');
        img.src = url;
        img.alt = node.attrs.alt as string;
        img.addEventListener('error', showMissing, { once: true });
        frame.replaceChildren(img);
      },
      () => {
        if (destroyed || thisRequest !== request) return;
        dom.removeAttribute('aria-busy');
        showMissing();
      },
    );
  };

  load();
  showNote();

  return {
    dom,
    update(next: ProseMirrorNode) {
      if (next.type !== node.type) return false;
      const previous = node;
      node = next;
      if (previous.attrs.imageId !== next.attrs.imageId) {
        load();
      } else {
        const img = frame.querySelector('img');
        if (img) img.alt = next.attrs.alt as string;
        else if (frame.querySelector('.chorus-image__missing')) showMissing();
      }
      showNote();
      return true;
    },
    // The view changes its own DOM when a picture arrives; ProseMirror must not re-read that as an edit.
    ignoreMutation() {
      return true;
    },
    destroy() {
      destroyed = true;
    },
  };
}
