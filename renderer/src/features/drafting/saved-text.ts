import { assembleText, type BlockDocument, type SerializedBlock } from '@core/document/blocks';
import {
  addReadingCounts,
  countWords,
  noReadingCounts,
  readingCounts,
  type ReadingCounts,
} from '@core/document/text-stats';
import { createValueStore, type ValueStore } from '../../saving/value-store';

/** The draft as last saved. Its whole text and its reading counts are worked out only when asked for. */
export interface SavedText {
  text: () => string;
  wordCount: number;
  /** What the reading age reads: after an edit, only the changed blocks are counted again. */
  reading: () => ReadingCounts;
}

export interface SavedTextStore {
  /** What the writing aids and panels read; it changes with "Saved". */
  store: ValueStore<SavedText>;
  /** The draft as it was opened, from its stored text. */
  opened(text: string): void;
  /** The draft as it was just saved. */
  saved(document: BlockDocument): void;
  /** Counts every block now (in an idle moment), so the first reading age after a save counts only what changed. */
  countAhead(document: BlockDocument): void;
}

/**
 * The saved draft for what follows it. Each block's reading counts are kept while the serialiser
 * keeps the block (it reuses untouched ones), so the reading age after a pause counts what was
 * typed, not the draft; the whole text is put together only if something reads it.
 */
export function createSavedText(): SavedTextStore {
  const store = createValueStore<SavedText>({ text: () => '', wordCount: 0, reading: () => noReadingCounts });
  const known = new WeakMap<SerializedBlock, ReadingCounts>();
  const countBlock = (block: SerializedBlock): ReadingCounts => {
    let counts = known.get(block);
    if (counts === undefined) {
      counts = block.texts.map(readingCounts).reduce(addReadingCounts, noReadingCounts);
      known.set(block, counts);
    }
    return counts;
  };
  return {
    store,
    opened(text) {
      let reading: ReadingCounts | undefined;
      store.set({ text: () => text, wordCount: countWords(text), reading: () => (reading ??= readingCounts(text)) });
    },
    saved(document) {
      let text: string | undefined;
      let reading: ReadingCounts | undefined;
      store.set({
        text: () => (text ??= assembleText(document.blocks)),
        wordCount: document.wordCount,
        reading: () => (reading ??= document.blocks.map(countBlock).reduce(addReadingCounts, noReadingCounts)),
      });
    },
    countAhead(document) {
      document.blocks.forEach(countBlock);
    },
  };
}
