import { safeIdPattern } from '@core/ids';

/** The mark that anchors a comment thread to a range of text. */
export const COMMENT_ANCHOR = 'commentAnchor';
/** The mark on text suggested for insertion. */
export const SUGGESTION_INSERT = 'suggestionInsert';
/** The mark on text suggested for deletion. */
export const SUGGESTION_DELETE = 'suggestionDelete';

/** Every mark of the review layer: none of them may ever leave the device. */
export const REVIEW_MARKS: readonly string[] = [COMMENT_ANCHOR, SUGGESTION_INSERT, SUGGESTION_DELETE];

/**
 * Thread, suggestion and author ids use the app's safe alphabet, because they are written into HTML
 * attributes and used as keys; anything else in a document is ignored rather than trusted.
 */
export function isReviewId(value: unknown): value is string {
  return typeof value === 'string' && safeIdPattern.test(value);
}

/**
 * Transaction meta: the change is made directly, never turned into a suggestion, even while
 * suggesting. Accepting and rejecting set it; the app can set it too, for example
 * `editor.chain().setMeta(DIRECT_CHANGE_META, true).setContent(doc).run()` when restoring a snapshot.
 */
export const DIRECT_CHANGE_META = 'chorusDirectChange';
