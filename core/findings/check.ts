import {
  detectIdentifyingDetails,
  findingKinds,
  neutralSuggestion,
  type DetectOptions,
  type Finding,
  type FindingKind,
} from '../identifying-details/index';
import type { DocumentNode } from '../document/model';
import { explainFinding, ownListExplanation } from './explain';
import { foldText, knownDetailMatcher, type KnownDetail, type KnownMatch } from './known-details';
import { documentParts, type FindingPlace, type SharedDetails } from './segments';

/** A finding in what is shared: what it is, where, why, and what could replace it. */
export interface CheckedFinding {
  kind: FindingKind;
  /** Exactly the words at `place`. */
  text: string;
  suggestion: string;
  explanation: string;
  /** `list` when it is on the consultee's own list, `detector` when the check found it by itself. */
  source: 'detector' | 'list';
  place: FindingPlace;
}

export interface CheckInput {
  details: SharedDetails;
  /** The document as it would be shared (review marks stripped). */
  doc: DocumentNode;
  /** The consultee's own list of people and places. */
  known: readonly KnownDetail[];
  /** Words the consultee chose as replacements (pseudonyms): never flagged again by the detector. */
  replacements: readonly string[];
}

export type Detect = (text: string, options?: DetectOptions) => readonly Finding[];

/**
 * The kinds a list entry can stand for, with ages (a listed "Jade" inside "Jade, 14" stays a name).
 * A finding of any other kind says more than a list entry inside it: an email address holding a name.
 */
const namedKinds: ReadonlySet<FindingKind> = new Set<FindingKind>(['person', 'place', 'school', 'organisation', 'age']);
const moreSpecificThanList = new Set<FindingKind>(findingKinds.filter((kind) => !namedKinds.has(kind)));

/** Joined blocks keep a blank line between them, as the document's plain text does. */
const blockGap = '\n\n';

/**
 * Checks everything that is shared with a resource: its title, summary, topics and content warnings,
 * every block of its text (headings, tables, content-warning and "in my words" blocks included) and
 * every picture's description. The text is checked as one piece, so a name met once with a title
 * ("Mrs Okafor") is known when it comes again alone. Matches of the consultee's own list win over the
 * detector's findings of the same words; replacements the consultee chose are not flagged again.
 */
export function checkShared(input: CheckInput, detect: Detect = detectIdentifyingDetails): CheckedFinding[] {
  const { blocks, pictures } = documentParts(input.doc);
  const knownNames = input.known.map((entry) => entry.text);
  const matchKnown = knownDetailMatcher(input.known);
  const pseudonyms = pseudonymFinder(input.replacements);
  const found: CheckedFinding[] = [];

  const checkOne = (text: string, place: Omit<FindingPlace, 'from' | 'to'>, detected: readonly Finding[]) => {
    if (text === '') return;
    const listed = matchKnown(text);
    const own = pseudonyms(text);
    const kept = mergeWithList(detected, listed).filter(
      (finding) => 'entry' in finding || !own.some((span) => span.start <= finding.start && finding.end <= span.end),
    );
    for (const finding of kept) {
      const words = text.slice(finding.start, finding.end);
      if (words.trim() === '') continue;
      const placed: FindingPlace = { ...place, from: finding.start, to: finding.end };
      if ('entry' in finding) {
        const context = { before: text.slice(Math.max(0, finding.start - 60), finding.start) };
        found.push({
          kind: finding.kind,
          text: words,
          suggestion: neutralSuggestion(finding.kind, words, {
            ...context,
            after: text.slice(finding.end, finding.end + 30),
          }),
          explanation: ownListExplanation,
          source: 'list',
          place: placed,
        });
      } else {
        found.push({
          kind: finding.kind,
          text: words,
          suggestion: finding.suggestion,
          explanation: explainFinding(finding),
          source: 'detector',
          place: placed,
        });
      }
    }
  };
  const single = (text: string, place: Omit<FindingPlace, 'from' | 'to'>) =>
    checkOne(text, place, text === '' ? [] : detect(text, { knownNames }));

  single(input.details.title, { area: 'title', index: 0 });
  single(input.details.summary, { area: 'summary', index: 0 });
  input.details.topics.forEach((text, index) => single(text, { area: 'topic', index }));
  input.details.contentWarnings.forEach((text, index) => single(text, { area: 'content-warning', index }));

  const body = blocks.map((block) => block.text).join(blockGap);
  const inBody = body.trim() === '' ? [] : detect(body, { knownNames });
  let next = 0;
  let blockStart = 0;
  blocks.forEach((block, index) => {
    const blockEnd = blockStart + block.text.length;
    const inBlock: Finding[] = [];
    for (; next < inBody.length; next++) {
      const finding = inBody[next] as Finding;
      if (finding.start >= blockEnd) break;
      const start = Math.max(finding.start, blockStart) - blockStart;
      const end = Math.min(finding.end, blockEnd) - blockStart;
      if (end > start) inBlock.push({ ...finding, start, end, text: block.text.slice(start, end) });
    }
    checkOne(block.text, { area: 'text', index, holder: block.holder }, inBlock);
    blockStart = blockEnd + blockGap.length;
  });

  pictures.forEach((text, index) => single(text, { area: 'picture', index }));
  return found;
}

type Placed = Finding | (KnownMatch & { suggestion?: undefined });

/**
 * The detector's findings and the list's matches of one text, without overlaps: a list match wins over
 * a finding it overlaps, unless the finding is of a kind that says more (an email address, a date).
 */
function mergeWithList(detected: readonly Finding[], listed: readonly KnownMatch[]): Placed[] {
  if (listed.length === 0) return [...detected];
  const specific = detected.filter((finding) => moreSpecificThanList.has(finding.kind));
  const matches = listed.filter((match) => !specific.some((finding) => overlaps(finding, match)));
  const others = detected.filter(
    (finding) => moreSpecificThanList.has(finding.kind) || !matches.some((match) => overlaps(finding, match)),
  );
  return [...others, ...matches].sort((a, b) => a.start - b.start);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** At most this many replacements are looked for; more than anyone makes in one resource. */
const maxPseudonyms = 2000;

/** Where the chosen replacements appear in a text, in any case and accents. */
function pseudonymFinder(replacements: readonly string[]): (text: string) => { start: number; end: number }[] {
  const wanted = [
    ...new Set(replacements.map((each) => foldText(each.trim())).filter((each) => each.length >= 2)),
  ].slice(0, maxPseudonyms);
  return (text) => {
    if (wanted.length === 0) return [];
    const folded = foldText(text);
    const spans: { start: number; end: number }[] = [];
    for (const replacement of wanted) {
      for (let at = folded.indexOf(replacement); at !== -1; at = folded.indexOf(replacement, at + 1)) {
        spans.push({ start: at, end: at + replacement.length });
      }
    }
    return spans;
  };
}
