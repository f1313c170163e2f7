/** Words per minute for reading time: a typical adult silent-reading speed. */
const wordsPerMinute = 200;

const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

const letterOrDigit = /[\p{L}\p{N}]/u;

/** The length in UTF-16 units of the letter or digit at `index`, or 0 when there is none. */
function wordCharLength(text: string, index: number): number {
  const code = text.codePointAt(index);
  if (code === undefined) return 0;
  if (code < 128)
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 1 : 0;
  const char = String.fromCodePoint(code);
  return letterOrDigit.test(char) ? char.length : 0;
}

function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45;
}

/**
 * Words as `wordPattern` defines them (letters and digits, joined by an apostrophe or hyphen), but
 * counted in one pass without building an array: it runs on every save of long documents.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  let index = 0;
  while (index < text.length) {
    const length = wordCharLength(text, index);
    if (length > 0) {
      if (!inWord) count += 1;
      inWord = true;
      index += length;
      continue;
    }
    if (!(inWord && isJoiner(text.charCodeAt(index)) && wordCharLength(text, index + 1) > 0)) inWord = false;
    index += 1;
  }
  return count;
}

/** Whole minutes, at least one for any text at all. */
export function readingTimeMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
}

/** A rough syllable count for English words: vowel groups, less a silent final e, at least one. */
export function countSyllables(word: string): number {
  const lower = word.toLowerCase().replace(/[^a-z]/g, '');
  if (lower.length === 0) return 0;
  if (lower.length <= 3) return 1;
  const trimmed = lower.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 0);
}

export interface Readability {
  words: number;
  sentences: number;
  /** Flesch–Kincaid grade level (US school grade). */
  grade: number;
  /** The UK reading age the grade corresponds to: grade plus five years. */
  readingAge: number;
  /** A plain-English hint; advisory only. */
  hint: string;
}

/** What Flesch–Kincaid reads from a text. The counts add up paragraph by paragraph (`addReadingCounts`). */
export interface ReadingCounts {
  words: number;
  syllables: number;
  sentences: number;
}

export const noReadingCounts: ReadingCounts = { words: 0, syllables: 0, sentences: 0 };

const paragraphBreak = /\n\s*\n/;
const sentenceEnd = /[.!?]+(?=\s|$)/g;
const endsWithSentenceEnd = /[.!?]\s*$/;

/**
 * The words, syllables and sentences of a text. A paragraph (text between blank lines) with words
 * ends a sentence even without a full stop, as a heading or a list item does. Paragraphs are
 * counted one by one, so the counts of texts joined by blank lines are the sum of theirs: a long
 * draft's counts can be kept block by block.
 */
export function readingCounts(text: string): ReadingCounts {
  let words = 0;
  let syllables = 0;
  let sentences = 0;
  for (const paragraph of text.split(paragraphBreak)) {
    const found = paragraph.match(wordPattern);
    if (found === null) continue;
    words += found.length;
    for (const word of found) syllables += countSyllables(word);
    sentences += (paragraph.match(sentenceEnd) ?? []).length + (endsWithSentenceEnd.test(paragraph) ? 0 : 1);
  }
  return { words, syllables, sentences };
}

export function addReadingCounts(a: ReadingCounts, b: ReadingCounts): ReadingCounts {
  return { words: a.words + b.words, syllables: a.syllables + b.syllables, sentences: a.sentences + b.sentences };
}

/** Flesch–Kincaid from counts already made, such as a draft's added up block by block. */
export function readabilityOf(counts: ReadingCounts): Readability | null {
  if (counts.words < 30) return null;
  const sentences = Math.max(1, counts.sentences);
  const { words, syllables } = counts;
  const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  const rounded = Math.max(0, Math.round(grade * 10) / 10);
  const readingAge = Math.round(rounded + 5);
  let hint: string;
  if (readingAge <= 12) hint = 'Easy to read for most people.';
  else if (readingAge <= 15) hint = 'Plain English: most adults can read this easily.';
  else if (readingAge <= 18) hint = 'Fairly hard: shorter sentences and everyday words would help.';
  else hint = 'Hard to read: try shorter sentences and simpler words.';
  return { words, sentences, grade: rounded, readingAge, hint };
}
