export { COMMENT_ANCHOR, REVIEW_MARKS, SUGGESTION_DELETE, SUGGESTION_INSERT, isReviewId } from '@core/document/model';

/**
 * Transaction meta: the change is made directly, never turned into a suggestion, even while
 * suggesting. Accepting and rejecting set it; the app can set it too, for example
 * `editor.chain().setMeta(DIRECT_CHANGE_META, true).setContent(doc).run()` when restoring a snapshot.
 */
export const DIRECT_CHANGE_META = 'chorusDirectChange';
