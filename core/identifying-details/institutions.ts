import { lookUpPlace } from './gazetteer';
import { joinedBySpace, type Token } from './tokens';
import { type Candidate, type FindingConfidence, type FindingKind } from './types';
import { functionWords, nationalOrganisations } from './word-lists';

/**
 * Schools, workplaces and venues, streets, addresses and estates: names built from capitalised words and a
 * telling last word ("Brampton Heath Academy", "Star Line Cars", "Holly Lane"), or introduced by a cue
 * ("worked at Tesco", "a club called Pulse").
 */
export function findInstitutions(text: string, tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const rule of suffixRules) {
      const suffix = matchPhrase(text, tokens, i, rule.phrases);
      if (suffix === undefined) continue;
      const first = tokens[i];
      if (first === undefined || (rule.capitalised && !first.capitalised)) continue;
      const candidate = rule.build(text, tokens, i, suffix);
      if (candidate !== undefined) found.push(candidate);
    }
  }
  found.push(...universityOf(text, tokens), ...afterCue(text, tokens));
  return found;
}

interface SuffixRule {
  phrases: PhraseSet;
  /** Whether the suffix must be capitalised ("Academy", not "academy"). */
  capitalised: boolean;
  build: (text: string, tokens: readonly Token[], at: number, suffixLength: number) => Candidate | undefined;
}

/** Lower-case phrases, grouped by their first word, longest first. */
type PhraseSet = ReadonlyMap<string, readonly string[][]>;

function phraseSet(phrases: readonly string[]): PhraseSet {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    const first = words[0] ?? '';
    const list = byFirst.get(first) ?? [];
    list.push(words);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
}

/** The number of tokens of the longest phrase starting at token `at`, if any. */
function matchPhrase(text: string, tokens: readonly Token[], at: number, phrases: PhraseSet): number | undefined {
  const first = tokens[at];
  if (first === undefined) return undefined;
  const candidates = phrases.get(first.lower);
  if (candidates === undefined) return undefined;
  for (const words of candidates) {
    let ok = true;
    for (let k = 1; k < words.length; k++) {
      const token = tokens[at + k];
      const previous = tokens[at + k - 1];
      if (
        token === undefined ||
        previous === undefined ||
        token.lower !== words[k] ||
        !joinedBySpace(text, previous, token)
      ) {
        ok = false;
        break;
      }
    }
    if (ok) return words.length;
  }
  return undefined;
}

/** Words that describe a kind of school or place rather than name one. */
const genericNameWords = new Set([
  'church',
  'of',
  'england',
  'catholic',
  'rc',
  'ce',
  'c',
  'e',
  'community',
  'girls',
  "girls'",
  'boys',
  "boys'",
  'high',
  'primary',
  'secondary',
  'junior',
  'infant',
  'sixth',
  'form',
  'city',
  'technical',
  'sports',
  'arts',
  'free',
  'grammar',
  'academy',
  'school',
  'special',
  'pupil',
  'referral',
  'unit',
  'main',
  'industrial',
  'council',
  'housing',
  'retail',
  'business',
  'general',
  'royal',
  'county',
  'new',
  'old',
  'big',
  'little',
  'local',
  'national',
  'british',
  'english',
  'st',
  'saint',
  'north',
  'south',
  'east',
  'west',
  'upper',
  'lower',
  'the',
]);

/**
 * Walks back from the suffix over the capitalised words of a name ("St Mary's", "Brampton Heath"), allowing
 * "of" and "and" between them. Returns the first token of the name, or undefined when there is no real name
 * ("the High School", "Primary School").
 */
function nameStartBefore(
  text: string,
  tokens: readonly Token[],
  at: number,
  options: { maxWords: number; allowLowerCase?: boolean; allowGeneric?: boolean },
): number | undefined {
  let start = at;
  let words = 0;
  for (let j = at - 1; j >= 0 && words < options.maxWords; j--) {
    const token = tokens[j];
    const next = tokens[j + 1];
    if (token === undefined || next === undefined) break;
    if (!joinedBySpace(text, token, next)) break;
    if (token.lower === 'of' || token.lower === 'and') {
      // A connector only counts between two capitalised words: "Church of England", "Elephant and Castle".
      const before = tokens[j - 1];
      if (before?.capitalised === true && next.capitalised && joinedBySpace(text, before, token)) continue;
      break;
    }
    const nameLike = token.capitalised || (options.allowLowerCase === true && /^\p{Ll}/u.test(token.text));
    if (!nameLike || functionWords.has(token.lower) || /^\d/.test(token.text)) break;
    start = j;
    words++;
  }
  if (start === at) return undefined;
  if (options.allowGeneric === true) return start;
  for (let j = start; j < at; j++) {
    const token = tokens[j];
    if (token !== undefined && !genericNameWords.has(token.lower)) return start;
  }
  return undefined;
}

function spanOf(tokens: readonly Token[], first: number, lastExclusive: number): [number, number] | undefined {
  const a = tokens[first];
  const b = tokens[lastExclusive - 1];
  return a === undefined || b === undefined ? undefined : [a.start, b.end];
}

function namedBySuffix(
  kind: FindingKind,
  confidence: FindingConfidence,
  maxWords = 5,
): (text: string, tokens: readonly Token[], at: number, suffixLength: number) => Candidate | undefined {
  return (text, tokens, at, suffixLength) => {
    const start = nameStartBefore(text, tokens, at, { maxWords });
    if (start === undefined) return undefined;
    const span = spanOf(tokens, start, at + suffixLength);
    if (span === undefined) return undefined;
    const name = text.slice(span[0], span[1]);
    if (nationalOrganisations.has(name.toLowerCase())) return undefined;
    return { kind, start: span[0], end: span[1], confidence };
  };
}

const schoolPhrases = phraseSet([
  'high school',
  'primary school',
  'secondary school',
  'junior school',
  'infant school',
  'infants school',
  'first school',
  'middle school',
  'grammar school',
  'free school',
  'studio school',
  'special school',
  'sixth form college',
  'sixth form',
  'pupil referral unit',
  'academy',
  'school',
  'college',
  'university',
  'uni',
  'primary',
  'high',
  'grammar',
  'comprehensive',
  'juniors',
  'infants',
  'pru',
  'utc',
]);

const organisationPhrases = phraseSet([
  'ltd',
  'limited',
  'plc',
  'llp',
  'police',
  'constabulary',
  'council',
  'nhs trust',
  'nhs foundation trust',
  "children's trust",
  'hospital',
  'general hospital',
  'infirmary',
  'crown court',
  "magistrates' court",
  'magistrates court',
  'youth court',
  'family court',
  'county court',
  "children's home",
  'youth centre',
  'youth club',
  'youth project',
  'community centre',
  'leisure centre',
  'medical centre',
  'health centre',
  'medical practice',
  'surgery',
  'hotel',
  'lodge',
  'inn',
  'arms',
  'tavern',
  'bar',
  'lounge',
  'nightclub',
  'club',
  'kebabs',
  'kebab house',
  'pizza',
  'pizzas',
  'chicken',
  'grill',
  'takeaway',
  'fish bar',
  'café',
  'cafe',
  'restaurant',
  'cars',
  'taxis',
  'cabs',
  'private hire',
  'garage',
  'motors',
  'car wash',
  'barbers',
  'salon',
  'nails',
  'gym',
  'fitness',
  'fc',
  'football club',
  'shopping centre',
  'retail park',
  'mosque',
  'gurdwara',
  'church',
  'trust',
  'foundation',
  'project',
]);

/** Venue words that name a place when they follow a capitalised name in lower case: "the Red Lion pub". */
const venuePhrases = phraseSet([
  'pub',
  'nightclub',
  'club',
  'bar',
  'hotel',
  'takeaway',
  'café',
  'cafe',
  'restaurant',
  'chippy',
  'kebab shop',
  'chip shop',
  'shisha lounge',
  'shisha bar',
  'car wash',
  'garage',
  'hostel',
]);

const streetPhrases = phraseSet([
  'road',
  'street',
  'lane',
  'avenue',
  'close',
  'drive',
  'way',
  'crescent',
  'grove',
  'gardens',
  'terrace',
  'mews',
  'parade',
  'rise',
  'rd',
  'ave',
]);

/** Street words only taken with a house number, since alone they are often something else ("Elm Court"). */
const numberedOnlyStreetPhrases = phraseSet([
  'court',
  'hill',
  'place',
  'walk',
  'row',
  'square',
  'green',
  'park',
  'view',
]);

const placePhrases = phraseSet([
  'estate',
  'flats',
  'tower',
  'towers',
  'park',
  'bus station',
  'train station',
  'station',
]);

const suffixRules: readonly SuffixRule[] = [
  { phrases: schoolPhrases, capitalised: true, build: school },
  { phrases: organisationPhrases, capitalised: true, build: namedBySuffix('organisation', 'high') },
  { phrases: venuePhrases, capitalised: false, build: namedBySuffix('organisation', 'medium', 4) },
  { phrases: streetPhrases, capitalised: false, build: street(false) },
  { phrases: numberedOnlyStreetPhrases, capitalised: false, build: street(true) },
  { phrases: placePhrases, capitalised: false, build: namedBySuffix('place', 'medium', 3) },
];

function school(text: string, tokens: readonly Token[], at: number, suffixLength: number): Candidate | undefined {
  const next = tokens[at + suffixLength];
  const suffix = tokens[at];
  // "High Street" and "College Road" are streets, not schools.
  if (
    next !== undefined &&
    streetPhrases.has(next.lower) &&
    joinedBySpace(text, tokens[at + suffixLength - 1] ?? next, next)
  ) {
    return undefined;
  }
  if (suffix?.lower === 'uni' && next?.capitalised === true) return undefined;
  return namedBySuffix('school', 'high')(text, tokens, at, suffixLength);
}

function street(
  needsNumber: boolean,
): (text: string, tokens: readonly Token[], at: number, suffixLength: number) => Candidate | undefined {
  return (text, tokens, at, suffixLength) => {
    const suffix = tokens[at];
    const next = tokens[at + suffixLength];
    if (suffix === undefined) return undefined;
    // "St" after a name is a street ("Elm St"), but before one it is a saint ("St Mary's").
    if (
      next !== undefined &&
      next.capitalised &&
      joinedBySpace(text, suffix, next) &&
      /^(?:st|rd|ave)$/.test(suffix.lower)
    ) {
      return undefined;
    }
    let start = nameStartBefore(text, tokens, at, { maxWords: 3 });
    let number = start === undefined ? undefined : houseNumberBefore(text, tokens, start);
    if (start === undefined) {
      // A lower-case street name counts only with a house number: "27 holly lane". So does a street named
      // with a word that alone names no street ("Church", "High"): "14 Church Street" is an address.
      start = nameStartBefore(text, tokens, at, { maxWords: 2, allowLowerCase: true, allowGeneric: true });
      number = start === undefined ? undefined : houseNumberBefore(text, tokens, start);
      if (number === undefined) return genericStreet(text, tokens, start, at, suffixLength);
    }
    if (start === undefined) return undefined;
    const name = tokens
      .slice(start, at)
      .map((token) => token.lower)
      .join(' ');
    const end = tokens[at + suffixLength - 1]?.end ?? suffix.end;
    if (number !== undefined) return { kind: 'address', start: number, end, confidence: 'high' };
    if (needsNumber || !suffix.capitalised || name === 'high' || name === 'the high') return undefined;
    const first = tokens[start];
    return first === undefined ? undefined : { kind: 'place', start: first.start, end, confidence: 'high' };
  };
}

/**
 * "Church Street" or "Main Street" without a number is still a street, when written with capitals and not
 * after "the"; "the High Street" and "the high street" are the town centre, which identifies no one.
 */
function genericStreet(
  text: string,
  tokens: readonly Token[],
  start: number | undefined,
  at: number,
  suffixLength: number,
): Candidate | undefined {
  if (start === undefined || at - start !== 1) return undefined;
  const name = tokens[start];
  const suffix = tokens[at];
  const end = tokens[at + suffixLength - 1]?.end;
  if (name === undefined || suffix === undefined || end === undefined) return undefined;
  if (!name.capitalised || !suffix.capitalised || name.sentenceStart) return undefined;
  if (tokens[start - 1]?.lower === 'the' || !/^(?:church|high|main|market|station)$/.test(name.lower)) return undefined;
  return { kind: 'place', start: name.start, end, confidence: 'medium' };
}

/** The start of "27", "27a", "Flat 3, 22" or "No. 14" just before token `at`, if any. */
function houseNumberBefore(text: string, tokens: readonly Token[], at: number): number | undefined {
  const first = tokens[at];
  let j = at - 1;
  let start: number | undefined;
  while (j >= 0) {
    const token = tokens[j];
    const after = tokens[j + 1] ?? first;
    if (token === undefined || after === undefined) break;
    const gap = text.slice(token.end, after.start);
    if (start === undefined) {
      if (!/^\d{1,4}[a-z]?$/i.test(token.text) || !/^,?[ \t]{1,2}$/.test(gap)) break;
      start = token.start;
    } else if (/^(?:flat|apartment|unit|no|number)$/i.test(token.text) && /^\.?[ \t]{1,2}$/.test(gap)) {
      start = token.start;
    } else if (/^\d{1,4}[a-z]?$/i.test(token.text) && /^,?[ \t]{1,2}$/.test(gap)) {
      // "Flat 3, 22 Victoria Street": keep walking back over the flat number.
      start = token.start;
    } else {
      break;
    }
    j--;
  }
  return start;
}

/** "University of Wolverhampton", "College of Further Education" is generic, so it needs a real name. */
function universityOf(text: string, tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const head = tokens[i];
    const of = tokens[i + 1];
    if (head === undefined || of === undefined) continue;
    if (!/^(?:university|college|academy)$/.test(head.lower) || !head.capitalised || of.lower !== 'of') continue;
    let last = i + 1;
    for (let j = i + 2; j < tokens.length && j < i + 6; j++) {
      const token = tokens[j];
      const previous = tokens[j - 1];
      if (token === undefined || previous === undefined || !joinedBySpace(text, previous, token)) break;
      if (!token.capitalised && token.lower !== 'the' && token.lower !== 'and') break;
      last = j;
    }
    const name = tokens.slice(i + 2, last + 1).filter((token) => !genericNameWords.has(token.lower));
    const end = tokens[last]?.end;
    if (name.length > 0 && end !== undefined)
      found.push({ kind: 'school', start: head.start, end, confidence: 'high' });
  }
  return found;
}

const cuePattern =
  /\b(?:(?:worked|work|working|works|job|jobs|shifts?|washing up|cleaning|waitressing|apprenticeship|placement|volunteered|volunteering)\s+at|employed by|job with|(?:pub|club|nightclub|bar|takeaway|shop|café|cafe|restaurant|hotel|garage|car wash|taxi firm|cab firm|firm|company|gym|salon|barbers|chippy|kebab shop|chip shop|hostel|shisha lounge|shisha bar|snooker hall|gang)\s+(?:called|named))\s+(?:the\s+)?['"‘“]?$/i;

/** "worked at Tesco", "a takeaway called Pizza Palace": the capitalised words after the cue. */
function afterCue(text: string, tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || !token.capitalised || functionWords.has(token.lower)) continue;
    const previous = tokens[i - 1];
    if (previous === undefined) continue;
    const before = text.slice(Math.max(0, token.start - 60), token.start);
    if (!cuePattern.test(before)) continue;
    let last = i;
    for (let j = i + 1; j < tokens.length && j < i + 4; j++) {
      const next = tokens[j];
      const prior = tokens[j - 1];
      if (next === undefined || prior === undefined || !next.capitalised || !joinedBySpace(text, prior, next)) break;
      if (functionWords.has(next.lower)) break;
      last = j;
    }
    const end = tokens[last]?.end ?? token.end;
    const name = text.slice(token.start, end).replace(/['’]s$/, '');
    if (nationalOrganisations.has(name.toLowerCase()) || lookUpPlace(name) !== undefined) continue;
    i = last;
    // "a club called Pulse" becomes "a club nearby": the name goes with "called".
    const called = /(?:called|named)\s+(?:the\s+)?['"‘“]?$/i.exec(before);
    if (called !== null) {
      const start = token.start - called[0].length;
      found.push({
        kind: 'organisation',
        start,
        end: token.start + name.length,
        confidence: 'medium',
        suggestion: 'nearby',
      });
      continue;
    }
    found.push({ kind: 'organisation', start: token.start, end: token.start + name.length, confidence: 'medium' });
  }
  return found;
}
