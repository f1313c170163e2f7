import { formatMoment, type Clock } from '../clock';
import { renderDocumentHtml, renderHtmlPage } from './html';
import type { DocumentNode } from './model';

/**
 * What the "everything of mine" archive says, in words and pages: the README, the note on damaged
 * records, and a web page for each draft and each saved version. `renderer/src/db/everything.ts`
 * gathers the records and calls these; nothing here reads a database.
 */

/** What each table holds, in the words the archive's README uses. Tables not listed get a plain line. */
const tableDescriptions: Readonly<Record<string, string>> = {
  resources: 'your drafts’ details: title, summary, audiences, topics, content warnings, status',
  documents: 'the text of each draft, as the editor keeps it (TipTap JSON)',
  snapshots: 'the history of each draft: saved versions you can compare and restore',
  images: 'the pictures in your drafts; each entry names its file in images/',
  settings: 'settings on this device, such as the support services for session plans',
  profiles: 'the people who use Chorus on this device and their roles',
  auditEvents: 'the audit trail of each resource: submissions, sign-offs, approvals, withdrawals',
  commentThreads: 'review comment threads and the words they were anchored to',
  comments: 'review comments and replies',
  signOffs: 'sign-offs, with the consultee’s consent and the facilitator’s checklist',
  findingDecisions: 'what was decided about each possible identifying detail',
  knownDetails: 'your list of people and places in your stories, which the identifying-details check looks for',
  anonymisationLog: 'what was replaced with what when identifying details were removed (the original words)',
  approvedVersions: 'versions approved on this device, exactly as shared or waiting to be shared',
  withdrawals: 'withdrawals made on this device',
  outbox: 'what is waiting to reach the shared repository',
  library: 'the approved library as last pulled from the shared repository',
  libraryWithdrawals: 'withdrawals seen in the shared repository',
  skippedFiles: 'files in the shared repository that Chorus could not use, and why',
  packs: 'your training packs, with your notes',
};

export type SnapshotKind = 'auto' | 'named' | 'before-restore';

const snapshotKindLabels: Record<SnapshotKind, string> = {
  auto: 'Saved automatically',
  named: 'Named version',
  'before-restore': 'Before a restore',
};

/** Something in the archive that was damaged on this device, and what was done about it. */
export interface DamageNote {
  /** Where: a table and a record's key, or a file of the archive. */
  where: string;
  what: string;
}

/** A draft's page: its title, status, last change and content warnings, then its document. */
export function draftPage(
  draft: { title: string; status: string; updatedAt: number; contentWarnings: readonly string[] },
  doc: DocumentNode,
  clock: Clock,
): string {
  return renderHtmlPage({
    title: draft.title,
    lead: [
      { label: 'Status', items: [draft.status] },
      { label: 'Last changed', items: [formatMoment(draft.updatedAt, clock)] },
      { label: 'Content warnings', items: [...draft.contentWarnings] },
    ],
    body: renderDocumentHtml(doc),
  });
}

/** A saved version's page: the draft's title with the version's name or kind, when it was kept, then its document. */
export function snapshotPage(
  title: string,
  snapshot: { kind: SnapshotKind; label: string; createdAt: number; doc: DocumentNode },
  clock: Clock,
): string {
  const kind = snapshotKindLabels[snapshot.kind];
  return renderHtmlPage({
    title: `${title}: ${snapshot.label === '' ? kind : snapshot.label}`,
    lead: [
      { label: 'Kept', items: [formatMoment(snapshot.createdAt, clock)] },
      { label: 'Kind', items: [kind] },
    ],
    body: renderDocumentHtml(snapshot.doc),
  });
}

/** The note that goes in the archive when anything was damaged: what, where, and what was done. */
export function damageNote(notes: readonly DamageNote[]): string {
  return [
    'Damaged records: what Chorus found and what it did',
    '',
    'Some of what Chorus keeps on this device was damaged: missing, or not what Chorus writes. Nothing was',
    'left out because of it. Each record is in data/ as it was read, and the list below says what happened.',
    '',
    ...notes.map((note) => `  ${note.where}: ${note.what}.`),
    '',
  ].join('\r\n');
}

export function archiveReadme(tableNames: readonly string[], damaged: number, clock: Clock): string {
  const tables = tableNames.map(
    (name) => `  data/${name}.json: ${tableDescriptions[name] ?? `the records Chorus keeps in its ${name} table`}`,
  );
  return [
    'Everything of mine: what Chorus keeps on this device',
    '',
    `Made on ${formatMoment(clock.now(), clock)}.`,
    '',
    'This archive is not encrypted. It holds your drafts, their history and everything else Chorus keeps',
    'on this device, so keep it somewhere only you can reach, and delete it when you no longer need it.',
    '',
    'What each file is:',
    '  README.txt: this file.',
    ...(damaged === 0
      ? []
      : [`  DAMAGED.txt: ${damaged === 1 ? 'one thing' : `${damaged} things`} Chorus found damaged, and what it did.`]),
    '  drafts/: each draft as a web page you can open in any browser (pictures are shown as placeholders).',
    '  history/: each saved version of each draft, as a web page, in a folder per draft.',
    '  images/: the pictures in your drafts, as they were added.',
    '  data/: every table Chorus keeps, as JSON, for other programs or for moving your work elsewhere:',
    ...tables,
    '',
    'The repository settings and token are kept by the Chorus app, not here, and are not in this archive.',
    '',
  ].join('\r\n');
}
