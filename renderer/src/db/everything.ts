import { renderDocumentHtml, renderHtmlPage } from '../../../electron/shared/document-html';
import { formatMoment, systemClock, type Clock } from '../domain/clock';
import type { DocumentNode } from '../domain/document-text';
import type { ChorusDb } from './database';
import {
  statusLabels,
  type DocumentRecord,
  type ImageRecord,
  type ResourceRecord,
  type SnapshotKind,
  type SnapshotRecord,
} from './records';

/** One file of the "everything of mine" archive: its path inside the zip and its contents. */
export interface ArchiveFile {
  path: string;
  content: string | Uint8Array;
  /** Already compressed (pictures): stored as it is rather than squeezed again. */
  compressed?: boolean;
}

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
  anonymisationLog: 'what was replaced with what when identifying details were removed (the original words)',
  approvedVersions: 'versions approved on this device, exactly as shared or waiting to be shared',
  withdrawals: 'withdrawals made on this device',
  outbox: 'what is waiting to reach the shared repository',
  library: 'the approved library as last pulled from the shared repository',
  libraryWithdrawals: 'withdrawals seen in the shared repository',
  skippedFiles: 'files in the shared repository that Chorus could not use, and why',
  packs: 'your training packs, with your notes',
};

const imageExtensions: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

const snapshotKindLabels: Record<SnapshotKind, string> = {
  auto: 'Saved automatically',
  named: 'Named version',
  'before-restore': 'Before a restore',
};

/**
 * A title made safe as part of a file name on every system: letters, digits, spaces, hyphens and
 * underscores only, at most 60 characters. The record's id follows it, so names never collide.
 */
export function safeFileTitle(title: string): string {
  const cleaned = title
    .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .trim();
  return cleaned === '' ? 'Untitled' : cleaned;
}

/** Ids come from this device, but a library copy came from elsewhere: keep paths to a safe alphabet. */
function safeId(id: string | number): string {
  return String(id).replace(/[^A-Za-z0-9_-]/g, '_');
}

function imagePath(image: ImageRecord): string {
  return `images/${safeId(image.id)}.${imageExtensions[image.blob.type] ?? 'bin'}`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function imageFiles(images: readonly ImageRecord[]): Promise<ArchiveFile[]> {
  return Promise.all(
    images.map(async (image) => ({
      path: imagePath(image),
      content: new Uint8Array(await image.blob.arrayBuffer()),
      compressed: true,
    })),
  );
}

/** The images table without its Blobs: each entry says which file in the archive holds the picture. */
function imagesJson(images: readonly ImageRecord[]): string {
  return json(
    images.map((image) => ({
      id: image.id,
      file: imagePath(image),
      type: image.blob.type,
      size: image.blob.size,
      createdAt: image.createdAt,
    })),
  );
}

function draftPage(resource: ResourceRecord, doc: DocumentNode, clock: Clock): string {
  return renderHtmlPage({
    title: resource.title,
    lead: [
      { label: 'Status', items: [resource.inTrash === 1 ? 'In the Trash' : statusLabels[resource.status]] },
      { label: 'Last changed', items: [formatMoment(resource.updatedAt, clock)] },
      { label: 'Content warnings', items: resource.contentWarnings },
    ],
    body: renderDocumentHtml(doc),
  });
}

function snapshotPage(title: string, snapshot: SnapshotRecord, clock: Clock): string {
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

function draftFiles(
  resources: readonly ResourceRecord[],
  documents: readonly DocumentRecord[],
  clock: Clock,
): ArchiveFile[] {
  const byId = new Map(documents.map((document) => [document.resourceId, document.doc]));
  return resources.map((resource) => ({
    path: `drafts/${safeFileTitle(resource.title)}-${safeId(resource.id)}.html`,
    content: draftPage(resource, byId.get(resource.id) ?? { type: 'doc' }, clock),
  }));
}

function snapshotFiles(
  resources: readonly ResourceRecord[],
  snapshots: readonly SnapshotRecord[],
  clock: Clock,
): ArchiveFile[] {
  const titles = new Map(resources.map((resource) => [resource.id, resource.title]));
  return snapshots.map((snapshot) => {
    const title = titles.get(snapshot.resourceId) ?? 'A deleted draft';
    return {
      path: `history/${safeFileTitle(title)}-${safeId(snapshot.resourceId)}/${safeId(snapshot.id ?? 0)}.html`,
      content: snapshotPage(title, snapshot, clock),
    };
  });
}

function readme(tableNames: readonly string[], clock: Clock): string {
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

/**
 * Every table Chorus keeps on this device, read in one transaction so the archive is one moment's
 * state: one JSON file per table, the pictures as files of their own, each draft and each saved
 * version as a readable web page, and a README saying what is what. Tables are found from the
 * schema, so a table added later is exported without changes here.
 */
export async function collectEverything(db: ChorusDb, clock: Clock = systemClock): Promise<ArchiveFile[]> {
  const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
  const contents = await db.transaction('r', tables, () =>
    Promise.all(tables.map(async (table) => ({ name: table.name, records: (await table.toArray()) as unknown[] }))),
  );
  const recordsOf = <T>(name: string): T[] => (contents.find((each) => each.name === name)?.records ?? []) as T[];
  const resources = recordsOf<ResourceRecord>('resources');
  const images = recordsOf<ImageRecord>('images');

  const dataFiles = contents.map(({ name, records }) => ({
    path: `data/${name}.json`,
    content: name === 'images' ? imagesJson(images) : json(records),
  }));
  return [
    {
      path: 'README.txt',
      content: readme(
        tables.map((table) => table.name),
        clock,
      ),
    },
    ...dataFiles,
    ...(await imageFiles(images)),
    ...draftFiles(resources, recordsOf<DocumentRecord>('documents'), clock),
    ...snapshotFiles(resources, recordsOf<SnapshotRecord>('snapshots'), clock),
  ];
}

/**
 * Deletes Chorus's database and every other IndexedDB database of this origin, waiting until each
 * is gone. `onBlocked` is called when another window or tab keeps a database open: the deletion
 * then waits for it to close, and the person should be told why nothing is happening.
 */
export async function eraseDatabases(db: ChorusDb, onBlocked: () => void): Promise<void> {
  const blocked = () => onBlocked();
  db.on('blocked', blocked);
  try {
    db.close({ disableAutoOpen: true });
    await db.delete({ disableAutoOpen: true });
  } finally {
    db.on('blocked').unsubscribe(blocked);
  }
  // Anything else this origin keeps in IndexedDB, such as key material stored beside the database.
  const others = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  for (const { name } of others) {
    if (name !== undefined && name !== '') await deleteIndexedDb(name, onBlocked);
  }
}

function deleteIndexedDb(name: string, onBlocked: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
    request.onblocked = () => onBlocked();
  });
}
