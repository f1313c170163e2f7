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
const weekday = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)';
const ordinalDay = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const year = '(?:19[5-9]\\d|20[0-4]\\d)';

const datePatterns: { pattern: RegExp; confidence: Candidate['confidence'] }[] = [
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
  // Numbers: 17/03/2019, 4.11.16, 04-11-2016, and ISO 2017-01-23.
  { pattern: /\b(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:19|20)?\d{2}\b(?![/.-]\d)/g, confidence: 'high' },
  { pattern: /\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g, confidence: 'high' },
  // A season, festival or school holiday with a year: "the summer of 2017", "Christmas 2018".
  {
    pattern: new RegExp(
      `\\b(?:(?:spring|summer|autumn|fall|winter)(?:\\s+(?:half[- ]term|holidays?|term))?|Christmas(?:\\s+Eve|\\s+Day)?|` +
        `Easter|New Year(?:'s Eve|'s Day)?|Bonfire Night|Halloween|Eid|Diwali|Ramadan|half[- ]term)` +
        `\\s+(?:of\\s+)?${year}\\b`,
      'gi',
    ),
    confidence: 'high',
  },
  // A year after a word that makes it a point in time: "in 2019", "since 2017", "back in 2016".
  {
    pattern: new RegExp(
      `(?<=\\b(?:in|since|from|until|till|by|during|around|early|late|mid|of|before|after)\\s+)${year}\\b(?!\\s*(?:%|pounds|people|times|miles|words))`,
      'gi',
    ),
    confidence: 'medium',
  },
  // Year ranges: "2016 to 2018", "2016-18".
  { pattern: new RegExp(`\\b${year}\\s*(?:-|–|to|until)\\s*(?:${year}|\\d{2})\\b`, 'g'), confidence: 'medium' },
];

function findDates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const { pattern, confidence } of datePatterns) {
    for (const match of text.matchAll(pattern)) {
      const value = match[0].replace(/^the\s+/i, '');
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
  'pounds?|quid|p\\b|miles?|%|per|percent|of\\b|out of|st\\b|nd\\b|rd\\b|th\\b|:\\d|\\.\\d|people|kids|girls|boys|' +
  'men|women|lads|others|more|less|feet|foot|inches|stone|kg|years? (?:ago|later|before|after|earlier|on)))';

const subject = '(?:I|he|she|they|we|you)';
const copula =
  "(?:\\s+(?:was|were|am|is|are|be)|'m|’m|'s|’s|'re|’re|\\s+(?:would|will)\\s+(?:have\\s+)?be(?:en)?|\\s+(?:had|have|has)\\s+been|'d\\s+been|’d\\s+been)";
const hedges = '(?:\\s+(?:only|just|still|nearly|almost|about|barely|already|probably|maybe|around|roughly|not even))*';

const agePatterns: { pattern: RegExp; form: AgeForm }[] = [
  // "I was 14", "she was only fifteen", "I'm 17", "he'd been 19". The number alone is the finding.
  {
    pattern: new RegExp(`(?<=\\b${subject}${copula}${hedges}\\s+)${ageNumber}\\b${notAgeAfter}`, 'gi'),
    form: 'copula',
  },
  // "I said 18", "told them I was 16": an age someone claimed is still an age.
  {
    pattern: new RegExp(
      `(?<=\\b(?:said|told (?:him|her|them)|claimed|lied and said)\\s+)${ageNumber}\\b${notAgeAfter}`,
      'gi',
    ),
    form: 'copula',
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
  for (const { pattern, form } of agePatterns) {
    for (const match of text.matchAll(pattern)) {
      const age = parseAge(match[0]);
      if (age === undefined || age < 1 || age > 99) continue;
      // "He was 1" or "I was 2" is more often a count or a place in a list than an age.
      if (form === 'copula' && age < 3) continue;
      found.push({ kind: 'age', start: match.index, end: match.index + match[0].length, confidence: 'high' });
    }
  }
  return found;
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
