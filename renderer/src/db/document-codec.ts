import type { DBCore, Middleware } from 'dexie';
import { mapReads } from './read-mapping';
import { repairDocument } from './repair';

/**
 * Autosave stores a draft's document as JSON text (`docJson`), which IndexedDB copies in one piece,
 * where the same document as objects is copied node by node on the main thread: for a
 * 30,000-word draft that copy was most of a save. Readers never see the text form: this layer
 * parses it back into `doc` on the way out, so every reader of `documents` gets the same record
 * whichever way it was written. It sits above the sealing layer, which so seals one string.
 * A document that cannot be read never throws here: it comes out empty and marked (`repairDocument`).
 */
function decodeDocument(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (!('docJson' in record)) return repairDocument(record, { doc: record.doc });
  const { docJson, ...rest } = record;
  return repairDocument(rest, { json: docJson });
}

export function documentCodecMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'ChorusDocumentCodec',
    level: 30,
    create(down) {
      return {
        ...down,
        table(name: string) {
          const table = down.table(name);
          return name === 'documents' ? mapReads(table, decodeDocument) : table;
        },
      };
    },
  };
}
