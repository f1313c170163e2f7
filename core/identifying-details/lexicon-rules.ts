import { broadAreas } from './gazetteer';
import { compromiseLexicon } from './people-places';
import { joinedBySpace, type Token } from './tokens';
import { type Candidate } from './types';
import {
  everydayFlag,
  firstNameFlag,
  lexiconKey,
  nationNames,
  otherNameFlag,
  surnameFlag,
  ukLexicon,
  type Nation,
  type UkLexicon,
} from './uk-lexicon';
import { brands, functionWords, locativeWords, nationalOrganisations, notNames, titleSuggestions } from './word-lists';

/**
 * Rules over the reference data (`uk-lexicon.ts`): UK places by their English, Welsh, Scots Gaelic and Irish
 * names, and given names and surnames of many heritages. A word that is also an everyday word ("Hope",
 * "Reading") needs a cue around it; the others count wherever they are written as names.
 */

/** Small words that may sit inside a place's name in lower case: "Pen-y-bont ar Ogwr", "Stoke on Trent". */
const placeParticles = new Set([
  'y',
  'yr',
  'ar',
  'an',
  'am',
  'na',
  'nan',
  'na h-',
  'a',
  "a'",
  'of',
  'on',
  'upon',
  'by',
  'in',
  'under',
  'le',
  'super',
  'de',
  'the',
  'and',
]);

const calendarWords = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'christmas',
  'easter',
  'eid',
  'diwali',
  'ramadan',
]);

/** Platforms, apps and makes of car: never a person, place or organisation here. */
const platformsAndMakes = new Set([
  ...brands,
  'snapchat',
  'snap',
  'instagram',
  'insta',
  'tiktok',
  'facebook',
  'whatsapp',
  'discord',
  'twitter',
  'youtube',
  'telegram',
  'google',
  'kia',
  'seat',
  'golf',
  'corsa',
  'astra',
  'fiesta',
  'focus',
  'land',
  'rover',
  'nissan',
  'toyota',
  'volkswagen',
  'vw',
  'skoda',
  'peugeot',
  'renault',
  'honda',
  'hyundai',
  'fiat',
  'mini',
  'lexus',
  'tesla',
  'volvo',
  'jaguar',
  'porsche',
  'yaris',
  'qashqai',
  'polo',
  'clio',
  'transit',
  'juke',
]);

/** Languages, nationalities and faiths, written with a capital but naming no one: "in Welsh", "a Muslim boy". */
const peoplesAndLanguages = new Set([
  'english',
  'welsh',
  'scottish',
  'scots',
  'irish',
  'british',
  'gaelic',
  'polish',
  'lithuanian',
  'romanian',
  'latvian',
  'slovak',
  'czech',
  'albanian',
  'kurdish',
  'turkish',
  'somali',
  'eritrean',
  'sudanese',
  'nigerian',
  'ghanaian',
  'zimbabwean',
  'jamaican',
  'pakistani',
  'bangladeshi',
  'indian',
  'punjabi',
  'urdu',
  'bengali',
  'tamil',
  'gujarati',
  'arabic',
  'vietnamese',
  'chinese',
  'french',
  'spanish',
  'portuguese',
  'european',
  'asian',
  'african',
  'caribbean',
  'muslim',
  'muslims',
  'sikh',
  'hindu',
  'christian',
  'catholic',
  'jewish',
  'islamic',
  'traveller',
  'roma',
  'gypsy',
]);

function neverAName(token: Token): boolean {
  return (
    notNames.has(token.lower) ||
    functionWords.has(token.lower) ||
    calendarWords.has(token.lower) ||
    platformsAndMakes.has(token.lower) ||
    nationalOrganisations.has(token.lower) ||
    peoplesAndLanguages.has(token.lower) ||
    /^\d/.test(token.text)
  );
}

function isTitle(token: Token | undefined): boolean {
  return token !== undefined && token.capitalised && titleSuggestions.has(token.lower);
}

function locativeBefore(text: string, tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  const token = tokens[index];
  if (previous === undefined || token === undefined) return false;
  if (!/^[ \t]{1,2}(?:the[ \t]{1,2})?$/i.test(text.slice(previous.end, token.start))) return false;
  return locativeWords.has(previous.lower) || previous.lower === 'the';
}

const isFirstName = (lexicon: UkLexicon, lower: string): boolean =>
  ((lexicon.names.get(lower) ?? 0) & firstNameFlag) !== 0;

/** How a place is described to the consultee: "a place in Wales". */
function placeExplanation(nations: readonly Nation[]): string {
  const only = nations.length === 1 ? nations[0] : undefined;
  return only === undefined ? 'a place in the UK' : `a place in ${nationNames[only]}`;
}

/**
 * UK towns, villages, districts and neighbourhoods from Ordnance Survey Open Names and GeoNames, by any of
 * their names (Casnewydd, Caergybi, Inbhir Nis). Longest name first. A single word that is also an everyday
 * word or a first name needs a locative word before it ("in Reading", "from Hope"); in text written without
 * capitals, a place counts only after a locative word.
 */
export function findLexiconPlaces(text: string, tokens: readonly Token[]): Candidate[] {
  const lexicon = ukLexicon();
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (first === undefined || first.shouted) continue;
    const longest = lexicon.placeStarts.get(first.lower);
    if (longest === undefined || neverAName(first)) continue;
    for (let length = Math.min(longest, tokens.length - i); length >= 1; length--) {
      const words = tokens.slice(i, i + length);
      const last = words.at(-1);
      if (last === undefined) continue;
      if (words.some((word, k) => k > 0 && !joinedBySpace(text, words[k - 1] ?? word, word))) continue;
      const name = text.slice(first.start, last.end);
      const entry = lexicon.places.get(lexiconKey(name));
      if (entry === undefined || broadAreas.has(lexiconKey(name))) continue;
      const capitalised =
        first.capitalised && last.capitalised && words.every((w) => w.capitalised || placeParticles.has(w.lower));
      const casual = words.every((w) => !w.capitalised) && first.casual;
      if (!capitalised && !casual) continue;
      const locative = locativeBefore(text, tokens, i);
      const single = length === 1;
      const personLike = single && isFirstName(lexicon, first.lower);
      // "introduced me to Dawn": "to" before a first name is no sign of a place.
      if (personLike && locative && /^(?:to|at|of|the)$/.test(tokens[i - 1]?.lower ?? '')) continue;
      if (casual && (!locative || entry.everyday || personLike || first.text.length < 4)) continue;
      if ((entry.everyday || personLike) && !locative) continue;
      if (single && first.sentenceStart && !locative && !/-/.test(first.text)) {
        // A capital at the start of a sentence says nothing; a place that opens one is taken only when its
        // name is no other kind of word.
        if ((lexicon.names.get(first.lower) ?? 0) !== 0) continue;
      }
      // "PC Ridley", "Ricky Tremayne": a single word after a title or a first name is a surname.
      const previous = tokens[i - 1];
      if (
        single &&
        previous !== undefined &&
        joinedBySpace(text, previous, first) &&
        (isTitle(previous) || (previous.capitalised && !previous.sentenceStart && isFirstName(lexicon, previous.lower)))
      ) {
        continue;
      }
      // "Holly Smith": a first name that is a place, followed by a surname.
      const next = tokens[i + length];
      if (
        personLike &&
        next !== undefined &&
        next.capitalised &&
        joinedBySpace(text, last, next) &&
        ((lexicon.names.get(next.lower) ?? 0) & surnameFlag) !== 0
      ) {
        continue;
      }
      found.push({
        kind: 'place',
        start: first.start,
        end: last.end,
        confidence: capitalised && (locative || !single) ? 'high' : 'medium',
        explanation: placeExplanation(entry.nations),
      });
      i += length - 1;
      break;
    }
  }
  return found;
}

function nameFlags(lexicon: UkLexicon, token: Token): number {
  const whole = lexicon.names.get(token.lower);
  if (whole !== undefined) return whole;
  // A double-barrelled surname counts when each part is a name: "Asante-Mensah", "Pritchard-Evans".
  if (token.text.includes('-')) {
    const parts = token.lower.split('-');
    if (parts.every((part) => part.length >= 2 && (lexicon.names.get(part) ?? 0) !== 0)) return surnameFlag;
  }
  return 0;
}

/** Words before a name in chat written without capitals: "don't tell jade", "me and chloe". */
const chatNameCues = new Set([
  'tell',
  'told',
  'ask',
  'asked',
  'and',
  'with',
  'called',
  'named',
  'mate',
  'pal',
  'friend',
  'bestie',
  'cousin',
  'boyfriend',
  'girlfriend',
  'like',
]);

function nameExplanation(flags: number): string {
  if ((flags & firstNameFlag) !== 0) return 'looks like a first name';
  if ((flags & surnameFlag) !== 0) return 'looks like a surname';
  return 'looks like a name';
}

/** A capitalised word that can continue a name: "Kwabena Asante-Mensah", "Mackem Dave". */
function continuesName(lexicon: UkLexicon, token: Token | undefined): token is Token {
  if (token === undefined || !token.capitalised || token.sentenceStart || neverAName(token)) return false;
  if (token.text.length > 1 && token.text === token.text.toUpperCase()) return false;
  const flags = nameFlags(lexicon, token);
  return flags === 0 || (flags & everydayFlag) === 0 || (flags & firstNameFlag) !== 0;
}

/**
 * Given names and surnames of many heritages, from the reference data. A name in the middle of a sentence
 * counts with its capital; one that opens a sentence counts when it is no everyday word and no place; in text
 * written without capitals, a first name that is no everyday word counts. A name that is also an everyday word
 * ("Hope", "Dawn", "Will") counts only with its capital, mid-sentence, and when it is a known first name.
 */
export function findLexiconNames(text: string, tokens: readonly Token[]): Candidate[] {
  const lexicon = ukLexicon();
  const worldPlaces = compromiseLexicon().places;
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || token.shouted || neverAName(token) || token.text.length < 2) continue;
    const flags = nameFlags(lexicon, token);
    if (flags === 0) continue;
    // Countries and cities abroad are in some name lists ("England", "Romania"); a first name is kept.
    if ((flags & firstNameFlag) === 0 && (worldPlaces.has(token.lower) || broadAreas.has(token.lower))) continue;
    const everyday = (flags & everydayFlag) !== 0;
    const first = (flags & firstNameFlag) !== 0;
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    let confidence: Candidate['confidence'] | undefined;
    if (token.capitalised && token.text.length > 1 && token.text === token.text.toUpperCase()) continue;
    if (token.capitalised && !token.sentenceStart) {
      if (!everyday) confidence = 'high';
      else if (first && !(previous !== undefined && /^(?:the|a|an)$/.test(previous.lower))) confidence = 'medium';
    } else if (token.capitalised && token.sentenceStart) {
      const place = lexicon.places.get(token.lower);
      const followedByWord = next !== undefined && joinedBySpace(text, token, next) && !next.capitalised;
      const given = first || (flags & otherNameFlag) !== 0;
      if (!everyday && given && place === undefined && (followedByWord || continuesName(lexicon, next)))
        confidence = 'medium';
    } else if (
      token.casual &&
      token.text.length >= 3 &&
      !lexicon.places.has(token.lower) &&
      !compromiseLexicon().ordinaryWords.has(token.lower)
    ) {
      const given = first || (flags & otherNameFlag) !== 0;
      const cue = previous !== undefined && chatNameCues.has(previous.lower);
      if (given && (!everyday || cue)) confidence = 'medium';
    }
    if (confidence === undefined) continue;
    let startIndex = i;
    // Nicknames and full names run together: "Big Tam", "Mackem Dave", "Roisin McAuley".
    while (
      startIndex > 0 &&
      token.capitalised &&
      continuesName(lexicon, tokens[startIndex - 1]) &&
      !isTitle(tokens[startIndex - 1]) &&
      joinedBySpace(text, tokens[startIndex - 1] as Token, tokens[startIndex] as Token)
    ) {
      startIndex--;
    }
    let endIndex = i + 1;
    while (
      endIndex < i + 3 &&
      token.capitalised &&
      continuesName(lexicon, tokens[endIndex]) &&
      joinedBySpace(text, tokens[endIndex - 1] as Token, tokens[endIndex] as Token)
    ) {
      endIndex++;
    }
    const start = tokens[startIndex]?.start ?? token.start;
    const end = tokens[endIndex - 1]?.end ?? token.end;
    found.push({ kind: 'person', start, end, confidence, explanation: nameExplanation(flags) });
    i = endIndex - 1;
  }
  return found;
}

/** Welsh words that open the name of an organisation, and the kind each names. */
const welshHeads = new Map<string, 'school' | 'organisation'>([
  ['ysgol', 'school'],
  ['coleg', 'school'],
  ['prifysgol', 'school'],
  ['clwb', 'organisation'],
  ['canolfan', 'organisation'],
  ['caffi', 'organisation'],
  ['ysbyty', 'organisation'],
  ['menter', 'organisation'],
  ['marchnad', 'organisation'],
  ['cymdeithas', 'organisation'],
  ['theatr', 'organisation'],
  ['neuadd', 'organisation'],
  ['gwesty', 'organisation'],
  ['tafarn', 'organisation'],
  ['siop', 'organisation'],
  ['bwyty', 'organisation'],
  ['capel', 'organisation'],
  ['eglwys', 'organisation'],
  ['cartref', 'organisation'],
  ['meithrinfa', 'organisation'],
  ['cyngor', 'organisation'],
]);

/** Welsh words that open a street's name: "Heol y Frenhines", "Lôn Las", "Stryd Fawr". */
const welshStreetHeads = new Set(['heol', 'lôn', 'ffordd', 'stryd', 'rhodfa', 'cilgant', 'teras', 'llwybr']);

/** Lower-case words inside Welsh names: "Ysgol y Creuddyn", "Heol yr Orsaf". */
const welshParticles = new Set(['y', 'yr', "'r", 'ar', 'a', 'ac', 'o', 'i', 'yn', 'dan', 'uwch', 'is']);

/** The capitalised words (and Welsh particles between them) after token `at`; the index after the last. */
function welshNameEnd(text: string, tokens: readonly Token[], at: number, max: number): number {
  let end = at;
  while (end < tokens.length && end - at < max) {
    const token = tokens[end];
    const previous = tokens[end - 1];
    if (token === undefined || previous === undefined || !joinedBySpace(text, previous, token)) break;
    if (token.capitalised && !neverAName(token)) {
      end++;
      continue;
    }
    const after = tokens[end + 1];
    if (welshParticles.has(token.lower) && after?.capitalised === true && joinedBySpace(text, token, after)) {
      end++;
      continue;
    }
    break;
  }
  return end;
}

/**
 * Welsh-language names of schools, clubs, centres and shops ("Ysgol y Creuddyn", "Clwb Bocsio Cwm Ogwr",
 * "Canolfan Hamdden Llambed"), and of streets ("Heol y Frenhines", "33 Heol Isaf").
 */
export function findWelshNames(text: string, tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i];
    if (head === undefined || !head.capitalised) continue;
    const kind = welshHeads.get(head.lower);
    const street = welshStreetHeads.has(head.lower);
    if (kind === undefined && !street) continue;
    const end = welshNameEnd(text, tokens, i + 1, 5);
    const last = tokens[end - 1];
    if (end === i + 1 || last === undefined) continue;
    if (kind !== undefined) {
      found.push({
        kind,
        start: head.start,
        end: last.end,
        confidence: 'high',
        explanation: kind === 'school' ? 'the Welsh name of a school or college' : 'the Welsh name of an organisation',
      });
    } else {
      const number = /(?:(?:[Ff]lat|[Uu]nit)\s{1,2}\d{1,4}[a-z]?,?\s{1,2})?\d{1,4}[a-z]?,?[ \t]{1,2}$/.exec(
        text.slice(Math.max(0, head.start - 20), head.start),
      );
      found.push(
        number === null
          ? { kind: 'place', start: head.start, end: last.end, confidence: 'high', explanation: 'a street in Wales' }
          : {
              kind: 'address',
              start: head.start - number[0].length,
              end: last.end,
              confidence: 'high',
              explanation: 'a house or flat number and a street',
            },
      );
    }
    i = end - 1;
  }
  return found;
}

/** Acronyms that are services, subjects, titles or things, never one school or business. */
const commonAcronyms = new Set([
  'nhs',
  'camhs',
  'gp',
  'ae',
  'pru',
  'yot',
  'cse',
  'cce',
  'mash',
  'uk',
  'usa',
  'eu',
  'bbc',
  'itv',
  'kfc',
  'tv',
  'dj',
  'mp',
  'pc',
  'dc',
  'ds',
  'di',
  'dci',
  'pcso',
  'id',
  'cid',
  'lac',
  'sen',
  'senco',
  'adhd',
  'ptsd',
  'cps',
  'dbs',
  'ok',
  'pe',
  're',
  'ict',
  'it',
  'gcse',
  'gcses',
  'sats',
  'ucas',
  'nspcc',
  'rspca',
  'ymca',
  'mcdonalds',
  'asda',
  'aldi',
  'b',
  'q',
  'a',
  'i',
  'bmw',
  'vw',
  'ss',
  'dna',
  'sos',
  'asap',
  'lol',
  'omg',
  'atm',
  'hiv',
  'std',
  'sti',
  'cctv',
  'cv',
  'pa',
  'hr',
  'ceo',
  'ta',
  'sw',
  'iro',
  'lado',
  'marac',
  'mappa',
  'ehcp',
  'cin',
  'cp',
]);

/** Words before a school's or a business's initials: "my teacher at TCAT", "I was at HLC". */
const initialsCue = /\b(?:at|to|from|attended|left|joined|in)[ \t]{1,2}$/i;
/** Words around initials that make them a school: "teacher at OHS", "school". */
const schoolContext = /\b(?:school|teacher|tutor|year|head|pupils?|class|form|college|sixth)\b/i;

/** Schools and businesses by their initials ("HLC", "OHS", "TCAT") after "at", "to" or "from". */
export function findInitials(text: string, tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  for (const token of tokens) {
    if (!/^[A-Z]{2,6}$/.test(token.text) || token.shouted || commonAcronyms.has(token.lower)) continue;
    const before = text.slice(Math.max(0, token.start - 60), token.start);
    if (!initialsCue.test(before)) continue;
    const school = schoolContext.test(before) || schoolContext.test(text.slice(token.end, token.end + 30));
    found.push({
      kind: school ? 'school' : 'organisation',
      start: token.start,
      end: token.end,
      confidence: 'medium',
      explanation: school ? "a school's initials" : "an organisation's initials",
    });
  }
  return found;
}

/** Last words that make a name a place rather than a business: "Cabot Circus", "Sefton Park". */
const placeLastWords = new Set([
  'road',
  'street',
  'lane',
  'avenue',
  'close',
  'drive',
  'way',
  'park',
  'gardens',
  'circus',
  'square',
  'estate',
  'hill',
  'green',
  'walk',
  'row',
  'place',
  'crescent',
  'terrace',
  'grove',
  'common',
  'heath',
  'village',
  'town',
  'city',
  'bridge',
  'parade',
  'precinct',
  'quay',
  'wharf',
  'rise',
  'mount',
  'vale',
  'fields',
  'moor',
  'end',
]);

/** Words after which a capitalised name is a business or a venue: "worked at Tasty Bites", "moved me to Ardmore House". */
const venueCue = /\b(?:at|outside|behind|inside|to|from|for|ran|runs|owned|owns)[ \t]{1,2}$/i;
/** "came from", "I'm from": what follows is where someone comes from, not a business. */
const originCue =
  /\b(?:come|came|comes|coming|is|are|was|were|originally|family|parents|moved|'m|’m|born|grew up|lived)\s{1,3}(?:\w+\s{1,3})?from[ \t]{1,2}$/i;

/** A kind of place, then a comma: "the school, Gladesmore, saw", "my club, Titans, was". */
const appositiveCue =
  /\b(?:school|college|academy|club|home|unit|charity|project|firm|shop|takeaway|café|cafe|hostel|gym|hotel|pub|salon|garage|centre),[ \t]{1,2}$/i;

/**
 * Businesses, homes and venues named without a venue word, from what is said before them: "the police found me
 * at Pizza Palace", "moved me to Ardmore House", "my school, Gladesmore,". A name that is a known place, a first
 * name or a street is left to the rules for those.
 */
export function findNamedVenues(text: string, tokens: readonly Token[]): Candidate[] {
  const lexicon = ukLexicon();
  const found: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || !token.capitalised || token.sentenceStart || token.shouted || neverAName(token))
      continue;
    if (isTitle(token) || welshHeads.has(token.lower) || welshStreetHeads.has(token.lower)) continue;
    const before = text.slice(Math.max(0, token.start - 40), token.start);
    const appositive = appositiveCue.test(before);
    if (!appositive && !venueCue.test(before)) continue;
    // "we came from Sylhet", "I'm from Rosyth": where someone is from is a place.
    if (!appositive && originCue.test(before)) continue;
    let end = i + 1;
    while (end < i + 4) {
      const next = tokens[end];
      const previous = tokens[end - 1];
      if (next === undefined || previous === undefined || !joinedBySpace(text, previous, next)) break;
      if (!next.capitalised || neverAName(next) || next.sentenceStart) break;
      end++;
    }
    const words = tokens.slice(i, end);
    const last = words.at(-1);
    if (last === undefined) continue;
    const name = text.slice(token.start, last.end);
    const key = lexiconKey(name);
    i = end - 1;
    // "introduced me to Funmilayo Wynne-Thomas": a given name first makes it a person.
    const firstFlags = nameFlags(lexicon, token);
    if ((firstFlags & (firstNameFlag | otherNameFlag)) !== 0 && (firstFlags & everydayFlag) === 0) continue;
    if (placeLastWords.has(last.lower) || lexicon.places.has(key) || broadAreas.has(key)) continue;
    if (words.length === 1) {
      // One word alone is a business only when it is no name and no everyday word: "Joyland", "Gladesmore".
      const flags = lexicon.names.get(key) ?? 0;
      if (flags !== 0 || /['’]s$/.test(token.text)) continue;
    }
    found.push({
      kind: appositive && /school|college|academy/i.test(before) ? 'school' : 'organisation',
      start: token.start,
      end: last.end,
      confidence: 'medium',
      explanation: 'looks like the name of a business, home or venue',
    });
  }
  return found;
}

/** Words near a username that say it is one: "my snap was", "on Instagram as", "his handle". */
const handleCue =
  /\b(?:snap|snapchat|insta|instagram|tiktok|discord|facebook|fb|twitter|x|telegram|whatsapp|kik|username|user name|handle|account|gamertag|tag|added me|add me|profile|went by|as)\b[^.!?\n]{0,25}$/i;

/**
 * Usernames without "@": Discord's "name#0412", and words joined by dots or underscores ("kash.tfd_99"). A
 * dotted word needs a platform or "username" before it, since "e.g" and file names are dotted too.
 */
export function findUsernames(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(/(?<![\w@#.])[\p{L}\p{N}_.]{2,32}#\d{4}\b/gu)) {
    found.push({
      kind: 'social-handle',
      start: match.index,
      end: match.index + match[0].length,
      confidence: 'high',
      explanation: 'looks like a Discord username',
    });
  }
  for (const match of text.matchAll(/(?<![\w@./:-])[\p{L}\p{N}]+(?:[._][\p{L}\p{N}]*)+(?![\w@]|\.\w)/gu)) {
    const value = match[0].replace(/\.+$/, '');
    if (
      !/[._]/.test(value) ||
      /^\d+(?:\.\d+)*$/.test(value) ||
      /\.(?:com|org|net|uk|co|io|jpg|png|pdf|docx?|html?)$/i.test(value)
    )
      continue;
    if (/^(?:e\.g|i\.e|a\.m|p\.m|etc|st|mr|mrs|dr|no)$/i.test(value)) continue;
    const underscored = value.includes('_');
    const cue = handleCue.test(text.slice(Math.max(0, match.index - 60), match.index));
    if (!underscored && !cue) continue;
    found.push({
      kind: 'social-handle',
      start: match.index,
      end: match.index + value.length,
      confidence: underscored ? 'high' : 'medium',
      explanation: 'looks like a username',
    });
  }
  return found;
}

/**
 * A capitalised word no list knows, after a locative word in the middle of a sentence ("parties in
 * Ballybeen", "a flat in Lochee"), is most likely a district or a village too small for the reference data.
 */
export function findUnknownPlaces(text: string, tokens: readonly Token[]): Candidate[] {
  const lexicon = ukLexicon();
  const found: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    if (token === undefined || previous === undefined || !token.capitalised || token.sentenceStart || token.shouted)
      continue;
    if (!/^(?:in|from|near|around|round|outside|across|through)$/.test(previous.lower) || neverAName(token)) continue;
    if (!joinedBySpace(text, previous, token) || token.text.length < 4 || token.text === token.text.toUpperCase())
      continue;
    if (lexicon.names.has(token.lower) || lexicon.places.has(token.lower) || isTitle(token)) continue;
    let end = i + 1;
    while (
      end < i + 3 &&
      tokens[end]?.capitalised === true &&
      !neverAName(tokens[end] as Token) &&
      joinedBySpace(text, tokens[end - 1] as Token, tokens[end] as Token)
    )
      end++;
    const last = tokens[end - 1];
    if (last === undefined) continue;
    found.push({
      kind: 'place',
      start: token.start,
      end: last.end,
      confidence: 'medium',
      explanation: 'looks like the name of a place',
    });
    i = end - 1;
  }
  return found;
}

/** Words that end the name of a home, a hostel or a house used as one: "Seaview House", "Kirkton Lodge". */
const homeSuffixes = new Set(['house', 'lodge', 'grange', 'manor', 'foyer']);

/**
 * Children's homes, hostels and supported housing are usually named "… House" or "… Lodge"; a number before it
 * makes it an address, which the street rules find.
 */
export function findNamedHomes(text: string, tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const suffix = tokens[i];
    const name = tokens[i - 1];
    if (suffix === undefined || name === undefined || !suffix.capitalised || !homeSuffixes.has(suffix.lower)) continue;
    if (!name.capitalised || neverAName(name) || isTitle(name) || !joinedBySpace(text, name, suffix)) continue;
    if (/^\d/.test(tokens[i - 2]?.text ?? '')) continue;
    let start = i - 1;
    while (
      start > 0 &&
      i - start < 3 &&
      tokens[start - 1]?.capitalised === true &&
      tokens[start - 1]?.sentenceStart === false &&
      !neverAName(tokens[start - 1] as Token) &&
      joinedBySpace(text, tokens[start - 1] as Token, tokens[start] as Token)
    ) {
      start--;
    }
    const first = tokens[start];
    if (first === undefined || (first.sentenceStart && start === i - 1 && first.lower === 'the')) continue;
    found.push({
      kind: 'organisation',
      start: first.start,
      end: suffix.end,
      confidence: 'medium',
      explanation: 'looks like the name of a home, hostel or house',
    });
  }
  return found;
}
