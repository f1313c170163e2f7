import { canonicalJson, type CanonicalValue } from './canonical-json';
import { isSealed } from './record-hashes';
import { jsonDepthWithin } from '../json/depth';
import {
  approvedVersionSchema,
  markerSchema,
  maxDocumentDepth,
  repositoryFormat,
  withdrawalSchema,
  type ApprovedVersion,
  type RepositoryMarker,
  type Withdrawal,
} from './records';

/**
 * The shared repository, format 1: where each record lives and how a file read from a remote is
 * checked. Everything read from a remote is untrusted, so every check here fails closed and
 * reports a reason in plain words instead of throwing. See `docs/repository-format.md`.
 *
 * ```
 * chorus-repository.json                                { "format": 1, "name": ... }
 * resources/<resourceId>/versions/<nnnn>-<hash12>.json  one approved version
 * resources/<resourceId>/versions/<nnnn>-<hash12>.html  a rendered copy for people browsing
 * resources/<resourceId>/withdrawals/<hash12>.json      a withdrawal
 * ```
 */

export const markerPath = 'chorus-repository.json';
export const resourcesDir = 'resources';
/** No file larger than this is read from a remote. */
export const maxFileBytes = 5 * 1024 * 1024;
/**
 * No record nests deeper than this: a version's document sits a few levels down and may itself
 * nest `maxDocumentDepth` blocks, two levels each. Checked before any schema or hash reads it.
 */
const maxRecordJsonDepth = 2 * maxDocumentDepth + 16;
const tooDeep = `The file is nested too deeply to read safely (a document may nest at most ${maxDocumentDepth} levels).`;

const versionPathPattern = /^resources\/([A-Za-z0-9_-]{1,64})\/versions\/(\d{4})-([0-9a-f]{12})\.(json|html)$/;
const withdrawalPathPattern = /^resources\/([A-Za-z0-9_-]{1,64})\/withdrawals\/([0-9a-f]{12})\.json$/;

export type RecordKind = 'version' | 'withdrawal';

/** What a repository path names, or why it names nothing Chorus knows. */
export type PathMeaning =
  | { kind: 'version'; resourceId: string; version: number; hash12: string; rendered: boolean }
  | { kind: 'withdrawal'; resourceId: string; hash12: string }
  | { kind: 'unknown'; reason: string };

export function versionPath(version: ApprovedVersion, extension: 'json' | 'html' = 'json'): string {
  const number = String(version.content.version).padStart(4, '0');
  return `${resourcesDir}/${version.content.resourceId}/versions/${number}-${version.id.slice(0, 12)}.${extension}`;
}

export function withdrawalPath(withdrawal: Withdrawal): string {
  return `${resourcesDir}/${withdrawal.resourceId}/withdrawals/${withdrawal.id.slice(0, 12)}.json`;
}

export function describePath(path: string): PathMeaning {
  const version = versionPathPattern.exec(path);
  if (version !== null) {
    const [, resourceId = '', number = '', hash12 = '', extension] = version;
    if (number === '0000') return { kind: 'unknown', reason: 'Version numbers start at 1.' };
    return { kind: 'version', resourceId, version: Number(number), hash12, rendered: extension === 'html' };
  }
  const withdrawal = withdrawalPathPattern.exec(path);
  if (withdrawal !== null) {
    const [, resourceId = '', hash12 = ''] = withdrawal;
    return { kind: 'withdrawal', resourceId, hash12 };
  }
  return { kind: 'unknown', reason: 'This file is not part of the Chorus repository layout.' };
}

/** The bytes Chorus writes for a record: its canonical JSON, so equal records give equal files. */
export function recordBytes(record: ApprovedVersion | Withdrawal): Uint8Array {
  return new TextEncoder().encode(canonicalJson(record as unknown as CanonicalValue));
}

export function markerBytes(name: string): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify({ format: repositoryFormat, name }, null, 2)}\n`);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

function parseJson(bytes: Uint8Array): Checked<unknown> {
  if (bytes.byteLength > maxFileBytes) {
    return { ok: false, reason: `The file is larger than ${maxFileBytes / 1024 / 1024} MB.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return { ok: false, reason: 'The file is not readable JSON.' };
  }
  if (!jsonDepthWithin(value, maxRecordJsonDepth)) return { ok: false, reason: tooDeep };
  return { ok: true, value };
}

export function checkMarker(bytes: Uint8Array): Checked<RepositoryMarker> {
  const json = parseJson(bytes);
  if (!json.ok) return { ok: false, reason: `The repository marker is damaged: ${json.reason}` };
  const marker = markerSchema.safeParse(json.value);
  if (!marker.success) return { ok: false, reason: 'The repository marker is damaged: it has no format number.' };
  if (marker.data.format !== repositoryFormat) {
    return {
      ok: false,
      reason: `This repository uses format ${marker.data.format}, which this version of Chorus cannot read. Update Chorus to use it.`,
    };
  }
  return { ok: true, value: marker.data };
}

function schemaReason(kind: RecordKind, issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  const where = first === undefined ? '' : first.path.map(String).join('.');
  const what = kind === 'version' ? 'an approved version' : 'a withdrawal';
  return `The file is not ${what} Chorus can read${where === '' ? '' : ` (${where}: ${first?.message ?? ''})`}.`;
}

/** Checks an approved version read from `path`: size, JSON, schema, place and both hashes. */
export async function checkVersionFile(path: string, bytes: Uint8Array): Promise<Checked<ApprovedVersion>> {
  const meaning = describePath(path);
  if (meaning.kind !== 'version' || meaning.rendered) return { ok: false, reason: 'Not an approved version path.' };
  const json = parseJson(bytes);
  if (!json.ok) return json;
  try {
    const parsed = approvedVersionSchema.safeParse(json.value);
    if (!parsed.success) return { ok: false, reason: schemaReason('version', parsed.error.issues) };
    const version = parsed.data;
    if (version.content.resourceId !== meaning.resourceId || version.content.version !== meaning.version) {
      return { ok: false, reason: 'The file is in the wrong place for the resource and version it holds.' };
    }
    if (!version.id.startsWith(meaning.hash12)) {
      return { ok: false, reason: 'The file name does not match its content hash.' };
    }
    if (!(await isSealed(version))) {
      return { ok: false, reason: 'The content does not match its hash: it was changed after approval.' };
    }
    return { ok: true, value: version };
  } catch {
    // Depth is checked first, so this is only a last guard: no file read can stop a pull.
    return { ok: false, reason: 'The file could not be checked.' };
  }
}

/** Checks a withdrawal read from `path`: size, JSON, schema, place and hash. */
export async function checkWithdrawalFile(path: string, bytes: Uint8Array): Promise<Checked<Withdrawal>> {
  const meaning = describePath(path);
  if (meaning.kind !== 'withdrawal') return { ok: false, reason: 'Not a withdrawal path.' };
  const json = parseJson(bytes);
  if (!json.ok) return json;
  try {
    const parsed = withdrawalSchema.safeParse(json.value);
    if (!parsed.success) return { ok: false, reason: schemaReason('withdrawal', parsed.error.issues) };
    const withdrawal = parsed.data;
    if (withdrawal.resourceId !== meaning.resourceId) {
      return { ok: false, reason: 'The file is in the wrong place for the resource it withdraws.' };
    }
    if (!withdrawal.id.startsWith(meaning.hash12) || !(await isSealed(withdrawal))) {
      return { ok: false, reason: 'The content does not match its hash.' };
    }
    return { ok: true, value: withdrawal };
  } catch {
    return { ok: false, reason: 'The file could not be checked.' };
  }
}

/** Whether a record the renderer asks to publish is whole: its hashes match what it holds. */
export { isSealed };
