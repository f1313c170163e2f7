import type { BlockDocument, SerializedBlock } from '@core/document/blocks';
import { countWords } from '@core/document/text-stats';
import { ChorusDb } from '../../renderer/src/db/database';
import { turnOnLock } from '../../renderer/src/db/lock';
import type { Migration } from '../../renderer/src/db/migrations/migration';

let counter = 0;

/** Set in the `unit-sealed` project: every test database is used as with the app lock on. */
const sealedKey =
  process.env.CHORUS_TEST_SEALED === '1'
    ? await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
    : null;

/**
 * A fresh Dexie database on fake-indexeddb, with a name no other test uses. An older schema
 * (`upTo`) is never sealed: the lock came with version 6.
 */
export function openTestDb(upTo?: readonly Migration[]): ChorusDb {
  counter += 1;
  const db = new ChorusDb(`chorus-test-${process.pid}-${counter}`, upTo);
  if (sealedKey !== null && upTo === undefined) {
    db.vault.key = sealedKey;
    db.vault.sealing = true;
  }
  return db;
}

/**
 * A database someone upgraded, opened at the latest version as the app opens it. In the
 * `unit-sealed` project the lock is then turned on, sealing every upgraded record in place, so
 * what the test reads comes through the sealing layer.
 */
export async function openUpgradedDb(name: string): Promise<ChorusDb> {
  const db = new ChorusDb(name);
  await db.open();
  if (sealedKey !== null) await turnOnLock(db, 'correct horse battery staple', undefined, { iterations: 1000 });
  return db;
}

export function paragraphs(...texts: string[]) {
  return {
    type: 'doc',
    content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** `paragraphs(...texts)` as the editor hands it to a save: serialised block by block. */
export function paragraphBlocks(...texts: string[]): BlockDocument {
  const blocks: SerializedBlock[] = texts.map((text) => ({
    json: JSON.stringify({ type: 'paragraph', content: [{ type: 'text', text }] }),
    texts: [text],
    words: countWords(text),
  }));
  return { head: '{"type":"doc"', blocks, wordCount: blocks.reduce((sum, block) => sum + block.words, 0) };
}
