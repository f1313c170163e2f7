import { type Candidate } from './types';
import { numberWords } from './word-lists';

/**
 * Dates and ages. A date is flagged when it pins down a day or a month ("3rd March 2019", "17/03/2019",
 * "April 2019", "5 November") or a year in context ("in 2017", "Christmas 2018"). Relative days ("last
 * Tuesday"), weekdays alone, times ("7 o'clock"), durations and school years ("Year 9") are not: alone they
 * identify no one, and flagging them would bury the findings that matter.
 */
export function findDatesAndAges(text: string): Candidate[] {
  return [...findDates(text), ...findAges(text)];
}

const month =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const welshMonth = '(?:Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)';
const weekday = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)';
const ordinalDay = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const year = '(?:19[5-9]\\d|20[0-4]\\d)';

/**
 * Each pattern finds a date; where only part of the match is the date ("in [2019]"), `lastGroup` names the
 * capture group that is, which always ends the match.
 */
const datePatterns: { pattern: RegExp; confidence: Candidate['confidence']; lastGroup?: number }[] = [
  // Day then month, with an optional weekday before and year after: "Friday 18th August 2017", "the 2nd of September".
  {
    pattern: new RegExp(
      `\\b(?:${weekday},?\\s+)?(?:the\\s+)?${ordinalDay}(?:\\s+of)?\\s+${month}\\.?(?:,?\\s+${year}|\\s+'\\d{2})?\\b`,
      'gi',
    ),
    confidence: 'high',
  },
  // Month then day: "March 3rd", "May 5, 2019". The month needs its capital here, since "may 5" is rarely a date.
  {
    pattern: new RegExp(
      `\\b(?:${weekday},?\\s+)?${month}\\.?\\s+${ordinalDay}(?:,?\\s+${year})?\\b(?!\\s*(?:%|:))`,
      'g',
    ),
    confidence: 'high',
  },
  // Month and year: "April 2019", "March of 2018", "Sept '19".
  { pattern: new RegExp(`\\b${month}\\.?\\s+(?:of\\s+)?(?:${year}|'\\d{2})\\b`, 'gi'), confidence: 'high' },
  // Welsh month names, with a year and perhaps a day: "Medi 2019", "15 Ebrill 2017". They need their capital,
  // since several are also words ("mai", "medi").
  {
    pattern: new RegExp(`\\b(?:${ordinalDay}\\s+)?${welshMonth}\\s+(?:${year}|'\\d{2})\\b`, 'g'),
    confidence: 'high',
  },
  // Numbers: 17/03/2019, 4.11.16, 04-11-2016, and ISO 2017-01-23.
  { pattern: /\b(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:19|20)?\d{2}\b(?![/.-]\d)/g, confidence: 'high' },
  { pattern: /\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g, confidence: 'high' },
  // A season, festival or school holiday with a year: "the summer of 2017", "Christmas 2018".
  {
    pattern: new RegExp(
      `\\b(?:(?:spring|summer|autumn|fall|winter)(?:\\s+(?:half[- ]term|holidays?|term))?|Christmas(?:\\s+Eve|\\s+Day)?|` +
        `Boxing Day|Easter|New Year(?:'s Eve|'s Day)?|Valentine's Day|Mother's Day|Father's Day|Bonfire Night|` +
        `Halloween|Eid|Diwali|Ramadan|half[- ]term|bank holiday)` +
        `\\s+(?:of\\s+)?${year}\\b`,
      'gi',
    ),
    confidence: 'high',
  },
  // A year after a word that makes it a point in time: "in 2019", "since 2017", "back in 2016".
  {
    pattern: new RegExp(
      `\\b(?:in|since|from|until|till|to|by|during|around|early|late|mid|of|before|after)[ \\t]{1,3}(${year})\\b(?!\\s*(?:%|pounds|people|times|miles|words))`,
      'gi',
    ),
    confidence: 'medium',
    lastGroup: 1,
  },
  // Year ranges: "2016 to 2018", "2016-18".
  { pattern: new RegExp(`\\b${year}\\s*(?:-|–|to|until)\\s*(?:${year}|\\d{2})\\b`, 'g'), confidence: 'medium' },
];

function findDates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const { pattern, confidence, lastGroup } of datePatterns) {
    for (const match of text.matchAll(pattern)) {
      const value = (lastGroup === undefined ? match[0] : (match[lastGroup] ?? match[0])).replace(/^the\s+/i, '');
      const start = match.index + match[0].length - value.length;
      found.push({ kind: 'date', start, end: start + value.length, confidence });
    }
  }
  return found;
}

const numberWordPattern =
  '(?:(?:twenty|thirty|forty|fifty|sixty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|' +
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|' +
  'seventeen|eighteen|nineteen)';
const ageNumber = `(?:\\d{1,2}|${numberWordPattern})`;
/** Words after a number that make it something other than an age: "I was 10 minutes late". */
const notAgeAfter =
  "(?!\\s*(?:o'clock|o’clock|am\\b|pm\\b|a\\.m|p\\.m|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|times?|" +
  'pounds?|quid|p\\b|miles?|%|per|percent|of\\b|out of|st\\b|nd\\b|rd\\b|th\\b|:\\d|\\.\\d|-\\d|people|kids|girls|boys|' +
  'men|women|lads|others|more|less|feet|foot|inches|stone|kg|years? (?:ago|later|before|after|earlier|on)))';

/**
 * Who an age belongs to: a pronoun, a word for a person, or a capitalised name ("Kyle was 19"), optionally
 * followed by an aside in commas ("Paris, my little sister, was 9"). Capitalised words that are never people
 * ("It was 10", "There were 12") are excluded.
 */
const subject =
  '(?:(?:[Ii]|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Yy]ou|who)|(?:sister|brother|boyfriend|girlfriend|friend|cousin|mate|man|lad|' +
  'girl|boy|daughter|son|bloke|guy)|(?!(?:It|There|That|This|What|Which|Who|Where|When|Here|Year|Time|Level|' +
  'Section|Number|Room|Page|Grade|Score|Bus|Flat|House)\\b)\\p{Lu}\\p{Ll}*)(?:,[^,.!?\\n]{1,40},)?';
// Spaces here are counted ({1,3}) rather than open-ended (+), so a long run of blank lines cannot make a
// pattern retry a quadratic number of times.
const copula =
  "(?:\\s{1,3}(?:was|were|am|is|are|be)|'m|’m|'s|’s|'re|’re|\\s{1,3}(?:would|will)\\s{1,3}(?:have\\s{1,3})?be(?:en)?|" +
  "\\s{1,3}(?:had|have|has)\\s{1,3}been|'d\\s{1,3}been|’d\\s{1,3}been)";
const hedges =
  '(?:\\s{1,3}(?:only|just|still|nearly|almost|about|barely|already|probably|maybe|around|roughly|both|all|not even)){0,4}';

/** As for dates, `lastGroup` names the capture group that is the age, where the match holds more. */
const agePatterns: { pattern: RegExp; form: AgeForm; lastGroup?: number }[] = [
  // "I was 14", "she was only fifteen", "I'm 17", "he'd been 19". The number alone is the finding.
  {
    pattern: new RegExp(`\\b${subject}${copula}${hedges}\\s{1,3}(${ageNumber})\\b${notAgeAfter}`, 'gu'),
    form: 'copula',
    lastGroup: 1,
  },
  // "I said 18", "told them I was 16": an age someone claimed is still an age.
  {
    pattern: new RegExp(
      `\\b(?:said|told (?:him|her|them)|claimed|lied and said)\\s{1,3}(${ageNumber})\\b${notAgeAfter}`,
      'gi',
    ),
    form: 'copula',
    lastGroup: 1,
  },
  // "when I turned 16", "I'd just turned fifteen".
  { pattern: new RegExp(`\\b(?:turned|turning)\\s+${ageNumber}\\b${notAgeAfter}`, 'gi'), form: 'turned' },
  // "aged 15", "age 13", "at the age of 12".
  {
    pattern: new RegExp(
      `\\b(?:aged|age|at the age of|from the age of|since the age of)\\s+${ageNumber}\\b${notAgeAfter}`,
      'gi',
    ),
    form: 'aged',
  },
  // "a fourteen-year-old girl", "an 18 year old". Plurals ("sixteen and seventeen year olds") speak of a group,
  // not of a person, so they are left alone.
  { pattern: new RegExp(`(?:\\b(?:a|an)\\s+)?\\b${ageNumber}[- ]years?[- ]old\\b(?!s)`, 'gi'), form: 'year-old' },
  // "19 years old".
  { pattern: new RegExp(`\\b${ageNumber}\\s+years\\s+old\\b`, 'gi'), form: 'copula' },
  // "my 16th birthday", "her sixteenth birthday".
  {
    pattern:
      /\b(?:\d{1,2}(?:st|nd|rd|th)|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|twenty-first|twenty first)\s+birthday\b/gi,
    form: 'birthday',
  },
];

export type AgeForm = 'copula' | 'turned' | 'aged' | 'year-old' | 'birthday';

function findAges(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const { pattern, form, lastGroup } of agePatterns) {
    for (const match of text.matchAll(pattern)) {
      const value = lastGroup === undefined ? match[0] : (match[lastGroup] ?? match[0]);
      const age = parseAge(value);
      if (age === undefined || age < 1 || age > 99) continue;
      // "He was 1" or "I was 2" is more often a count or a place in a list than an age.
      if (form === 'copula' && age < 3) continue;
      if (form === 'year-old' && generalAge(text, match.index, match.index + match[0].length)) continue;
      const end = match.index + match[0].length;
      found.push({ kind: 'age', start: end - value.length, end, confidence: 'high' });
    }
  }
  return found;
}

/** A copula just before "a fourteen-year-old" makes it someone's age: "I was a fourteen-year-old". */
const copulaBefore = /\b(?:was|were|am|is|being|as|'m|’m)\s{1,3}$/i;
/** "if a 14-year-old…", "neither can a fifteen-year-old": a condition or a comparison is about anyone. */
const generalBefore = /\b(?:if|when|whether|unless|because|can|that)\s{1,3}$/i;
/** A verb in the present or a modal soon after it makes it anyone's: "a ten-year-old can't consent". */
const generalVerbAfter =
  /^(?:\s{1,3}[\p{L}'’-]+){0,10}?\s{1,3}(?:can|can't|can’t|cannot|is|isn't|isn’t|has|hasn't|does|doesn't|doesn’t|should|shouldn't|must|will|won't|needs|seems|makes|who is|who has|who says|who seems)\b/iu;

/**
 * "A ten-year-old can't consent to that", "if a 14-year-old has two phones": an age with "a" in general
 * advice is nobody's, so it is left alone. Only "a" or "an" phrases are judged; "my 13-year-old sister" is
 * always someone's.
 */
function generalAge(text: string, start: number, end: number): boolean {
  if (!/^an?\s/i.test(text.slice(start, end))) return false;
  if (copulaBefore.test(text.slice(Math.max(0, start - 12), start))) return false;
  return (
    generalVerbAfter.test(text.slice(end, end + 80)) || generalBefore.test(text.slice(Math.max(0, start - 12), start))
  );
}

/** The age a phrase states: the first number in it, in digits or words ("twenty-one" is 21). */
export function parseAge(phrase: string): number | undefined {
  const digits = /\d{1,2}/.exec(phrase);
  if (digits !== null) return Number(digits[0]);
  const words = phrase.toLowerCase().match(/[a-z]+/g) ?? [];
  let total: number | undefined;
  for (const word of words) {
    const value = numberWords.get(word) ?? ordinalWords.get(word);
    if (value === undefined) {
      if (total !== undefined) break;
      continue;
    }
    total = (total ?? 0) + value;
  }
  return total;
}

const ordinalWords: ReadonlyMap<string, number> = new Map([
  ['thirteenth', 13],
  ['fourteenth', 14],
  ['fifteenth', 15],
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['first', 1],
]);
