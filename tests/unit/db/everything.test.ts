import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  collectEverything,
  createImageStore,
  createPack,
  createProfile,
  createResource,
  eraseDatabases,
  safeFileTitle,
  saveDocument,
  saveSupportContact,
  startThread,
  takeSnapshot,
  type ArchiveFile,
  type ChorusDb,
  type ProfileRecord,
} from '../../../renderer/src/db';
import { bytesToBase64 } from '@core/base64';
import { archiveFileName, buildArchive } from '../../../renderer/src/features/settings/archive';
import { fixedClock } from '@core/clock';
import { openTestDb, paragraphs } from '../../helpers/db';

let db: ChorusDb;

beforeEach(() => {
  db = openTestDb();
});

afterEach(async () => {
  await db.delete();
});

const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
const phrase = 'The bus shelter on Tuesdays';
const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

interface Seeded {
  resourceId: string;
  imageId: string;
  packId: string;
  snapshotId: number;
}

/** A device with a little of everything: a draft with a picture, its history, a comment, a pack and a setting. */
async function seed(): Promise<Seeded> {
  const resourceId = await createResource(db, { title: 'Where it / started: <b>' }, 1_000);
  const imageId = await createImageStore(db).store(new Blob([png], { type: 'image/png' }));
  await saveDocument(
    db,
    resourceId,
    {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: phrase }] },
        { type: 'paragraph', content: [{ type: 'text', text: hostile }] },
        { type: 'chorusImage', attrs: { imageId, alt: 'A bus shelter' } },
      ],
    },
    2_000,
  );
  const snapshotId = await takeSnapshot(db, resourceId, 'named', 'First go', 3_000);
  await saveDocument(db, resourceId, paragraphs('Later words only in the draft.'), 4_000);
  const profileId = await createProfile(db, 'Robin', 'facilitator', 500);
  const profile = (await db.profiles.get(profileId)) as ProfileRecord;
  await startThread(db, resourceId, phrase, 'Could this be softer?', profile, 5_000);
  const packId = await createPack(
    db,
    { name: 'Police induction', audience: 'police', purpose: 'training-sessions' },
    6_000,
  );
  await saveSupportContact(db, { name: 'Helpline', description: 'Listens', contact: '0800 000 000' });
  return { resourceId, imageId, packId, snapshotId };
}

function file(files: readonly ArchiveFile[], path: string): ArchiveFile {
  const found = files.find((each) => each.path === path);
  if (found === undefined) throw new Error(`No ${path} in ${files.map((each) => each.path).join(', ')}`);
  return found;
}

function text(files: readonly ArchiveFile[], path: string): string {
  const { content } = file(files, path);
  if (typeof content !== 'string') throw new Error(`${path} is not text`);
  return content;
}

function jsonOf(files: readonly ArchiveFile[], path: string): unknown {
  return JSON.parse(text(files, path));
}

describe('collectEverything', () => {
  it('gives one JSON file per table, each picture as a file, a page per draft and per saved version, and a README', async () => {
    const { resourceId, imageId, snapshotId } = await seed();
    const files = await collectEverything(db, fixedClock(10_000));

    const tableFiles = db.tables.map((table) => `data/${table.name}.json`).sort();
    const draftPath = `drafts/Where it started b-${resourceId}.html`;
    const snapshotPath = `history/Where it started b-${resourceId}/${snapshotId}.html`;
    expect(files.map((each) => each.path).sort()).toEqual(
      ['README.txt', ...tableFiles, `images/${imageId}.png`, draftPath, snapshotPath].sort(),
    );
    expect(tableFiles).toContain('data/anonymisationLog.json');
    expect(tableFiles).toContain('data/knownDetails.json');
    expect(tableFiles).toHaveLength(20);

    const readme = text(files, 'README.txt');
    expect(readme).toContain('data/resources.json: your drafts’ details');
    expect(readme).toContain('not encrypted');
    expect(readme).toContain('Made on 1 January 1970 at 01:00.');
  });

  it('puts the records in the JSON and the pictures in their own files, with the JSON naming them', async () => {
    const { resourceId, imageId, packId } = await seed();
    const files = await collectEverything(db);

    expect(jsonOf(files, 'data/resources.json')).toEqual([
      expect.objectContaining({ id: resourceId, title: 'Where it / started: <b>', status: 'draft' }),
    ]);
    expect(jsonOf(files, 'data/documents.json')).toEqual([
      expect.objectContaining({ resourceId, text: 'Later words only in the draft.' }),
    ]);
    expect(jsonOf(files, 'data/snapshots.json')).toEqual([
      expect.objectContaining({ resourceId, kind: 'named', label: 'First go' }),
    ]);
    expect(text(files, 'data/snapshots.json')).toContain(phrase);
    expect(jsonOf(files, 'data/comments.json')).toEqual([
      expect.objectContaining({ resourceId, body: 'Could this be softer?', authorName: 'Robin' }),
    ]);
    expect(jsonOf(files, 'data/commentThreads.json')).toEqual([expect.objectContaining({ quote: phrase })]);
    expect(jsonOf(files, 'data/packs.json')).toEqual([
      expect.objectContaining({ id: packId, name: 'Police induction' }),
    ]);
    expect(JSON.stringify(jsonOf(files, 'data/settings.json'))).toContain('0800 000 000');
    expect(jsonOf(files, 'data/profiles.json')).toEqual([expect.objectContaining({ displayName: 'Robin' })]);

    expect(jsonOf(files, 'data/images.json')).toEqual([
      {
        id: imageId,
        file: `images/${imageId}.png`,
        type: 'image/png',
        size: png.length,
        createdAt: (await db.images.get(imageId))?.createdAt,
      },
    ]);
    const picture = file(files, `images/${imageId}.png`);
    expect(picture.compressed).toBe(true);
    expect(picture.content).toEqual(png);
  });

  it('renders drafts and saved versions as pages that load and run nothing, with every piece of markup kept as text', async () => {
    const { resourceId, snapshotId } = await seed();
    const files = await collectEverything(db);

    const draft = text(files, `drafts/Where it started b-${resourceId}.html`);
    expect(draft).toContain('<title>Where it / started: &lt;b&gt;</title>');
    expect(draft).toContain('<p>Later words only in the draft.</p>');
    expect(draft).toContain(
      '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;',
    );

    const version = text(files, `history/Where it started b-${resourceId}/${snapshotId}.html`);
    expect(version).toContain(`<p>${phrase}</p>`);
    expect(version).toContain('<title>Where it / started: &lt;b&gt;: First go</title>');
    expect(version).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(version).toContain('Picture: A bus shelter');
    for (const page of [draft, version]) {
      expect(page).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    }
  });

  it('is a README and empty tables on a device with nothing on it', async () => {
    const files = await collectEverything(db);
    expect(files.filter((each) => !each.path.startsWith('data/')).map((each) => each.path)).toEqual(['README.txt']);
    expect(jsonOf(files, 'data/resources.json')).toEqual([]);
  });
});

describe('the archive', () => {
  it('round-trips through JSZip: the same files, text and bytes come back out', async () => {
    const { imageId } = await seed();
    const files = await collectEverything(db);
    const progress: number[] = [];
    const bytes = await buildArchive(files, (percent) => progress.push(percent));

    const zip = await JSZip.loadAsync(bytes);
    const names = Object.values(zip.files)
      .filter((entry) => !entry.dir)
      .map((entry) => entry.name)
      .sort();
    expect(names).toEqual(files.map((each) => each.path).sort());
    expect(await zip.file('data/documents.json')?.async('string')).toBe(text(files, 'data/documents.json'));
    expect(await zip.file(`images/${imageId}.png`)?.async('uint8array')).toEqual(png);
    expect(progress.at(-1)).toBe(100);
  });

  it('is named with the local date', () => {
    expect(archiveFileName(fixedClock(Date.UTC(2026, 10, 23, 23, 59), 'Europe/London'))).toBe(
      'Chorus – everything of mine – 2026-11-23.zip',
    );
    // Just past midnight in Auckland, the same moment is already the next day there.
    expect(archiveFileName(fixedClock(Date.UTC(2026, 10, 23, 11, 30), 'Pacific/Auckland'))).toBe(
      'Chorus – everything of mine – 2026-11-24.zip',
    );
  });

  it('turns bytes into base64 in slices, the same as a one-piece conversion', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => (index * 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('safeFileTitle', () => {
  it('keeps letters in any script, digits, spaces and hyphens, and nothing a file system could trip on', () => {
    expect(safeFileTitle('../../etc/passwd')).toBe('etc passwd');
    expect(safeFileTitle('Què pensi: “a/b”\\c*?<>|')).toBe('Què pensi a b c');
    expect(safeFileTitle('   ')).toBe('Untitled');
    expect(safeFileTitle('x'.repeat(200))).toHaveLength(60);
  });
});

describe('eraseDatabases', () => {
  it('deletes the database, so opening it again finds no data', async () => {
    const { resourceId } = await seed();
    const name = db.name;
    let blocked = 0;
    await eraseDatabases(db, () => (blocked += 1));
    expect(blocked).toBe(0);
    const names = (await indexedDB.databases()).map((each) => each.name);
    expect(names).not.toContain(name);
    db = openTestDb();
    expect(await db.resources.get(resourceId)).toBeUndefined();
  });
});
