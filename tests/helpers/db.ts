import { ChorusDb } from '../../renderer/src/db/database';
import type { Migration } from '../../renderer/src/db/migrations/migration';

let counter = 0;

/** A fresh Dexie database on fake-indexeddb, with a name no other test uses. */
export function openTestDb(upTo?: readonly Migration[]): ChorusDb {
  counter += 1;
  return new ChorusDb(`chorus-test-${process.pid}-${counter}`, upTo);
}

export function paragraphs(...texts: string[]) {
  return {
    type: 'doc',
    content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}
