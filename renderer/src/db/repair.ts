import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { mapReads } from './read-mapping';
import { audiences } from '@core/co-production/audiences';
import { documentText, emptyDocument, type DocumentNode } from '@core/document/text';
import { resourceStatuses, untitled, type DocumentRecord, type ResourceRecord } from './records';

/**
 * Stored records are read leniently: a record damaged on disk (by an old bug, another program, a
 * failing drive) is never hidden and never throws. Each field that is missing or of the wrong kind
 * is given a safe value, and the record says which (`damaged`), so a screen can say so. The marker
 * and what was found are never stored: the next write of the record makes it whole.
 */

type RepairedResourceFields = Omit<ResourceRecord, 'id' | 'damaged' | 'found'>;

interface FieldRule<T> {
  /** A plain check, not a zod schema: it runs on every record of every list read (see below). */
  valid: (value: unknown) => value is T;
  /** What a damaged value becomes; it may use the record's other fields. */
  fallback: (record: Readonly<Record<string, unknown>>) => T;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isAudience = (value: unknown): value is ResourceRecord['audiences'][number] =>
  (audiences as readonly unknown[]).includes(value);
/** A time a `Date` can hold (formatting anything else throws). */
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e15;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The valid items of a list that is damaged, so one bad entry does not lose the others. */
function validItems<T>(value: unknown, valid: (item: unknown) => item is T): T[] {
  return Array.isArray(value) ? value.filter(valid) : [];
}

/**
 * The one description of a stored resource: every field, what it must be, and what it becomes
 * when it is not (the values `createResource` gives a new draft). Plain checks rather than zod:
 * the renderer's CSP forbids `eval`, so zod runs uncompiled there, at about 10 µs a record against
 * well under 1 µs, and the Drafts list reads 2,000 records on every change.
 */
const resourceRules: { readonly [K in keyof RepairedResourceFields]: FieldRule<RepairedResourceFields[K]> } = {
  title: { valid: (value): value is string => isString(value) && value.trim() !== '', fallback: () => untitled },
  summary: { valid: isString, fallback: () => '' },
  audiences: {
    valid: (value): value is ResourceRecord['audiences'] => Array.isArray(value) && value.every(isAudience),
    fallback: (record) => validItems(record.audiences, isAudience),
  },
  topics: { valid: isStringList, fallback: (record) => validItems(record.topics, isString) },
  contentWarnings: { valid: isStringList, fallback: (record) => validItems(record.contentWarnings, isString) },
  reviewBy: { valid: isString, fallback: () => '' },
  status: {
    valid: (value): value is ResourceRecord['status'] => (resourceStatuses as readonly unknown[]).includes(value),
    fallback: () => 'draft',
  },
  version: { valid: (value): value is number => isCount(value) && value >= 1, fallback: () => 1 },
  wordCount: { valid: isCount, fallback: () => 0 },
  createdAt: { valid: isTime, fallback: (record) => (isTime(record.updatedAt) ? record.updatedAt : 0) },
  updatedAt: { valid: isTime, fallback: (record) => (isTime(record.createdAt) ? record.createdAt : 0) },
  inTrash: { valid: (value): value is 0 | 1 => value === 0 || value === 1, fallback: () => 0 },
  trashedAt: { valid: isTime, fallback: () => 0 },
};

const resourceRuleList = Object.entries(resourceRules) as Array<[string, FieldRule<unknown>]>;

/** Fields that describe a damaged record as read; they are never written. */
const readOnlyFields = ['damaged', 'found', 'unreadableDoc'] as const;

const hasReadOnlyFields = (record: object): boolean => readOnlyFields.some((field) => field in record);

function withoutReadOnlyFields(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const fields = readOnlyFields as readonly string[];
  return Object.fromEntries(Object.entries(record).filter(([field]) => !fields.includes(field)));
}

/**
 * A stored resource as `ResourceRecord`: the record itself when every field is sound (the common
 * case costs one check per field and no copy), else a copy with safe values, `damaged` naming the
 * fields replaced and `found` what was stored in them.
 */
export function repairResource(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (resourceRuleList.every(([field, rule]) => rule.valid(record[field])) && !hasReadOnlyFields(record)) return value;
  const repaired = withoutReadOnlyFields(record);
  const damaged: string[] = [];
  const found: Record<string, unknown> = {};
  for (const [field, rule] of resourceRuleList) {
    if (rule.valid(record[field])) continue;
    repaired[field] = rule.fallback(record);
    damaged.push(field);
    if (field in record) found[field] = record[field];
  }
  return damaged.length === 0 ? repaired : { ...repaired, damaged, found };
}

/** A document TipTap could load: a `doc` node whose nodes are objects with a string type, all the way down. */
export function isDocument(value: unknown): value is DocumentNode {
  if (typeof value !== 'object' || value === null || (value as DocumentNode).type !== 'doc') return false;
  // An explicit stack, as in `documentText`: deep nesting cannot overflow the call stack.
  const stack: unknown[] = [value];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
    const { type, text, content } = node as Record<string, unknown>;
    if (typeof type !== 'string' || (text !== undefined && typeof text !== 'string')) return false;
    if (content === undefined) continue;
    if (!Array.isArray(content)) return false;
    for (const child of content) {
      if (child === undefined) return false;
      stack.push(child);
    }
  }
  return true;
}

/** A stored value as text for a person to read, whatever it is (not every value survives JSON). */
function storedAsText(value: unknown): string {
  if (typeof value === 'string') return value;
  // What JSON has no form for at all: there was nothing stored to show.
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return '';
  try {
    return JSON.stringify(value);
  } catch {
    // A value that refers to itself, or a BigInt.
    return typeof value === 'bigint' ? value.toString() : '(something that cannot be written out as text)';
  }
}

/**
 * What the document codec stores, read as a `DocumentRecord`: `stored` is the document as kept,
 * JSON text (`docJson`) or objects (`doc`). A document that is not JSON, or not a document, comes out
 * empty with `damaged` naming `doc`, and what was stored kept as text in `unreadableDoc`; the
 * record's plain `text` (written with every save) stays as it was, so the words can be recovered.
 */
export function repairDocument(
  record: Readonly<Record<string, unknown>>,
  stored: { json: unknown } | { doc: unknown },
): Readonly<Record<string, unknown>> {
  let doc: unknown;
  if ('json' in stored) {
    try {
      doc = typeof stored.json === 'string' ? (JSON.parse(stored.json) as unknown) : undefined;
    } catch {
      doc = undefined;
    }
  } else {
    doc = stored.doc;
  }
  const docSound = isDocument(doc);
  const textSound = typeof record.text === 'string';
  const timeSound = isTime(record.updatedAt);
  if (docSound && textSound && timeSound && !hasReadOnlyFields(record)) {
    return 'json' in stored ? { ...record, doc } : record;
  }
  const damaged = [...(docSound ? [] : ['doc']), ...(textSound ? [] : ['text']), ...(timeSound ? [] : ['updatedAt'])];
  const unreadable = docSound ? '' : storedAsText('json' in stored ? stored.json : stored.doc);
  const repaired: Record<string, unknown> = {
    ...withoutReadOnlyFields(record),
    doc: docSound ? doc : emptyDocument(),
    text: textSound ? record.text : docSound ? documentText(doc as DocumentNode) : '',
    updatedAt: timeSound ? record.updatedAt : 0,
  };
  if (damaged.length > 0) repaired.damaged = damaged;
  if (unreadable !== '') repaired.unreadableDoc = unreadable;
  return repaired;
}

/** Whether a document as read could not be read: its `doc` is empty, and its words are in `text`. */
export function isDocumentDamaged(record: Pick<DocumentRecord, 'damaged'>): boolean {
  return record.damaged?.includes('doc') === true;
}

/**
 * A document made of plain text, as `documentText` writes it: a paragraph for each block (blocks
 * are separated by blank lines) and a line break for each line break within one.
 */
export function documentFromText(text: string): DocumentNode {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '');
  if (blocks.length === 0) return emptyDocument();
  return {
    type: 'doc',
    content: blocks.map((block) => ({
      type: 'paragraph',
      content: block
        .split('\n')
        .flatMap((line, index): DocumentNode[] => [
          ...(index === 0 ? [] : [{ type: 'hardBreak' }]),
          ...(line === '' ? [] : [{ type: 'text', text: line }]),
        ]),
    })),
  };
}

/** The document to keep of a record as read: when it is damaged, the words it still has. */
export function readableDocument(record: Pick<DocumentRecord, 'doc' | 'text' | 'damaged'>): DocumentNode {
  return isDocumentDamaged(record) ? documentFromText(record.text) : record.doc;
}

/** A value being written, without what describes a record as read (`damaged`, `found`, `unreadableDoc`). */
function asStored(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !hasReadOnlyFields(value)) return value;
  return withoutReadOnlyFields(value as Record<string, unknown>);
}

function markerStrippingTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(request: DBCoreMutateRequest) {
      if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
      return table.mutate({ ...request, values: request.values.map(asStored) });
    },
  };
}

/**
 * The Dexie middleware that repairs `resources` records on the way out and keeps the damage
 * markers of `resources` and `documents` from being written back. It sits above the document
 * codec (which repairs documents as it decodes them) and the sealing layer, so it sees plain
 * records, and a repaired record put back goes down sealed like any other.
 */
export function repairMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'ChorusRepair',
    level: 40,
    create(down) {
      return {
        ...down,
        table(name: string) {
          const table = down.table(name);
          if (name === 'resources') return markerStrippingTable(mapReads(table, repairResource));
          return name === 'documents' ? markerStrippingTable(table) : table;
        },
      };
    },
  };
}
