export { CommentAnchor } from './comment-anchor';
export { CommentThreads, activeThreadKey, getActiveThread } from './comment-threads';
export { decideSuggestions, type SuggestionDecision } from './decide';
export {
  COMMENT_ANCHOR,
  DIRECT_CHANGE_META,
  REVIEW_MARKS,
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
  isReviewId,
} from './names';
export {
  findCommentAnchors,
  findSuggestions,
  type CommentAnchorRange,
  type SuggestionKind,
  type SuggestionRange,
} from './ranges';
export { createReviewExtensions, type ChorusReviewOptions } from './review-extensions';
export { SuggestionDelete, SuggestionInsert, type SuggestionAttributes } from './suggestion-marks';
export {
  Suggesting,
  getSuggestingState,
  suggestingKey,
  type SuggestingOptions,
  type SuggestingState,
} from './suggesting';
