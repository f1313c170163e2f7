import type { Editor } from '@tiptap/core';
import { useCallback, useId, useRef, useState, type SyntheticEvent } from 'react';
import { Modal } from '../ui/Modal';
import type { ImageStore } from './image-store';

/** What the image dialog is doing: describing a newly chosen picture, or an existing one. */
export type ImageDialogTask = { kind: 'insert'; picture: Blob } | { kind: 'describe'; alt: string };

export interface ImageDialogProps {
  editor: Editor;
  images: ImageStore;
  /** Null while the dialog is closed. */
  task: ImageDialogTask | null;
  onClose: () => void;
}

const missingDescription = 'Write a short description of the image, or tick "This image is decorative".';

/**
 * Asks for the text alternative of a picture. A description is required unless the person says the
 * picture is decorative, so no picture reaches a training pack without a considered alternative. A
 * new picture is stored only when it is inserted, so cancelling leaves nothing behind.
 */
export function ImageDialog({ editor, images, task, onClose }: ImageDialogProps) {
  return (
    <Modal
      open={task !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={task?.kind === 'describe' ? 'Describe this image' : 'Add an image'}
      description="Describe the image for people who cannot see it. Say what matters about it in a sentence or two."
      onClosed={() => editor.commands.focus()}
    >
      {task !== null && <ImageForm editor={editor} images={images} task={task} onDone={onClose} />}
    </Modal>
  );
}

/** A preview of the chosen picture, whose object URL lives exactly as long as the element. */
function Preview({ picture }: { picture: Blob }) {
  const attach = useCallback(
    (element: HTMLImageElement | null) => {
      if (element === null) return undefined;
      const url = URL.createObjectURL(picture);
      element.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [picture],
  );
  return <img ref={attach} className="image-preview" alt="" />;
}

function ImageForm({
  editor,
  images,
  task,
  onDone,
}: {
  editor: Editor;
  images: ImageStore;
  task: ImageDialogTask;
  onDone: () => void;
}) {
  const id = useId();
  const initialAlt = task.kind === 'describe' ? task.alt : '';
  const [alt, setAlt] = useState(initialAlt);
  const [decorative, setDecorative] = useState(task.kind === 'describe' && initialAlt === '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const altRef = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const description = decorative ? '' : alt.trim();
    if (!decorative && description === '') {
      setError(missingDescription);
      altRef.current?.focus();
      return;
    }
    if (task.kind === 'describe') {
      editor.commands.setChorusImageAlt(description);
      onDone();
      return;
    }
    setBusy(true);
    try {
      const imageId = await images.store(task.picture);
      editor.commands.insertChorusImage({ imageId, alt: description });
      onDone();
    } catch {
      setBusy(false);
      setError('The image could not be saved. Please try again.');
    }
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
      {task.kind === 'insert' && <Preview picture={task.picture} />}
      <div className="field">
        <label htmlFor={`${id}-alt`}>Description</label>
        <p id={hintId} className="field-hint">
          For example: &quot;A hand-drawn map of a town centre with two cafés circled in red.&quot;
        </p>
        <textarea
          ref={altRef}
          id={`${id}-alt`}
          rows={3}
          value={alt}
          disabled={decorative}
          aria-invalid={error === missingDescription}
          aria-describedby={error === null ? hintId : `${hintId} ${errorId}`}
          onChange={(event) => {
            setAlt(event.target.value);
            setError(null);
          }}
        />
      </div>
      <div className="checkbox">
        <input
          id={`${id}-decorative`}
          type="checkbox"
          checked={decorative}
          onChange={(event) => {
            setDecorative(event.target.checked);
            setError(null);
          }}
        />
        <label htmlFor={`${id}-decorative`}>
          This image is decorative: it adds nothing to the words, so it needs no description
        </label>
      </div>
      {error !== null && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="button" disabled={busy}>
          {task.kind === 'insert' ? 'Add image' : 'Save description'}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
