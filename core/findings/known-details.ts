/**
 * The consultee's own list of "people and places in my story": their name, family, workers, school,
 * streets. Each entry is looked for in everything shared, in any case and accents, with or without a
 * possessive ("Jade's", "Jades"), with spaces, hyphens or nothing between its words ("Mary-Jane",
 * "Mary Jane", "MaryJane"), with or without apostrophes and full stops ("O'Neil", "ONeil", "St. Anne's"),
 * and word by word for the distinctive words of a longer entry ("Jade" and "Okafor" of "Jade Okafor").
 */
export const knownDetailKinds = ['person', 'place', 'school', 'organisation'] as const;
export type KnownDetailKind = (typeof knownDetailKinds)[number];

export const knownDetailKindLabels: Record<KnownDetailKind, string> = {
  person: 'A person',
  place: 'A place or street',
  school: 'A school or college',
  organisation: 'A workplace, club or service',
};

export interface KnownDetail {
  text: string;
  kind: KnownDetailKind;
}

/** The longest entry kept: a name, an address line, a school's full name. */
export const maxKnownDetailLength = 120;
/** More entries than anyone needs; it bounds the work of one check. */
export const maxKnownDetails = 500;

export interface KnownMatch {
  start: number;
  end: number;
  kind: KnownDetailKind;
  /** The entry as the consultee wrote it. */
  entry: string;
}

/**
 * Words too general to look for alone when they are part of a longer entry: "Hollinswood Primary School"
 * is looked for whole and as "Hollinswood", never as "School".
 */
const generalWords = new Set(
  `the a an of and in on at by for to my our his her their
  street st road rd lane ln avenue ave close drive dr way place court crescent terrace grove gardens hill
  park square row walk view green estate centre center house flat flats block tower towers
  school primary secondary academy college university high infant infants junior nursery grammar
  church saint hospital surgery clinic club centre team unit home care services service council
  ward town city village north south east west upper lower new old great little mr mrs ms miss dr mx`.split(/\s+/),
);

/** Folds one UTF-16 unit to lower case without accents, keeping its length, so offsets stay the same. */
function foldUnit(unit: string): string {
  const lower = unit.normalize('NFD').charAt(0).toLowerCase();
  return lower.length === 1 ? lower : unit;
}

/** The text in lower case without accents, unit by unit: same length, same offsets. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most text is plain ASCII, whose lower case keeps every offset; the rest is folded unit by unit.
  if (!/[\u0080-\uffff]/.test(text)) return lower;
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += foldUnit(text.charAt(i));
  return folded;
}

const letter = String.raw`[\p{L}\p{N}]`;
const separator = String.raw`[\s\-‐‑–—_.]*`;

/** The pattern of one word: apostrophes optional and any kind, a full stop optional, the rest as written. */
function wordPattern(word: string): string {
  return word.replace(/['’‘`]|[.*+?^${}()|[\]\\]/g, (unit) =>
    /['’‘`]/.test(unit) ? "['’‘`]?" : unit === '.' ? String.raw`\.?` : `\\${unit}`,
  );
}

/** The words of an entry, folded: parts between spaces, each a list of words between hyphens. */
function partsOf(entry: string): string[][] {
  return foldText(entry)
    .split(/\s+/)
    .map((part) =>
      part
        .split(/[-‐‑–—_]+/)
        .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.'’]+$/gu, ''))
        .filter((word) => word !== ''),
    )
    .filter((part) => part.length > 0);
}

interface Variant {
  pattern: string;
  length: number;
  kind: KnownDetailKind;
  entry: string;
}

const bare = (word: string) => word.replace(/[.'’]/g, '');
const distinctive = (word: string) => bare(word).length >= 3 && !generalWords.has(bare(word));

function variantsOf(detail: KnownDetail): Variant[] {
  const entry = detail.text.trim().slice(0, maxKnownDetailLength);
  const parts = partsOf(entry);
  const words = parts.flat();
  if (words.map(bare).join('').length < 2) return [];
  const variant = (list: readonly string[]): Variant => ({
    pattern: list.map(wordPattern).join(separator),
    length: list.join(' ').length,
    kind: detail.kind,
    entry,
  });
  const variants = [variant(words)];
  // "Mary-Jane Okafor" is also looked for as "Mary-Jane", "Okafor" and "Jane"; "Hollinswood Primary" as "Hollinswood".
  if (parts.length > 1) {
    for (const part of parts) if (part.some(distinctive)) variants.push(variant(part));
  }
  if (words.length > 1) {
    for (const word of words) if (distinctive(word)) variants.push(variant([word]));
  }
  return variants;
}

/**
 * A matcher for the entries, built once for many texts: where they appear in a text, the longest entry
 * first where two would overlap. A possessive after a match ("Jade's", "Jades") is left out of it, so
 * replacing the name keeps the possessive.
 */
export function knownDetailMatcher(details: readonly KnownDetail[]): (text: string) => KnownMatch[] {
  const variants = details
    .slice(0, maxKnownDetails)
    .flatMap(variantsOf)
    .sort((a, b) => b.length - a.length)
    .map((variant) => ({
      ...variant,
      regex: new RegExp(`(?<!${letter})${variant.pattern}(?=(?:['’]?s)?(?!${letter}))`, 'gu'),
    }));
  return (text) => {
    if (text === '' || variants.length === 0) return [];
    const folded = foldText(text);
    const taken: KnownMatch[] = [];
    for (const variant of variants) {
      for (const match of folded.matchAll(variant.regex)) {
        const start = match.index;
        const end = start + match[0].length;
        if (end <= start || taken.some((other) => other.start < end && start < other.end)) continue;
        taken.push({ start, end, kind: variant.kind, entry: variant.entry });
      }
    }
    return taken.sort((a, b) => a.start - b.start);
  };
}

/** Where the entries appear in one text (see {@link knownDetailMatcher}). */
export function findKnownDetails(text: string, details: readonly KnownDetail[]): KnownMatch[] {
  return knownDetailMatcher(details)(text);
}
