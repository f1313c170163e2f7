import { gatherWarnings, warningLine } from '@core/packs/content-warnings';
import { creditOf } from '@core/co-production/credit';
import type { ExportRequest, SupportContact } from '../../shared/contract';
import {
  audienceLabels,
  purposeLabels,
  describeUse,
  type ApprovedVersion,
  type DocumentNode,
} from '@core/repository/records';
import { exportBlocks, textParagraphs, type Block, type Inline } from '@core/document/export-blocks';

/**
 * What an export says, in order and in no file format: the cover, the session plan, the
 * introduction, then each resource with its content warnings first and its trainer notes kept
 * apart. Every writer (Word, PowerPoint, HTML and, through HTML, PDF) follows this outline, so the
 * formats cannot drift apart in what they include or leave out.
 *
 * Only what a trainer may show is taken from the request. From each approved version: the title,
 * content warnings, summary, document, version number, review-by date, the audiences and uses the
 * consultee consented to, the consultee's chosen attribution, and the date of approval. Never the names in
 * `approvals` (the facilitator's comes from a profile), the consent wording, topics or ids.
 */

/** A labelled fact shown with a resource, such as its version or who it may be used with. */
export interface Fact {
  label: string;
  items: string[];
}

export interface CoverPart {
  kind: 'cover';
  /** "Training pack" or "Training resource". */
  label: string;
  title: string;
  /** "For Social care, in training sessions led by a trainer": a pack's; empty when the request has none. */
  use: string;
  description: Inline[][];
  /** Every content warning in the export, first on the cover. */
  contentWarnings: string[];
  /** One line per resource: title, version and approval date, attribution. */
  resources: { anchor: string; title: string; version: string; attribution: string }[];
}

export interface SessionPlanPart {
  kind: 'session-plan';
  title: string;
  /** One line per warning, with the resources it comes from: "Self-harm — from “Being heard”". */
  contentWarnings: string[];
  support: SupportContact[];
}

export interface IntroductionPart {
  kind: 'introduction';
  title: string;
  paragraphs: Inline[][];
}

export interface ResourcePart {
  kind: 'resource';
  /** 1-based position in the export. */
  number: number;
  /** A stable id for links and bookmarks within the file: `resource-1`, `resource-2`… */
  anchor: string;
  title: string;
  /** In the order shown: content warnings first, then attribution, version, review-by, audiences and summary. */
  facts: Fact[];
  contentWarnings: string[];
  /** The version's own document, for the HTML writer (`renderDocumentHtml`). */
  document: DocumentNode;
  /** The same document as blocks, for the Word and PowerPoint writers. */
  blocks: Block[];
  /** The trainer's notes for this resource, kept apart from the resource itself; empty when there are none. */
  trainerNotes: Inline[][];
}

export type OutlinePart = CoverPart | SessionPlanPart | IntroductionPart | ResourcePart;

export interface ExportOutline {
  kind: ExportRequest['kind'];
  /** The export's title, never empty. */
  title: string;
  /** The cover first, then the other parts in reading order. */
  parts: [CoverPart, ...OutlinePart[]];
}

export const trainerNotesTitle = 'Trainer notes';

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export function formatDate(at: number): string {
  return Number.isFinite(at) ? longDate.format(at) : '';
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Warnings without blanks or repeats, in their first order; repeats differing only in case or spacing count once. */
function distinct(warnings: readonly string[]): string[] {
  return gatherWarnings([{ warnings }]).map((warning) => warning.text);
}

function approvedAt(version: ApprovedVersion): number {
  // The later of the two sign-offs is when the version was approved. Only the times are read here.
  return Math.max(0, ...version.approvals.map((approval) => approval.at));
}

export function versionLine(version: ApprovedVersion): string {
  return `Version ${version.content.version}, approved ${formatDate(approvedAt(version))}`;
}

function resourceTitle(version: ApprovedVersion): string {
  const title = clean(version.content.title);
  return title === '' ? 'Untitled resource' : title;
}

function resourcePart(item: ExportRequest['items'][number], index: number): ResourcePart {
  const { version } = item;
  const { content } = version;
  const contentWarnings = distinct(content.contentWarnings);
  const attribution = clean(creditOf(version));
  const facts: Fact[] = [
    { label: 'Content warnings', items: contentWarnings },
    { label: 'Attribution', items: attribution === '' ? [] : [attribution] },
    { label: 'Version', items: [versionLine(version)] },
    { label: 'Review by', items: content.reviewBy === '' ? [] : [formatDate(Date.parse(content.reviewBy))] },
    {
      label: 'May be used with',
      items: version.consent.choices.audiences.map((audience) => audienceLabels[audience]),
    },
    // The uses the consultee agreed to travel with the words, for whoever receives the file.
    {
      label: 'May be used in',
      items: version.consent.choices.purposes.map((purpose) => purposeLabels[purpose]),
    },
    { label: 'Summary', items: clean(content.summary) === '' ? [] : [clean(content.summary)] },
  ];
  return {
    kind: 'resource',
    number: index + 1,
    anchor: `resource-${index + 1}`,
    title: resourceTitle(version),
    facts: facts.filter((fact) => fact.items.length > 0),
    contentWarnings,
    document: content.document,
    blocks: exportBlocks(content.document),
    trainerNotes: textParagraphs(item.notes),
  };
}

/** Turns a checked request into the outline every writer follows. */
export function buildOutline(request: ExportRequest): ExportOutline {
  const resources = request.items.map(resourcePart);
  const fallback = request.kind === 'pack' ? 'Untitled training pack' : (resources[0]?.title ?? 'Untitled resource');
  const title = clean(request.title) === '' ? fallback : clean(request.title);
  const sessionWarnings = distinct([
    ...request.sessionPlan.contentWarnings,
    ...resources.flatMap((resource) => resource.contentWarnings),
  ]);
  const support = request.sessionPlan.support
    .map((contact) => ({
      name: clean(contact.name),
      description: clean(contact.description),
      contact: clean(contact.contact),
    }))
    .filter((contact) => contact.name !== '' || contact.contact !== '');

  const cover: CoverPart = {
    kind: 'cover',
    label: request.kind === 'pack' ? 'Training pack' : 'Training resource',
    title,
    use: request.use === undefined ? '' : `For ${describeUse(request.use)}`,
    description: textParagraphs(request.description),
    contentWarnings: sessionWarnings,
    resources: resources.map((resource, index) => {
      const version = request.items[index]?.version;
      return {
        anchor: resource.anchor,
        title: resource.title,
        version: version === undefined ? '' : versionLine(version),
        attribution: resource.facts.find((fact) => fact.label === 'Attribution')?.items[0] ?? '',
      };
    }),
  };
  const parts: [CoverPart, ...OutlinePart[]] = [cover];
  if (sessionWarnings.length > 0 || support.length > 0) {
    // Each warning once with the resources it comes from, as the pack's screen shows it; then any
    // the request's plan holds that no resource here carries, without a source.
    const gathered = gatherWarnings([
      ...resources.map((resource) => ({ title: resource.title, warnings: resource.contentWarnings })),
      { warnings: request.sessionPlan.contentWarnings },
    ]);
    parts.push({ kind: 'session-plan', title: 'Session plan', contentWarnings: gathered.map(warningLine), support });
  }
  const introduction = textParagraphs(request.introduction);
  if (introduction.length > 0) parts.push({ kind: 'introduction', title: 'Introduction', paragraphs: introduction });
  parts.push(...resources);
  return { kind: request.kind, title, parts };
}
