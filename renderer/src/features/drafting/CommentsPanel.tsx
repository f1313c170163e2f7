import type { Editor } from '@tiptap/core';
import { memo, useId, useState } from 'react';
import { reply, setThreadResolved, startThread, useDb, useThreads, type ProfileRecord } from '../../db';
import { findCommentAnchors } from '../../editor/review';
import { sameJson, useRecomputed, type ValueStore } from '../../saving/value-store';
import type { SavedText } from './saved-text';
import { FormDialog } from '../../ui/FormDialog';
import { whenIdle } from '../../ui/lazy';
import { formatWhen } from '@core/clock';
import { useClock } from '../clock';

/**
 * Comments on words of the draft, threaded and resolvable. They stay on this device: the anchors
 * are stripped from anything shared, and the words of the comments live only in the database.
 */
export const CommentsPanel = memo(function CommentsPanel({
  editor,
  resourceId,
  profile,
  saved,
}: {
  editor: Editor;
  resourceId: string;
  profile: ProfileRecord | null;
  saved: ValueStore<SavedText>;
}) {
  const clock = useClock();
  const db = useDb();
  const threads = useThreads(resourceId);
  const [adding, setAdding] = useState(false);
  const [body, setBody] = useState('');
  const [quote, setQuote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [replies, setReplies] = useState<Record<string, string>>({});
  const id = useId();
  // Read from the editor's own document (no JSON copy) after each save or change of threads.
  const anchored = useRecomputed(
    saved,
    () => new Set(findCommentAnchors(editor.state.doc).map((anchor) => anchor.threadId)),
    sameJson,
    [editor, threads],
    // A walk of the whole draft: after a save, it waits for an idle moment, not in the save's own task.
    whenIdle,
  );
  const canComment = profile !== null && profile.role !== 'trainer';

  const open = () => {
    const { from, to, empty } = editor.state.selection;
    if (empty) {
      setError('Select the words the comment is about first.');
      return;
    }
    setError(null);
    setQuote(editor.state.doc.textBetween(from, to, ' '));
    setBody('');
    setAdding(true);
  };

  const add = async () => {
    if (profile === null || body.trim() === '') return;
    const threadId = await startThread(db, resourceId, quote, body, profile);
    editor.chain().focus().addCommentAnchor(threadId).run();
    setAdding(false);
  };

  return (
    <section className="side-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Comments</h2>
      <p className="field-hint">Comments stay on this device. They are never shared or exported.</p>
      {canComment && (
        <button type="button" className="button button-secondary" onClick={open}>
          Comment on the selected words
        </button>
      )}
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {threads?.length === 0 && <p className="field-hint">No comments yet.</p>}
      {threads !== undefined && threads.length > 0 && (
        <ul className="finding-list" aria-label="Comment threads">
          {threads.map((thread) => (
            <li key={thread.id} className={thread.resolvedAt > 0 ? 'finding thread-resolved' : 'finding'}>
              <button
                type="button"
                className="link-button quote-button"
                aria-label={`Show “${thread.quote}” in the draft`}
                disabled={!anchored.has(thread.id)}
                onClick={() => editor.commands.showThread(thread.id)}
              >
                “{thread.quote}”
              </button>
              {!anchored.has(thread.id) && <p className="field-hint">The words this was about have been deleted.</p>}
              {thread.comments.map((comment) => (
                <p key={comment.id}>
                  <strong>{comment.authorName}</strong>{' '}
                  <span className="history-meta">{formatWhen(comment.at, clock)}</span>
                  <br />
                  {comment.body}
                </p>
              ))}
              {canComment && thread.resolvedAt === 0 && (
                <div className="field">
                  <label htmlFor={`${id}-${thread.id}`}>Reply</label>
                  <textarea
                    id={`${id}-${thread.id}`}
                    rows={2}
                    value={replies[thread.id] ?? ''}
                    onChange={(event) => setReplies({ ...replies, [thread.id]: event.target.value })}
                  />
                </div>
              )}
              {canComment && (
                <div className="row-actions" role="group" aria-label={`Comment on “${thread.quote}”`}>
                  {thread.resolvedAt === 0 && (
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      disabled={(replies[thread.id] ?? '').trim() === ''}
                      onClick={() => {
                        void reply(db, thread.id, replies[thread.id] ?? '', profile).then(() =>
                          setReplies({ ...replies, [thread.id]: '' }),
                        );
                      }}
                    >
                      Send reply
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    onClick={() => void setThreadResolved(db, thread.id, thread.resolvedAt === 0)}
                  >
                    {thread.resolvedAt === 0 ? 'Resolve' : 'Reopen'}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormDialog
        open={adding}
        onOpenChange={setAdding}
        title="Add a comment"
        description={`About: “${quote}”`}
        submitLabel="Add comment"
        onSubmit={() => void add()}
      >
        <div className="field">
          <label htmlFor={`${id}-body`}>Comment</label>
          <textarea id={`${id}-body`} rows={4} value={body} onChange={(event) => setBody(event.target.value)} />
        </div>
      </FormDialog>
    </section>
  );
});
