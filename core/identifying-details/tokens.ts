/** A word in the checked text, with its UTF-16 offsets. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, with typographic apostrophes made plain, for list look-ups. */
  lower: string;
  /** True when the first letter is upper case. */
  capitalised: boolean;
  /** True when this word starts a sentence, so its capital letter says nothing about it being a name. */
  sentenceStart: boolean;
  /**
   * True when this word's sentence is written without capitals (it starts in lower case, or says "i"). Only
   * there is a lower-case word that looks like a first name ("jake") taken as a name.
   */
  casual: boolean;
  /**
   * True when most words in this word's sentence are capitalised (all capitals, or Title Case), so a capital
   * letter there says nothing about a name.
   */
  shouted: boolean;
}

/**
 * Words are letters and digits, joined by apostrophes and hyphens, so "Stoke-on-Trent", "Mary's" and
 * "O'Brien" are single words, while "St." and "Mr." lose their full stop.
 */
const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const upperFirst = /^\p{Lu}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    const word = match[0];
    const gap = text.slice(previousEnd, start);
    const previous = tokens.at(-1);
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      lower: word.toLowerCase().replaceAll('’', "'"),
      capitalised: upperFirst.test(word),
      sentenceStart: previous === undefined || startsSentence(gap, previous),
      casual: false,
      shouted: false,
    });
    previousEnd = start + word.length;
  }
  markSentenceCase(tokens);
  return tokens;
}

/** Marks sentences written without capitals, and sentences written in capitals throughout. */
function markSentenceCase(tokens: Token[]): void {
  let first = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && !(tokens[i]?.sentenceStart === true && i > first)) continue;
    const sentence = tokens.slice(first, i);
    const casual =
      (sentence[0] !== undefined && !sentence[0].capitalised && /^\p{L}/u.test(sentence[0].text)) ||
      sentence.some((token) => token.text === 'i' || token.text === "i'm" || token.text === 'i’m');
    if (casual) for (const token of sentence) token.casual = true;
    const letters = sentence.filter((token) => /^\p{L}/u.test(token.text));
    // "I" and "I'm" are capitals in any sentence, so they say nothing about shouting.
    const capitalised = letters.filter((token) => token.capitalised && !selfWords.test(token.text)).length;
    if (letters.length >= 4 && capitalised / letters.length >= 0.6) for (const token of sentence) token.shouted = true;
    first = i;
  }
}

const selfWords = /^I(?:['’](?:m|d|ve|ll))?$/;

const abbreviationsBeforeFullStop = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'sgt', 'rev', 'prof', 'no', 'cllr']);

/** A gap ends a sentence when it holds a line break, or sentence punctuation not after a title like "Mr.". */
function startsSentence(gap: string, previous: Token): boolean {
  if (/\n/.test(gap)) return true;
  if (/[!?]/.test(gap)) return true;
  if (/\./.test(gap)) return !abbreviationsBeforeFullStop.has(previous.lower);
  // An opening quotation mark starts reported speech, which begins with a capital like a sentence.
  return /(?:^|[\s,:;(])['"‘“]$/.test(gap);
}

/** The text between two tokens is plain spacing (one line), as inside a multi-word name. */
export function joinedBySpace(text: string, left: Token, right: Token): boolean {
  return /^\.?[ \t\u00a0]{1,2}$/.test(text.slice(left.end, right.start));
}

/** Index of the first token that starts at or after `offset`, by binary search. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const token = tokens[middle];
    if (token !== undefined && token.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A copy of the text, the same length, in which sentences written in capitals throughout ("I WAS 14 AND
 * LIVED IN WALSALL") are in lower case. The rules read capitals as a sign of a name, which such sentences
 * do not give; in lower case they are read like other writing without capitals. Only A–Z change, so every
 * offset stays the same.
 */
export function lowerCaseShouting(text: string, tokens: readonly Token[]): string {
  const ranges: [number, number][] = [];
  let first = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && !(tokens[i]?.sentenceStart === true && i > first)) continue;
    const sentence = tokens.slice(first, i);
    const words = sentence.filter((token) => /\p{L}/u.test(token.text));
    const capitals = words.filter((token) => token.text === token.text.toUpperCase()).length;
    const start = sentence[0]?.start;
    const end = sentence.at(-1)?.end;
    if (words.length >= 3 && capitals / words.length >= 0.7 && start !== undefined && end !== undefined) {
      ranges.push([start, end]);
    }
    first = i;
  }
  if (ranges.length === 0) return text;
  let result = '';
  let done = 0;
  for (const [start, end] of ranges) {
    result += text.slice(done, start) + text.slice(start, end).replace(/[A-Z]/g, (letter) => letter.toLowerCase());
    done = end;
  }
  return result + text.slice(done);
}
