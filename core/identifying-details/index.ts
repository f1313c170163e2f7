import { findContactDetails } from './contact-details';
import { findInstitutions } from './institutions';
import {
  findInitials,
  findLexiconNames,
  findLexiconPlaces,
  findNamedHomes,
  findNamedVenues,
  findUnknownPlaces,
  findUsernames,
  findWelshNames,
} from './lexicon-rules';
import { mergeCandidates } from './merge';
import {
  findGazetteerPlaces,
  findCoordinatedNames,
  findIntroducedNames,
  findKnownNames,
  findPlacesByContext,
  findRepeatedNames,
  findWithCompromise,
  type NamedPerson,
} from './people-places';
import { neutralSuggestion } from './suggestions';
import { findDatesAndAges } from './temporal';
import { lowerCaseShouting, tokenIndexAt, tokenize, type Token } from './tokens';
import { findingKindExplanations, type Candidate, type DetectOptions, type Finding } from './types';

export { neutralSuggestion, type SuggestionContext } from './suggestions';
export {
  findingKindExplanations,
  findingKindLabels,
  findingKinds,
  type DetectOptions,
  type Finding,
  type FindingConfidence,
  type FindingKind,
} from './types';

/**
 * Finds details in a text that could identify the consultee or anyone else: names, places, schools,
 * workplaces, ages, dates, contact details, postcodes, addresses, registrations and social media handles.
 * Findings never overlap and are sorted by position. It never throws: a rule that fails on some input is
 * skipped, and the others still run.
 */
export function detectIdentifyingDetails(text: string, options: DetectOptions = {}): Finding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // Contact details are read from the text as written; everything else from a copy in which sentences
  // written in capitals throughout are in lower case. Both have the same offsets.
  const written = safely(() => tokenize(text)) ?? [];
  const working = safely(() => lowerCaseShouting(text, written)) ?? text;
  const tokens = working === text ? written : (safely(() => tokenize(working)) ?? written);
  const candidates: Candidate[] = [];
  const add = (run: () => readonly Candidate[]): void => {
    const found = safely(run);
    if (found !== undefined) candidates.push(...found);
  };

  add(() => findContactDetails(text));
  add(() => findDatesAndAges(working));
  add(() => findInstitutions(working, tokens));
  add(() => findGazetteerPlaces(working, tokens));
  add(() => findPlacesByContext(working, tokens));
  add(() => findLexiconPlaces(working, tokens));
  add(() => findLexiconNames(working, tokens));
  add(() => findWelshNames(working, tokens));
  add(() => findInitials(working, tokens));
  add(() => findNamedVenues(working, tokens));
  add(() => findNamedHomes(working, tokens));
  add(() => findUnknownPlaces(working, tokens));
  add(() => findUsernames(text));
  const introduced = safely(() => findIntroducedNames(working, tokens)) ?? [];
  candidates.push(...introduced);
  const knownNames = Array.isArray(options.knownNames)
    ? options.knownNames.filter((name) => typeof name === 'string')
    : [];
  add(() => findKnownNames(working, knownNames));
  const explained = safely(() => explainedTokens(tokens, candidates));
  candidates.push(...(safely(() => findWithCompromise(working, tokens, explained)) ?? []));

  // Names found with confidence are looked for again across the whole text, once the first pass is merged,
  // so a name that turned out to be part of a school or a place is not spread further.
  const firstPass = mergeCandidates(candidates);
  const keptAsPerson = (person: NamedPerson): boolean =>
    firstPass.some((kept) => kept.kind === 'person' && kept.start <= person.nameStart && person.nameEnd <= kept.end);
  const confidentNames = [
    ...introduced.filter(keptAsPerson).map((person) => working.slice(person.nameStart, person.nameEnd)),
    ...firstPass
      .filter((kept) => kept.kind === 'person' && kept.confidence === 'high' && kept.suggestion === undefined)
      .map((kept) => working.slice(kept.start, kept.end)),
  ];
  add(() => findRepeatedNames(working, confidentNames));
  const people = mergeCandidates(candidates).filter((candidate) => candidate.kind === 'person');
  add(() => findCoordinatedNames(working, tokens, people));

  return safely(() => toFindings(text, mergeCandidates(candidates))) ?? [];
}

/** Marks, by token index, the words inside something already found, which compromise need not look at. */
function explainedTokens(tokens: readonly Token[], candidates: readonly Candidate[]): Uint8Array {
  const marks = new Uint8Array(tokens.length);
  for (const candidate of candidates) {
    for (let i = tokenIndexAt(tokens, candidate.start); i < tokens.length; i++) {
      const token = tokens[i];
      if (token === undefined || token.start >= candidate.end) break;
      marks[i] = 1;
    }
  }
  return marks;
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

const articleFirst = /^(?:a|an|the|part of|one|that)\b/i;

function toFindings(text: string, merged: readonly Candidate[]): Finding[] {
  const findings: Finding[] = [];
  let previousEnd = 0;
  for (const candidate of merged) {
    let { start } = candidate;
    const { end } = candidate;
    const context = { before: text.slice(Math.max(0, start - 60), start), after: text.slice(end, end + 30) };
    let suggestion = candidate.suggestion ?? neutralSuggestion(candidate.kind, text.slice(start, end), context);
    // "the Parkway Lodge Hotel" should become "a hotel", not "the a hotel": take the "the" into the finding.
    const the = /\b[Tt]he[ \t]+$/.exec(context.before);
    if (the !== null && articleFirst.test(suggestion) && start - the[0].length >= previousEnd) {
      start -= the[0].length;
    }
    if (startsSentence(text, start)) suggestion = suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
    findings.push({
      id: `${candidate.kind}:${start}`,
      kind: candidate.kind,
      start,
      end,
      text: text.slice(start, end),
      suggestion,
      confidence: candidate.confidence,
      explanation: candidate.explanation ?? findingKindExplanations[candidate.kind],
    });
    previousEnd = end;
  }
  return findings;
}

/** Whether a finding opens a sentence or a line, so its suggestion should start with a capital. */
function startsSentence(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 6), offset);
  if (/(?:^|\n)[\s'"‘“(]*$/.test(before) && (offset <= 6 || before.includes('\n'))) return true;
  return /[.!?]['"’”)]?[\s'"‘“(]+$/.test(before);
}
