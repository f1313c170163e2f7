import { lookUpPlace, regionPhrases, type GazetteerPlace } from './gazetteer';
import { parseAge } from './temporal';
import { type FindingKind } from './types';

/** The words around a finding, which some suggestions need ("she was 15" becomes "in her mid-teens"). */
export interface SuggestionContext {
  before?: string;
  after?: string;
}

/**
 * A neutral replacement for a detail, in plain British English, that reads in place of the original:
 * "Walsall" → "a town in the West Midlands", "14" (after "I was") → "in my early teens". It is a suggestion
 * only; the consultee chooses what goes in.
 */
export function neutralSuggestion(kind: FindingKind, text: string, context: SuggestionContext = {}): string {
  switch (kind) {
    case 'person':
      return personSuggestion(context);
    case 'place':
      return placeSuggestion(text);
    case 'school':
      return schoolSuggestion(text);
    case 'organisation':
      return organisationSuggestion(text, context);
    case 'age':
      return ageSuggestion(text, context);
    case 'date':
      return dateSuggestion(text);
    case 'phone':
      return '[phone number removed]';
    case 'email':
      return '[email address removed]';
    case 'postcode':
      return '[postcode removed]';
    case 'address':
      return '[address removed]';
    case 'vehicle':
      return '[registration removed]';
    case 'social-handle':
      return '[username removed]';
    case 'url':
      return '[link removed]';
  }
}

function personSuggestion(context: SuggestionContext): string {
  // "a lad called Kyle" cannot become "a lad called someone"; a made-up name keeps the sentence whole.
  if (/\b(?:called|named|nicknamed|known as|name was|name is|name's)\s*['"‘“]?$/i.test(context.before ?? '')) {
    return '[another name]';
  }
  return 'someone';
}

export function placeSuggestion(text: string): string {
  const place = lookUpPlace(text.replace(/['’]s$/, ''));
  if (place !== undefined) return gazetteerPhrase(place);
  if (/\b(?:road|street|lane|avenue|close|drive|way|crescent|grove|gardens|terrace|mews|parade|rise)$/i.test(text)) {
    return 'a street';
  }
  if (/\bestate$/i.test(text)) return 'an estate';
  if (/\b(?:flats|tower|towers)$/i.test(text)) return 'a block of flats';
  if (/\bhouse$/i.test(text)) return 'a building';
  if (/\bpark$/i.test(text)) return 'a park';
  return 'a town';
}

function gazetteerPhrase(place: GazetteerPlace): string {
  const region = regionPhrases[place.region];
  switch (place.type) {
    case 'city':
      return place.region === 'london' ? 'a big city' : `a city in ${region}`;
    case 'town':
      return `a town in ${region}`;
    case 'county':
      return place.region === 'scotland' || place.region === 'wales' || place.region === 'northern-ireland'
        ? `part of ${region}`
        : `a county in ${region}`;
    case 'area':
      return place.region === 'london' ? 'part of London' : `part of a city in ${region}`;
  }
}

function schoolSuggestion(text: string): string {
  if (/\b(?:university|uni)\b/i.test(text)) return 'a university';
  if (/\bsixth form\b/i.test(text)) return 'a sixth form college';
  if (/\bcollege\b/i.test(text)) return 'a college';
  if (/\b(?:primary|infants?|juniors?|first school)\b/i.test(text)) return 'a primary school';
  if (/\b(?:pru|pupil referral unit)\b/i.test(text)) return 'a pupil referral unit';
  if (/\b(?:high|secondary|grammar|comprehensive|upper)\b/i.test(text)) return 'a secondary school';
  return 'a school';
}

const organisationSuggestions: readonly [RegExp, string][] = [
  [/\b(?:police|constabulary)$/i, 'the police'],
  [/\bcouncil$/i, 'the council'],
  [/\bnhs\b.*\btrust$/i, 'the NHS trust'],
  [/\b(?:hospital|infirmary)$/i, 'a hospital'],
  [/\bcourt$/i, 'the court'],
  [/\bchildren's home$/i, "a children's home"],
  [/\b(?:youth centre|youth club|youth project)$/i, 'a youth club'],
  [/\bcommunity centre$/i, 'a community centre'],
  [/\bleisure centre$/i, 'a leisure centre'],
  [/\b(?:medical centre|health centre|surgery|practice)$/i, 'a GP surgery'],
  [/\b(?:hotel|lodge|inn)$/i, 'a hotel'],
  [/\b(?:arms|tavern|pub)$/i, 'a pub'],
  [/\b(?:bar|lounge)$/i, 'a bar'],
  [/\b(?:nightclub|club)$/i, 'a club'],
  [/\b(?:kebabs?|kebab house|pizza|pizzas|chicken|grill|takeaway|fish bar|chippy|chinese)$/i, 'a takeaway'],
  [/\b(?:caf[eé]|coffee)$/i, 'a café'],
  [/\b(?:restaurant|bistro|diner|trattoria)$/i, 'a restaurant'],
  [/\b(?:cars|taxis?|cabs|private hire)$/i, 'a taxi firm'],
  [/\b(?:garage|motors|car wash|hand car wash)$/i, 'a garage'],
  [/\b(?:barbers?|salon|nails|beauty)$/i, 'a salon'],
  [/\b(?:gym|fitness)$/i, 'a gym'],
  [/\b(?:fc|football club)$/i, 'a football club'],
  [/\b(?:ltd|limited|plc|llp)$/i, 'a company'],
  [/\b(?:shopping centre|retail park|market)$/i, 'a shopping centre'],
  [/\b(?:church|mosque|temple|gurdwara|chapel)$/i, 'a place of worship'],
];

function organisationSuggestion(text: string, context: SuggestionContext): string {
  for (const [pattern, suggestion] of organisationSuggestions) if (pattern.test(text)) return suggestion;
  if (/\b(?:worked|work|working|works|job|shifts?|employed)\b[^.!?]{0,25}$/i.test(context.before ?? '')) {
    return 'a local business';
  }
  return 'a local organisation';
}

type AgeShape = 'copula' | 'turned' | 'aged' | 'adjective' | 'noun' | 'birthday';

function ageSuggestion(text: string, context: SuggestionContext): string {
  const age = parseAge(text);
  if (age === undefined) return 'at that age';
  const shape = ageShape(text, context);
  if (shape === 'birthday') return 'birthday';
  const article = /^an?\s/i.test(text);
  if (shape === 'adjective' || shape === 'noun') {
    const words = shape === 'adjective' ? ageAdjective(age) : ageNoun(age);
    return article ? `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}` : words;
  }
  const phrase = ageRange(age, possessiveFor(context.before ?? ''));
  if (shape === 'turned') return `${/^turning/i.test(text) ? 'reaching' : 'reached'} ${phrase.replace(/^in /, '')}`;
  return phrase;
}

function ageShape(text: string, context: SuggestionContext): AgeShape {
  if (/birthday$/i.test(text)) return 'birthday';
  if (/^(?:turned|turning)\b/i.test(text)) return 'turned';
  if (/^(?:aged|age|at the age|from the age|since the age)\b/i.test(text)) return 'aged';
  if (/year[- ]old$/i.test(text)) {
    // "a 14-year-old girl" needs an adjective; "I was a 14-year-old" needs a noun.
    return /^\s+(?!and\b|or\b|who\b|when\b|with\b|in\b|at\b|from\b)[a-z]/i.test(context.after ?? '')
      ? 'adjective'
      : 'noun';
  }
  return 'copula';
}

/** Whose age it is, from the nearest person word before it: "I was" → "my", "a girl aged" → "her". */
function possessiveFor(before: string): string {
  const words = before.toLowerCase().match(/[a-z']+/g) ?? [];
  for (let i = words.length - 1; i >= Math.max(0, words.length - 8); i--) {
    const word = words[i] ?? '';
    if (/^(?:i|i'm|i'd|me|my)$/.test(word)) return 'my';
    if (/^(?:she|she's|she'd|her|girl|woman|daughter|sister|mum|mother)$/.test(word)) return 'her';
    if (/^(?:he|he's|he'd|him|his|boy|lad|man|son|brother|dad|father|bloke|guy)$/.test(word)) return 'his';
    if (/^(?:we|we're|we'd|us|our)$/.test(word)) return 'our';
    if (/^(?:you|you're|you'd|your)$/.test(word)) return 'your';
    if (/^(?:they|they're|they'd|them|their)$/.test(word)) return 'their';
  }
  return 'their';
}

function ageRange(age: number, whose: string): string {
  if (age <= 9) return 'a young child';
  if (age <= 12) return `not yet in ${whose} teens`;
  if (age <= 14) return `in ${whose} early teens`;
  if (age <= 16) return `in ${whose} mid-teens`;
  if (age <= 19) return `in ${whose} late teens`;
  const decade = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'][
    Math.floor(age / 10) - 2
  ];
  if (decade === undefined) return 'an adult';
  const unit = age % 10;
  const part = unit <= 3 ? 'early' : unit <= 6 ? 'mid' : 'late';
  return age < 30 ? `in ${whose} ${part === 'mid' ? 'mid-' : `${part} `}${decade}` : `in ${whose} ${decade}`;
}

function ageAdjective(age: number): string {
  if (age <= 9) return 'young';
  if (age <= 12) return 'pre-teen';
  if (age <= 19) return 'teenage';
  if (age <= 29) return 'young adult';
  return 'older';
}

function ageNoun(age: number): string {
  if (age <= 9) return 'young child';
  if (age <= 12) return 'pre-teen';
  if (age <= 19) return 'teenager';
  if (age <= 29) return 'young adult';
  return 'adult';
}

const seasons = [
  'winter',
  'winter',
  'spring',
  'spring',
  'spring',
  'summer',
  'summer',
  'summer',
  'autumn',
  'autumn',
  'autumn',
  'winter',
];
const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function dateSuggestion(text: string): string {
  if (/^(?:19|20)\d{2}$/.test(text)) return 'that year';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `a day in ${seasonOf(text) ?? 'that year'}`;
  if (/^(?:19|20)\d{2}\s*(?:-|–|to|until)/i.test(text)) return 'over a few years';
  if (/christmas/i.test(text)) return 'one Christmas';
  if (
    /\b(?:boxing day|easter|new year|valentine|mother's day|father's day|bonfire|halloween|eid|diwali|ramadan|bank holiday)\b/i.test(
      text,
    )
  ) {
    return 'one year';
  }
  const season = seasonOf(text);
  if (/\b(?:spring|summer|autumn|winter|fall|half[- ]term)\b/i.test(text)) return `one ${season ?? 'year'}`;
  const hasDay = /^[\d/.-]+$/.test(text) || /\b\d{1,2}(?:st|nd|rd|th)?\b/.test(text.replace(/\b(?:19|20)\d{2}\b/g, ''));
  if (season === undefined) return hasDay ? 'one day' : 'that year';
  return hasDay ? `a day in ${season}` : `that ${season}`;
}

function seasonOf(text: string): string | undefined {
  const lower = text.toLowerCase();
  const named = /\b(spring|summer|autumn|winter)\b/.exec(lower);
  if (named?.[1] !== undefined) return named[1];
  if (/\bfall\b/.test(lower)) return 'autumn';
  const monthIndex = monthNames.findIndex((name) => new RegExp(`\\b${name}`).test(lower));
  if (monthIndex >= 0) return seasons[monthIndex];
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}$/.exec(text);
  if (numeric?.[2] !== undefined) return seasons[Number(numeric[2]) - 1];
  const iso = /^\d{4}-(\d{2})-\d{2}$/.exec(text);
  if (iso?.[1] !== undefined) return seasons[Number(iso[1]) - 1];
  return undefined;
}
