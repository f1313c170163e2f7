import data from './data/uk-lexicon.json';

/** The UK nations, as the reference data marks them. */
export type Nation = 'E' | 'W' | 'S' | 'N';

export const nationNames: Record<Nation, string> = {
  E: 'England',
  W: 'Wales',
  S: 'Scotland',
  N: 'Northern Ireland',
};

export interface PlaceEntry {
  nations: Nation[];
  /** The name is also an everyday word ("Hope", "Bath"), so it needs a cue before it counts. */
  everyday: boolean;
}

/** Bit flags of what a word is, as a name. */
export const firstNameFlag = 1;
export const surnameFlag = 2;
export const otherNameFlag = 4;
/** The name is also an everyday English word ("Dawn", "Will"). */
export const everydayFlag = 8;

export interface UkLexicon {
  /** Places of the UK by lower-case name (words joined by single spaces). */
  places: ReadonlyMap<string, PlaceEntry>;
  /** The most words in any place name, which bounds the search. */
  longestPlace: number;
  /** For each word that starts a place's name, the most words in a place's name starting with it. */
  placeStarts: ReadonlyMap<string, number>;
  /** Given names and surnames by lower-case word, as bit flags. */
  names: ReadonlyMap<string, number>;
}

let cached: UkLexicon | undefined;

/** Lower case with typographic apostrophes made plain, as tokens are keyed. */
export function lexiconKey(name: string): string {
  return name.toLowerCase().replaceAll('’', "'").replace(/\s+/g, ' ');
}

function unpack(packed: string, visit: (name: string, everyday: boolean) => void): void {
  for (const entry of packed.split('|')) {
    if (entry.length === 0) continue;
    const everyday = entry.startsWith('~');
    visit(everyday ? entry.slice(1) : entry, everyday);
  }
}

/**
 * The reference data (places from Ordnance Survey Open Names and GeoNames, names from multicultural lists;
 * `scripts/build-detector-data.ts` says where each comes from), unpacked into look-up tables on first use, so a
 * page that never checks a text never pays for it. The JSON module is only reached through the detector, which
 * the app loads lazily.
 */
export function ukLexicon(): UkLexicon {
  cached ??= unpackLexicon(data);
  return cached;
}

/** The reference data as it is stored: names joined by "|", each marked "~" when it is an everyday word. */
export interface LexiconData {
  places: Record<string, string>;
  firstNames: string;
  surnames: string;
  otherNames: string;
}

/** Builds the look-up tables from the stored data (exported so the benchmark can time it). */
export function unpackLexicon(data: LexiconData): UkLexicon {
  const places = new Map<string, PlaceEntry>();
  const placeStarts = new Map<string, number>();
  let longestPlace = 1;
  for (const [nation, packed] of Object.entries(data.places)) {
    if (nation !== 'E' && nation !== 'W' && nation !== 'S' && nation !== 'N') continue;
    unpack(packed, (name, everyday) => {
      const key = lexiconKey(name);
      const existing = places.get(key);
      if (existing === undefined) places.set(key, { nations: [nation], everyday });
      else if (!existing.nations.includes(nation)) existing.nations.push(nation);
      const words = key.split(/[ ]/);
      longestPlace = Math.max(longestPlace, words.length);
      const firstWord = words[0] ?? key;
      placeStarts.set(firstWord, Math.max(placeStarts.get(firstWord) ?? 1, words.length));
    });
  }
  const names = new Map<string, number>();
  const addNames = (packed: string, flag: number): void =>
    unpack(packed, (name, everyday) => {
      const key = lexiconKey(name);
      names.set(key, (names.get(key) ?? 0) | flag | (everyday ? everydayFlag : 0));
    });
  addNames(data.firstNames, firstNameFlag);
  addNames(data.surnames, surnameFlag);
  addNames(data.otherNames, otherNameFlag);
  return { places, longestPlace, placeStarts, names };
}
