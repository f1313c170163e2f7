import nlp from 'compromise';
import {
  broadAreas,
  lookUpPlace,
  matchGazetteer,
  placeKey,
  placeNamesThatArePeople,
  placeNamesThatAreWords,
} from './gazetteer';
import { joinedBySpace, tokenIndexAt, type Token } from './tokens';
import { type Candidate } from './types';
import {
  functionWords,
  locativeWords,
  nationalOrganisations,
  namesThatAreWords,
  notNames,
  roleWords,
  serviceWords,
  brands,
  titlePrefixes,
  titleSuggestions,
} from './word-lists';

/** The parts of compromise's lexicon this module reads: word → tags. */
interface Lexicon {
  personNames: ReadonlySet<string>;
  /** First names only, which are names even in lower case ("jake"); surnames in lower case are usually words. */
  firstNames: ReadonlySet<string>;
  /** Words compromise knows as places or countries, world-wide. */
  places: ReadonlySet<string>;
  /** Words compromise knows as ordinary English words. */
  ordinaryWords: ReadonlySet<string>;
}

const nameTags = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person']);
const firstNameTags = new Set(['FirstName', 'MaleName', 'FemaleName']);
const placeTags = new Set(['Country', 'City', 'Region', 'Place']);

let cachedLexicon: Lexicon | undefined;

/**
 * compromise's lexicon, read once. compromise types `world()` as a bare object, so each step is checked;
 * if a future version moves the lexicon, the detector still runs, with less help for names in lower case.
 */
export function compromiseLexicon(): Lexicon {
  if (cachedLexicon !== undefined) return cachedLexicon;
  const personNames = new Set<string>();
  const firstNames = new Set<string>();
  const places = new Set<string>();
  const ordinaryWords = new Set<string>();
  const entries = lexiconEntries(nlp.world());
  for (const [word, value] of entries) {
    const tags = Array.isArray(value) ? value : [value];
    if (tags.some((tag) => typeof tag === 'string' && firstNameTags.has(tag))) firstNames.add(word);
    if (tags.some((tag) => typeof tag === 'string' && nameTags.has(tag))) personNames.add(word);
    else if (tags.some((tag) => typeof tag === 'string' && placeTags.has(tag))) places.add(word);
    else if (!tags.includes('ProperNoun') && !tags.includes('Organization')) ordinaryWords.add(word);
  }
  cachedLexicon = { personNames, firstNames, places, ordinaryWords };
  return cachedLexicon;
}

function lexiconEntries(world: object): [string, unknown][] {
  const model: unknown = Reflect.get(world, 'model');
  if (typeof model !== 'object' || model === null) return [];
  const one: unknown = Reflect.get(model, 'one');
  if (typeof one !== 'object' || one === null) return [];
  const lexicon: unknown = Reflect.get(one, 'lexicon');
  if (typeof lexicon !== 'object' || lexicon === null) return [];
  return Object.entries(lexicon);
}

function isPersonName(lexicon: Lexicon, lower: string): boolean {
  return lexicon.personNames.has(lower);
}

/** A lower-case word that is a first name and not also an everyday word ("jake", but not "foster"). */
function lowerCaseName(lexicon: Lexicon, token: Token): boolean {
  return (
    token.casual &&
    lexicon.firstNames.has(token.lower) &&
    !lexicon.ordinaryWords.has(token.lower) &&
    !namesThatAreWords.has(token.lower)
  );
}

function locativeBefore(text: string, tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  const token = tokens[index];
  if (previous === undefined || token === undefined) return false;
  if (!/^[ \t]{1,2}$/.test(text.slice(previous.end, token.start))) return false;
  return locativeWords.has(previous.lower);
}

/**
 * Towns, cities, districts and counties from the gazetteer. A place name that is also a word ("Reading") or
 * a person's name ("Chelsea") needs a locative word before it; other places are flagged in any case, with
 * medium confidence when written in lower case.
 */
export function findGazetteerPlaces(text: string, tokens: readonly Token[]): Candidate[] {
  const lexicon = compromiseLexicon();
  const found: Candidate[] = [];
  for (const match of matchGazetteer(text, tokens)) {
    const first = tokens[match.first];
    const last = tokens[match.last - 1];
    if (first === undefined || last === undefined) continue;
    const name = text.slice(first.start, last.end);
    const key = placeKey(name);
    if (broadAreas.has(key)) continue;
    const capitalised = tokens.slice(match.first, match.last).every((token) => token.capitalised);
    const locative = locativeBefore(text, tokens, match.first);
    const single = match.last - match.first === 1;
    if (placeNamesThatAreWords.has(key) && !(capitalised && locative)) continue;
    const personLike = placeNamesThatArePeople.has(key) || (single && isPersonName(lexicon, key));
    if (personLike && !locative) continue;
    // A place that is also a name, followed by another capitalised word, is a full name: "in Chelsea Morris's car".
    const next = tokens[match.last];
    if (next?.capitalised === true && joinedBySpace(text, last, next) && !next.sentenceStart && personLike) continue;
    found.push({
      kind: 'place',
      start: first.start,
      end: last.end,
      confidence: capitalised ? 'high' : 'medium',
    });
  }
  return found;
}

/** Words that, capitalised mid-sentence, are not worth sending to compromise. */
const selfWords = new Set(['i', "i'm", "i'd", "i've", "i'll"]);

/**
 * People, places and organisations by compromise. compromise tags roughly 20,000 words a second on the
 * machines we measured, too slow to run over a whole long resource on every check, so it only sees short windows (a few
 * words either side, within the sentence) around the words that might be names and that no other rule has
 * explained: a capitalised word that does not start its sentence, a sentence-opening word compromise knows
 * as a name, or a first name written in lower case in a sentence written without capitals.
 *
 * `explained` marks, by token index, the words other rules already found.
 */
export function findWithCompromise(text: string, tokens: readonly Token[], explained?: Uint8Array): Candidate[] {
  const lexicon = compromiseLexicon();
  const segments = candidateWindows(tokens, lexicon, explained);
  if (segments.length === 0) return [];

  // The windows go to compromise as one text, separated by blank lines (which compromise treats as sentence
  // breaks), and offsets are mapped back through the segment table.
  const parts: string[] = [];
  const table: { joined: number; original: number }[] = [];
  let joinedLength = 0;
  for (const [start, end] of segments) {
    const part = text.slice(start, end);
    table.push({ joined: joinedLength, original: start });
    parts.push(part);
    joinedLength += part.length + 2;
  }
  const joined = parts.join('\n\n');
  const doc = nlp(joined);
  const offsets = alignTerms(joined, doc.document);
  const toOriginal = (offset: number): number => {
    let low = 0;
    let high = table.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((table[middle]?.joined ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    const row = table[low];
    return row === undefined ? offset : row.original + (offset - row.joined);
  };

  const found: Candidate[] = [];
  const collect = (kind: 'person' | 'place' | 'organisation', view: TermView): void => {
    for (const match of view.docs) {
      for (const piece of splitMatch(match)) {
        const span = spanOfTerms(piece, offsets);
        if (span === undefined) continue;
        const start = toOriginal(span[0]);
        const end = toOriginal(span[1]);
        // A match that ran across two windows has no single place in the original text.
        if (text.slice(start, end) !== joined.slice(span[0], span[1])) continue;
        const candidate = judge(kind, text, tokens, start, end, lexicon);
        if (candidate !== undefined) found.push(candidate);
      }
    }
  };
  collect('person', doc.people());
  collect('place', doc.places());
  collect('organisation', doc.organizations());
  return found;
}

/** Words either side of a possible name that compromise is shown, for context. */
const windowBefore = 4;
const windowAfter = 3;

function mightBeName(token: Token, lexicon: Lexicon): boolean {
  if (token.shouted) return lowerCaseName(lexicon, { ...token, casual: true });
  if (token.capitalised) {
    if (selfWords.has(token.lower) || notNames.has(token.lower)) return false;
    if (token.text.length <= 5 && token.text === token.text.toUpperCase()) return false;
    return !token.sentenceStart || isPersonName(lexicon, token.lower);
  }
  return lowerCaseName(lexicon, token);
}

/**
 * compromise's matching slows sharply on very long sentences, and some writing has no full stops at all, so a
 * window never grows past this many words; the next one starts afresh, overlapping it.
 */
const maxWindowWords = 40;

function candidateWindows(tokens: readonly Token[], lexicon: Lexicon, explained?: Uint8Array): [number, number][] {
  const segments: [number, number][] = [];
  let sentenceFirst = 0;
  let lastWindowEnd = -1;
  let segmentFirst = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    if (token.sentenceStart) sentenceFirst = i;
    if (explained?.[i] === 1 || !mightBeName(token, lexicon)) continue;
    let last = i;
    while (last < i + windowAfter && tokens[last + 1] !== undefined && tokens[last + 1]?.sentenceStart !== true) last++;
    const first = Math.max(sentenceFirst, i - windowBefore);
    const firstToken = tokens[first];
    const lastToken = tokens[last];
    if (firstToken === undefined || lastToken === undefined) continue;
    const previous = segments.at(-1);
    // Overlapping windows in one sentence become one, so a name is never cut in two.
    const joins = previous !== undefined && lastWindowEnd >= sentenceFirst && first <= lastWindowEnd + 1;
    if (joins && last - segmentFirst < maxWindowWords) {
      previous[1] = lastToken.end;
    } else {
      segments.push([firstToken.start, lastToken.end]);
      segmentFirst = first;
    }
    lastWindowEnd = last;
  }
  return segments;
}

/** What this module needs of a compromise term and view; the library's own types are wider. */
interface TermLike {
  text: string;
  post: string;
  index?: [n?: number, start?: number];
  tags?: Set<string>;
}
interface TermView {
  docs: TermLike[][];
}

/** Offsets of every term in the joined text, by walking it in order. compromise keeps each term's text. */
function alignTerms(joined: string, document: readonly (readonly TermLike[])[]): number[][] {
  const offsets: number[][] = [];
  let cursor = 0;
  for (const sentence of document) {
    const row: number[] = [];
    for (const term of sentence) {
      if (term.text === '') {
        row.push(-1);
        continue;
      }
      const at = joined.indexOf(term.text, cursor);
      if (at < 0 || at - cursor > 200) {
        row.push(-1);
        continue;
      }
      row.push(at);
      cursor = at + term.text.length;
    }
    offsets.push(row);
  }
  return offsets;
}

/**
 * compromise sometimes runs two names together across punctuation ("Mr. Smith; Dr Okafor"), and includes
 * titles; split at punctuation and drop titles and function words from the ends.
 */
function splitMatch(match: readonly TermLike[]): TermLike[][] {
  const pieces: TermLike[][] = [];
  let current: TermLike[] = [];
  for (const term of match) {
    if (term.text !== '') current.push(term);
    if (/[,;:.!?()"“”\n]/.test(term.post)) {
      pieces.push(current);
      current = [];
    }
  }
  pieces.push(current);
  return pieces
    .map((piece) => {
      let start = 0;
      let end = piece.length;
      const isEdgeWord = (term: TermLike | undefined): boolean =>
        term !== undefined &&
        (term.tags?.has('Honorific') === true ||
          functionWords.has(term.text.toLowerCase()) ||
          notNames.has(term.text.toLowerCase()));
      while (start < end && isEdgeWord(piece[start])) start++;
      while (end > start && isEdgeWord(piece[end - 1])) end--;
      return piece.slice(start, end);
    })
    .filter((piece) => piece.length > 0);
}

function spanOfTerms(piece: readonly TermLike[], offsets: readonly number[][]): [number, number] | undefined {
  const first = piece[0];
  const last = piece.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const startAt = offsetOf(first, offsets);
  const lastAt = offsetOf(last, offsets);
  if (startAt === undefined || lastAt === undefined || lastAt < startAt) return undefined;
  const lastText = last.text.replace(/['’]s$/, '');
  return [startAt, lastAt + lastText.length];
}

function offsetOf(term: TermLike, offsets: readonly number[][]): number | undefined {
  const [n, i] = term.index ?? [];
  if (n === undefined || i === undefined) return undefined;
  const at = offsets[n]?.[i];
  return at === undefined || at < 0 ? undefined : at;
}

/** Keeps or drops what compromise found, using the gazetteer and the word lists. */
function judge(
  kind: 'person' | 'place' | 'organisation',
  text: string,
  tokens: readonly Token[],
  start: number,
  end: number,
  lexicon: Lexicon,
): Candidate | undefined {
  const value = text.slice(start, end);
  const lower = placeKey(value);
  const first = tokenIndexAt(tokens, start);
  const words = tokens.slice(first, tokenIndexAt(tokens, end));
  if (words.length === 0) return undefined;
  if (words.every((token) => notNames.has(token.lower) || functionWords.has(token.lower))) return undefined;
  const casualName = kind === 'person' && words.every((token) => lowerCaseName(lexicon, token));
  if (words.every((token) => !token.capitalised) && !casualName) {
    return undefined;
  }
  // Short capitalised acronyms (PE, YOT, CSE) are services and subjects, not names.
  if (value.length <= 5 && value === value.toUpperCase()) return undefined;
  if (nationalOrganisations.has(lower) || broadAreas.has(lower) || broadAreas.has(`the ${lower}`)) return undefined;
  const place = lookUpPlace(value);
  const single = words.length === 1;

  if (kind === 'person') {
    if (place !== undefined) {
      const personLike = placeNamesThatArePeople.has(lower) || (single && isPersonName(lexicon, lower));
      // The gazetteer rule already took it as a place if a locative word was before it.
      if (!personLike || locativeBefore(text, tokens, first)) return undefined;
    }
    const known = words.some((token) => isPersonName(lexicon, token.lower));
    return { kind, start, end, confidence: known || !single ? 'high' : 'medium' };
  }
  if (kind === 'place') {
    // The gazetteer rule decides for places it knows; compromise's own places outside it are usually abroad.
    if (place !== undefined) return undefined;
    if (single && (lexicon.places.has(lower) || lexicon.personNames.has(lower))) return undefined;
    return { kind, start, end, confidence: 'medium' };
  }
  if (place !== undefined || (single && lexicon.places.has(lower)) || brands.has(lower)) return undefined;
  // "the Multi-Agency Safeguarding Hub" is a kind of service, found everywhere.
  if (words.every((token) => serviceWords.has(token.lower))) return undefined;
  // "the Caldmore estate" and "Mill Street" are places, which the street and estate rules name better.
  if (placeEndings.test(value)) return undefined;
  return { kind, start, end, confidence: 'medium' };
}

const placeEndings =
  /\b(?:estate|park|flats|tower|towers|station|road|street|lane|avenue|close|drive|way|crescent|grove|gardens|terrace)$/i;

const placeNouns = new Set([
  'village',
  'town',
  'city',
  'estate',
  'area',
  'street',
  'road',
  'place',
  'hamlet',
  'suburb',
]);

/** Nouns for places and venues: "a village called X" names a place, "a club called X" a venue. */
const namedThings = new Set([
  ...placeNouns,
  'pub',
  'club',
  'nightclub',
  'bar',
  'takeaway',
  'shop',
  'café',
  'cafe',
  'restaurant',
  'hotel',
  'garage',
  'firm',
  'company',
  'gym',
  'salon',
  'barbers',
  'chippy',
  'hostel',
  'gang',
  'group',
  'home',
  'unit',
  'school',
  'college',
  'app',
  'website',
  'game',
  'film',
  'song',
  'book',
  'programme',
  'show',
]);

/** Verbs of living somewhere, before "in", "to" or "from": "we lived in", "they moved me to". */
const residenceCue =
  /\b(?:lived|live|lives|living|grew up|moved|moving|born|raised|settled|placed|relocated|housed|stayed|staying|trafficked)\s+(?:(?:back|away|out|me|us|him|her|them|up|down)\s+)?(?:in|to|into|near|outside|from|at)\s+$/i;

/**
 * Places the gazetteer does not know, from their context: "we lived in Chasetown", "a village called Little
 * Aston". The second becomes "a village nearby".
 */
export function findPlacesByContext(text: string, tokens: readonly Token[]): Candidate[] {
  const lexicon = compromiseLexicon();
  const found: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    if (token === undefined || previous === undefined || !token.capitalised || token.sentenceStart) continue;
    if (notNames.has(token.lower) || functionWords.has(token.lower) || nationalOrganisations.has(token.lower)) continue;
    const called = previous.lower === 'called' && placeNouns.has(tokens[i - 2]?.lower ?? '');
    const gap = text.slice(previous.end, token.start);
    if (!called && !residenceCue.test(text.slice(Math.max(0, token.start - 50), token.start))) continue;
    if (!/^[ \t]{1,2}['"‘“]?$/.test(gap)) continue;
    let end = i + 1;
    while (
      end < i + 3 &&
      tokens[end]?.capitalised === true &&
      joinedBySpace(text, tokens[end - 1] ?? token, tokens[end] ?? token)
    ) {
      end++;
    }
    const last = tokens[end - 1];
    if (last === undefined) continue;
    const name = text.slice(token.start, last.end);
    const key = placeKey(name);
    if (broadAreas.has(key) || (end === i + 1 && (lexicon.places.has(key) || lexicon.ordinaryWords.has(key)))) continue;
    if (lookUpPlace(name) !== undefined && !called) continue;
    found.push(
      called
        ? { kind: 'place', start: previous.start, end: last.end, confidence: 'high', suggestion: 'nearby' }
        : { kind: 'place', start: token.start, end: last.end, confidence: 'medium' },
    );
  }
  return found;
}

/** Describing words allowed between a determiner and a role: "my new social worker". */
const describingWords = new Set(['new', 'old', 'former', 'local']);

const determiners = new Set(['my', 'our', 'his', 'her', 'their', 'the', 'a', 'an', 'this', 'that', 'your']);
const roleList = roleWords.map((role) => role.split(/[ ]/));

/** A word that can be (part of) a personal name here. */
function nameToken(token: Token | undefined, lexicon: Lexicon): boolean {
  if (token === undefined || functionWords.has(token.lower) || notNames.has(token.lower)) return false;
  if (/^\d/.test(token.text)) return false;
  return token.capitalised || lowerCaseName(lexicon, token);
}

/** Up to `max` name words from token `at`, joined by spaces; returns the index after the last. */
function nameRun(text: string, tokens: readonly Token[], at: number, max: number, lexicon: Lexicon): number {
  let end = at;
  while (end < tokens.length && end - at < max) {
    const token = tokens[end];
    const previous = tokens[end - 1];
    if (!nameToken(token, lexicon) || token === undefined) break;
    if (end > at && (previous === undefined || !joinedBySpace(text, previous, token) || !token.capitalised)) break;
    end++;
  }
  return end;
}

export interface NamedPerson extends Candidate {
  /** The offsets of the name alone, without a role or title, for finding it again elsewhere. */
  nameStart: number;
  nameEnd: number;
}

/**
 * Names introduced by a title ("PC Davies"), a role ("my social worker Claire", "my key worker, Marcus,")
 * or a naming word ("a girl called Summer"). These are the surest signs of a name, and the role or title
 * gives the suggestion.
 */
export function findIntroducedNames(text: string, tokens: readonly Token[]): NamedPerson[] {
  const lexicon = compromiseLexicon();
  const found: NamedPerson[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;

    const title = titleSuggestions.get(token.lower);
    if (title !== undefined && token.capitalised) {
      const nameEnd = nameRun(text, tokens, i + 1, 3, lexicon);
      const next = tokens[i + 1];
      if (nameEnd > i + 1 && next !== undefined && next.capitalised && joinedBySpace(text, token, next)) {
        const previous = tokens[i - 1];
        const prefixed =
          previous !== undefined &&
          previous.capitalised &&
          titlePrefixes.has(previous.lower) &&
          joinedBySpace(text, previous, token);
        const start = prefixed ? previous.start : token.start;
        const suggestion = prefixed && previous.lower === 'detective' ? 'a detective' : title;
        const last = tokens[nameEnd - 1];
        if (last !== undefined) {
          found.push({
            kind: 'person',
            start,
            end: last.end,
            confidence: 'high',
            suggestion,
            nameStart: next.start,
            nameEnd: last.end,
          });
        }
        i = nameEnd - 1;
        continue;
      }
    }

    if (token.capitalised && nameToken(token, lexicon) && !token.text.endsWith("'s")) {
      const appositive = appositiveName(text, tokens, i, lexicon);
      if (appositive !== undefined) {
        found.push(appositive);
        continue;
      }
    }

    // A possessive works like a determiner: "the owner's nephew, Arif,".
    if (determiners.has(token.lower) || /\p{L}['’]s$/u.test(token.text)) {
      const role = roleAfterDeterminer(text, tokens, i + 1);
      if (role !== undefined) {
        const person = roleName(text, tokens, role.start, role.end - role.start, lexicon);
        if (person !== undefined) {
          found.push(person);
          continue;
        }
      }
    }

    if (
      (/^(?:called|named|nicknamed)$/.test(token.lower) && !namedThings.has(tokens[i - 1]?.lower ?? '')) ||
      (token.lower === 'as' && tokens[i - 1]?.lower === 'known')
    ) {
      const next = tokens[i + 1];
      if (next === undefined || !next.capitalised || !/^\s{1,2}['"‘“]?$/.test(text.slice(token.end, next.start)))
        continue;
      const nameEnd = nameRun(text, tokens, i + 1, 3, lexicon);
      const last = tokens[nameEnd - 1];
      if (nameEnd > i + 1 && last !== undefined) {
        found.push({
          kind: 'person',
          start: next.start,
          end: last.end,
          confidence: 'high',
          nameStart: next.start,
          nameEnd: last.end,
        });
      }
    }
  }
  return found;
}

/**
 * "Dean, one of the youth workers, ran…", "Sharon, my youth worker, had…": a capitalised name followed by a
 * role in apposition. The name alone is the finding.
 */
function appositiveName(text: string, tokens: readonly Token[], at: number, lexicon: Lexicon): NamedPerson | undefined {
  const nameEnd = nameRun(text, tokens, at, 2, lexicon);
  const first = tokens[at];
  const last = tokens[nameEnd - 1];
  if (first === undefined || last === undefined || nameEnd === at) return undefined;
  if (!/^,[ \t]{1,2}$/.test(text.slice(last.end, tokens[nameEnd]?.start ?? last.end))) return undefined;
  let next = nameEnd;
  if (tokens[next]?.lower === 'one' && tokens[next + 1]?.lower === 'of') next += 2;
  if (!determiners.has(tokens[next]?.lower ?? '')) return undefined;
  const role = roleAfterDeterminer(text, tokens, next + 1, true);
  if (role === undefined) return undefined;
  const place = lookUpPlace(text.slice(first.start, last.end));
  if (place !== undefined && !placeNamesThatArePeople.has(placeKey(place.name))) return undefined;
  const phraseStart = tokens[nameEnd]?.start;
  const phraseEnd = tokens[role.end - 1]?.end;
  if (phraseStart === undefined || phraseEnd === undefined) return undefined;
  // "Sharon, my youth worker, had grown up there" reads "My youth worker had grown up there".
  const end = text[phraseEnd] === ',' ? phraseEnd + 1 : phraseEnd;
  return {
    kind: 'person',
    start: first.start,
    end,
    confidence: 'high',
    suggestion: text.slice(phraseStart, phraseEnd),
    nameStart: first.start,
    nameEnd: last.end,
  };
}

/**
 * The role after a determiner, allowing up to two describing words before it ("my new social worker", "my
 * probation officer"). Returns the token range from the first describing word to the end of the role.
 */
function roleAfterDeterminer(
  text: string,
  tokens: readonly Token[],
  at: number,
  allowPlural = false,
): { start: number; end: number } | undefined {
  for (let skip = 0; skip <= 2; skip++) {
    const modifier = tokens[at + skip - 1];
    if (modifier === undefined && skip > 0) return undefined;
    if (skip > 0 && modifier !== undefined) {
      if ((functionWords.has(modifier.lower) && !describingWords.has(modifier.lower)) || /^\d/.test(modifier.text))
        return undefined;
    }
    if (skip > 0 && modifier !== undefined && modifier.capitalised && modifier.text !== modifier.text.toUpperCase()) {
      return undefined;
    }
    const length = matchRole(text, tokens, at + skip, allowPlural);
    if (length !== undefined) return { start: at, end: at + skip + length };
  }
  return undefined;
}

function matchRole(text: string, tokens: readonly Token[], at: number, allowPlural = false): number | undefined {
  let best: number | undefined;
  for (const words of roleList) {
    if (best !== undefined && words.length <= best) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      const token = tokens[at + k];
      const previous = tokens[at + k - 1];
      const word = words[k];
      const matches =
        token !== undefined &&
        (token.lower === word || (allowPlural && k === words.length - 1 && token.lower === `${word ?? ''}s`));
      if (
        token === undefined ||
        !matches ||
        (k > 0 && (previous === undefined || !joinedBySpace(text, previous, token)))
      ) {
        ok = false;
        break;
      }
    }
    if (ok) best = words.length;
  }
  return best;
}

function roleName(
  text: string,
  tokens: readonly Token[],
  roleAt: number,
  roleLength: number,
  lexicon: Lexicon,
): NamedPerson | undefined {
  const roleFirst = tokens[roleAt];
  const roleLast = tokens[roleAt + roleLength - 1];
  let nameAt = roleAt + roleLength;
  const nameFirst = tokens[nameAt];
  if (roleFirst === undefined || roleLast === undefined || nameFirst === undefined) return undefined;
  const gap = text.slice(roleLast.end, nameFirst.start);
  const comma = /^,[ \t]{1,2}$/.test(gap);
  if (!comma && !/^[ \t]{1,2}$/.test(gap)) return undefined;
  // "my head of year, Mr Bancroft": a title may sit between the role and the name.
  if (titleSuggestions.has(nameFirst.lower) && nameFirst.capitalised) nameAt++;
  const nameEnd = nameRun(text, tokens, nameAt, 2, lexicon);
  const firstName = tokens[nameAt];
  const lastName = tokens[nameEnd - 1];
  if (nameEnd === nameAt || firstName === undefined || lastName === undefined) return undefined;
  // A capital is needed unless the name is one compromise knows: "my mate jake", but not "my friend said".
  if (!firstName.capitalised && !lowerCaseName(lexicon, firstName)) return undefined;
  if (lookUpPlace(text.slice(firstName.start, lastName.end)) !== undefined && !firstName.capitalised) return undefined;
  let end = lastName.end;
  // With a comma before the name, a comma after it goes too, so "my key worker, Marcus, helped" reads
  // "my key worker helped".
  if (comma && text[end] === ',') end++;
  return {
    kind: 'person',
    start: roleFirst.start,
    end,
    confidence: firstName.capitalised ? 'high' : 'medium',
    suggestion: text.slice(roleFirst.start, roleLast.end),
    nameStart: firstName.start,
    nameEnd: lastName.end,
  };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every whole-word occurrence of the known names, and of each word of them, in any case. */
export function findKnownNames(text: string, knownNames: readonly string[]): Candidate[] {
  const parts = new Set<string>();
  for (const name of knownNames) {
    const trimmed = name.trim();
    if (trimmed.length < 2) continue;
    parts.add(trimmed);
    for (const word of trimmed.split(/\s+/)) {
      if (word.length >= 2 && !functionWords.has(word.toLowerCase())) parts.add(word);
    }
  }
  const found: Candidate[] = [];
  for (const part of [...parts].sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of text.matchAll(pattern)) {
      found.push({ kind: 'person', start: match.index, end: match.index + match[0].length, confidence: 'high' });
    }
  }
  return found;
}

/**
 * Once a name is found with confidence, its other mentions are names too ("Claire was different…" after
 * "my social worker Claire"). Matching is whole-word and case-sensitive, so "no hope" is not "Hope".
 */
export function findRepeatedNames(text: string, names: readonly string[]): Candidate[] {
  const lexicon = compromiseLexicon();
  const wanted = new Set<string>();
  for (const name of names) {
    if (name.length < 2) continue;
    wanted.add(name);
    const words = name.split(/\s+/);
    if (words.length > 1) {
      for (const word of words) {
        const lower = word.toLowerCase();
        if (
          word.length >= 3 &&
          /^\p{Lu}/u.test(word) &&
          !functionWords.has(lower) &&
          !notNames.has(lower) &&
          !lexicon.ordinaryWords.has(lower)
        ) {
          wanted.add(word);
        }
      }
    }
  }
  const found: Candidate[] = [];
  for (const name of wanted) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}'’-])${escapeRegExp(name)}(?![\\p{L}\\p{N}-])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      found.push({ kind: 'person', start: match.index, end: match.index + match[0].length, confidence: 'medium' });
    }
  }
  return found;
}

/**
 * "Jade and Kayleigh", "Kyle, Liam and Ryan": a capitalised word joined by "and" or a comma to a name found
 * already is most likely a name too.
 */
export function findCoordinatedNames(
  text: string,
  tokens: readonly Token[],
  people: readonly Candidate[],
): Candidate[] {
  const lexicon = compromiseLexicon();
  const found: Candidate[] = [];
  const taken = new Set(people.map((person) => person.start));
  const consider = (index: number): void => {
    const token = tokens[index];
    if (token === undefined || !token.capitalised || !nameToken(token, lexicon) || taken.has(token.start)) return;
    if (token.text === token.text.toUpperCase() && token.text.length > 1) return;
    const place = lookUpPlace(token.text);
    if (place !== undefined && !placeNamesThatArePeople.has(token.lower)) return;
    const end = nameRun(text, tokens, index, 2, lexicon);
    const last = tokens[end - 1];
    if (last === undefined) return;
    taken.add(token.start);
    found.push({ kind: 'person', start: token.start, end: last.end, confidence: 'medium' });
  };
  const isSpace = (from: number, to: number): boolean => /^[ \t]{1,2}$/.test(text.slice(from, to));
  for (const person of people) {
    const first = tokenIndexAt(tokens, person.start);
    const after = tokenIndexAt(tokens, person.end);
    const last = tokens[after - 1];
    const next = tokens[after];
    const afterNext = tokens[after + 1];
    if (last !== undefined && next !== undefined) {
      if (
        next.lower === 'and' &&
        afterNext !== undefined &&
        isSpace(last.end, next.start) &&
        isSpace(next.end, afterNext.start)
      ) {
        consider(after + 1);
      } else if (/^,[ \t]$/.test(text.slice(last.end, next.start))) {
        consider(after);
      }
    }
    const before = tokens[first - 1];
    const beforeThat = tokens[first - 2];
    if (before !== undefined && beforeThat !== undefined) {
      if (before.lower === 'and' && isSpace(before.end, person.start) && isSpace(beforeThat.end, before.start)) {
        consider(first - 2);
      } else if (/^,[ \t]$/.test(text.slice(before.end, person.start))) {
        consider(first - 1);
      }
    }
  }
  return found;
}
