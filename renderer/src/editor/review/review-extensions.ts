import type { AnyExtension } from '@tiptap/core';
import { CommentAnchor } from './comment-anchor';
import { CommentThreads } from './comment-threads';
import { SuggestionDelete, SuggestionInsert } from './suggestion-marks';
import { Suggesting, type SuggestingOptions } from './suggesting';

export interface ChorusReviewOptions extends Partial<SuggestingOptions> {
  /**
   * Comment and suggestion commands, suggesting mode and the active-thread highlight. On by default.
   * When off, the marks are still part of the schema, so a document that has them opens and saves
   * without losing them; only the commands and plugins are left out.
   */
  enabled?: boolean;
}

/** The review layer: comment anchors and suggestions. See {@link ChorusReviewOptions}. */
export function createReviewExtensions(options: ChorusReviewOptions = {}): AnyExtension[] {
  const marks = [CommentAnchor, SuggestionInsert, SuggestionDelete];
  if (options.enabled === false) return marks;
  // Only the options given: configuring with an undefined value would replace the default.
  const suggesting: Partial<SuggestingOptions> = {};
  if (options.now !== undefined) suggesting.now = options.now;
  if (options.createSuggestionId !== undefined) suggesting.createSuggestionId = options.createSuggestionId;
  return [...marks, CommentThreads, Suggesting.configure(suggesting)];
}
