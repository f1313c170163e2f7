/**
 * One interface for the two kinds of shared repository: a git repository over HTTPS and a shared
 * folder. A remote only moves files; what the files mean and whether they can be trusted is
 * `format.ts`'s business, and the order of work is `service.ts`'s.
 */

export interface RemoteFile {
  path: string;
  bytes: Uint8Array;
}

/** What happened to one file: written now, already there with the same content, or in the way. */
export type WriteOutcome = 'written' | 'present' | 'conflict';

export interface WriteRequest {
  /** Written in this order; in a folder the last file is the one that makes the record visible. */
  files: RemoteFile[];
  /** The commit message (git), naming the resource and version. */
  message: string;
  /** Whether a file already at `path` counts as this one. Never overwritten either way. */
  isSame(path: string, existing: Uint8Array): Promise<boolean>;
  /** The marker written first when the repository has none. */
  marker: RemoteFile;
}

export interface ListedFile {
  path: string;
  /** A symbolic link or anything else that is not a plain file is never read. */
  kind: 'file' | 'link' | 'other';
}

export interface Listing {
  /** Where this listing stands (a commit for git), so the next can list only what is new. */
  cursor: string | null;
  /** Files under `resources/`, new since the cursor given (or all of them). */
  files: ListedFile[];
}

export interface RepositoryRemote {
  /** Where it is, for messages: a web address without credentials, or a folder path. */
  readonly location: string;
  /** The marker's bytes, or null when the repository has none yet (empty and new). */
  readMarker(): Promise<Uint8Array | null>;
  write(request: WriteRequest): Promise<Map<string, WriteOutcome>>;
  list(since: string | null): Promise<Listing>;
  /** A file from the last listing; refuses anything larger than `maxBytes`. */
  read(path: string, maxBytes: number): Promise<Uint8Array>;
}

export type RemoteFailureKind = 'unreachable' | 'timeout' | 'unauthorised' | 'not-found' | 'refused' | 'storage';

/** A failure with a plain-words message fit to show the user as it is. */
export class RemoteError extends Error {
  override name = 'RemoteError';
  constructor(
    readonly kind: RemoteFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let index = 0; index < a.byteLength; index += 1) if (a[index] !== b[index]) return false;
  return true;
}
