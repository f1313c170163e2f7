import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import git, { Errors, type FsClient, type TreeEntry } from 'isomorphic-git';
import { FileSystem } from 'isomorphic-git/models';
import { markerPath, maxFileBytes, resourcesDir } from '@core/repository/format';
import { FetchAnswerError, fetchPack } from './git-fetch';
import { createGitHttpClient } from './git-http';
import { PushRefusedError, sendPack } from './git-push';
import { objectSize } from './object-size';
import {
  FileTooLargeError,
  RemoteError,
  type ListedFile,
  type Listing,
  type RemoteFile,
  type RepositoryRemote,
  type WriteOutcome,
  type WriteRequest,
} from './remote';

export interface GitRemoteOptions {
  /** The repository's HTTPS address (HTTP only for a server on this computer). */
  url: string;
  username: string;
  token: string;
  /** A folder of this app's own where the local copy of the repository is kept. */
  cacheDir: string;
  /** How long a connection may go without a byte before it is given up. */
  idleTimeoutMs?: number;
  /** How many times a push refused because someone else pushed first is rebuilt and retried. */
  maxPushAttempts?: number;
  /**
   * The largest object a fetch inflates whole (to hash it, or as the base of a delta). A larger one
   * is hashed as it is inflated in chunks and never held; a delta that would make one is not applied.
   */
  maxObjectBytes?: number;
  now?: () => number;
}

/** Well above the largest file Chorus reads (5 MB), so folder listings and deltas between versions still fit. */
const defaultMaxObjectBytes = 16 * 1024 * 1024;
/** Kept in the local copy: how many objects fetches left out because they were too large to make. */
const unresolvedFile = 'chorus-unresolved.json';

/**
 * Node's file system wrapped once the way isomorphic-git wants it. Passing it pre-wrapped saves
 * isomorphic-git wrapping (and probing) it again on every call, about a tenth of a pull's time.
 */
const fs = new FileSystem(nodeFs) as unknown as FsClient;

const branch = 'main';
/** The longest first pause before pushing again after a refusal; it doubles each time. */
const retryPauseMs = 100;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How old a head may be and still count as read in the same request (the marker, then the work). */
const sameCallMs = 5_000;
const localRef = `refs/heads/${branch}`;
const remoteRef = `refs/remotes/origin/${branch}`;
/** No personal data of anyone in the commits: every publisher signs as Chorus. */
const neutralAuthor = { name: 'Chorus', email: 'chorus@invalid' };

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function statusOf(error: unknown): number {
  if (!(error instanceof Errors.HttpError)) return 0;
  return error.data.statusCode;
}

/** Whether the local copy itself looks damaged, so it is thrown away and fetched again. */
function isLocalDamage(error: unknown): boolean {
  const code = errorCode(error);
  return ['NotFoundError', 'ObjectTypeError', 'InternalError', 'ParseError', 'InvalidOidError'].includes(code);
}

/**
 * Refusals in a row after which the branch had not moved before a push is given up as stuck. A push
 * that loses a race is refused while the winner holds the branch's lock, and the winner moves it
 * on; git gives both the same reason ("failed to update ref"), so only the branch tells them apart.
 */
const maxUnmovedRefusals = 3;

/** The server kept refusing to move its branch though nobody else moved it: a lock left behind, most likely. */
function stuckBranch(location: string, reason: string): RemoteError {
  return new RemoteError(
    'unreachable',
    `The repository at ${location} would not update its branch, though nobody else was publishing (it said “${reason}”). A push that did not finish may have left it locked: whoever looks after the repository can check for a file ending in “.lock”. Chorus will try again.`,
  );
}

function remoteError(location: string, error: unknown): RemoteError {
  if (error instanceof RemoteError) return error;
  if (error instanceof PushRefusedError) {
    return new RemoteError('refused', `The repository at ${location} did not take Chorus's files (${error.reason}).`, {
      cause: error,
    });
  }
  const status = statusOf(error);
  if (status === 401 || status === 403) {
    return new RemoteError(
      'unauthorised',
      `The repository at ${location} refused the user name or token. Check them in the repository settings.`,
      { cause: error },
    );
  }
  if (status === 404) {
    return new RemoteError('not-found', `There is no repository at ${location}. Check the address.`, { cause: error });
  }
  if (status >= 500) {
    return new RemoteError(
      'unreachable',
      `The repository server had a problem (error ${status}). Chorus will try again.`,
      {
        cause: error,
      },
    );
  }
  if (status !== 0) {
    return new RemoteError('unreachable', `The repository server answered with error ${status}.`, { cause: error });
  }
  const code = errorCode(error);
  if (code === 'ETIMEDOUT') {
    return new RemoteError('timeout', `The repository at ${location} stopped answering. Chorus will try again.`, {
      cause: error,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new RemoteError('unreachable', `Cannot find ${new URL(location).host}. Are you online?`, { cause: error });
  }
  return new RemoteError('unreachable', `Cannot reach the repository at ${location}. Chorus will try again.`, {
    cause: error,
  });
}

/** The address as shown to people: never with a user name or token in it. */
function displayUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

type TreeNode = { entries: Map<string, TreeEntry> };

/**
 * A git repository over HTTPS, through isomorphic-git. The local copy is bare (no working
 * folder): files are written as blobs and trees straight into a new commit on top of what the
 * remote has, then pushed. If someone else pushed first, the push is refused as not a
 * fast-forward; the remote is fetched again and the commit rebuilt on top of it. The layout is
 * append-only, so rebuilding never meets a conflict, and the history stays a straight line.
 */
export function createGitRemote(options: GitRemoteOptions): RepositoryRemote {
  const location = displayUrl(options.url);
  const gitdir = options.cacheDir;
  const httpClient = createGitHttpClient({ idleTimeoutMs: options.idleTimeoutMs ?? 30_000 });
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.token}`).toString('base64')}`;
  // A fresh object for every call: isomorphic-git adds `Git-Protocol: version=2` to the headers it
  // is given, which a later push would then wrongly send too.
  const headers = (): Record<string, string> => ({ Authorization: authorization });
  const maxPushAttempts = options.maxPushAttempts ?? 8;
  const now = options.now ?? Date.now;
  /** isomorphic-git's cache of parsed pack indexes, kept while the local copy is. */
  let cache = {};
  /** The blobs of the last listing by path, so reading one needs no walk from the root. */
  let listedBlobs = new Map<string, string>();
  const maxObjectBytes = options.maxObjectBytes ?? defaultMaxObjectBytes;
  /** The local copy's pack indexes, read once each (a pack never changes under its name). */
  let packIndexes = new Map<string, Buffer>();
  /** How many objects the local copy lacks because a fetch found them too large to make; read once. */
  let unresolved: number | null = null;

  const ensureLocalCopy = async (): Promise<void> => {
    try {
      await nodeFs.access(path.join(gitdir, 'HEAD'));
    } catch {
      await nodeFs.mkdir(gitdir, { recursive: true });
      await git.init({ fs, gitdir, bare: true, defaultBranch: branch });
      await git.addRemote({ fs, gitdir, remote: 'origin', url: options.url, force: true });
    }
  };

  const discardLocalCopy = async (): Promise<void> => {
    await nodeFs.rm(gitdir, { recursive: true, force: true });
    listedBlobs = new Map();
    lastHead = null;
    lastListing = null;
    cache = {};
    packIndexes = new Map();
    unresolved = null;
  };

  const unresolvedCount = async (): Promise<number> => {
    if (unresolved === null) {
      const text = await nodeFs.readFile(path.join(gitdir, unresolvedFile), 'utf8').catch(() => '0');
      const count = Number(text);
      unresolved = Number.isSafeInteger(count) && count >= 0 ? count : 0;
    }
    return unresolved;
  };

  /** Commits the local copy holds whole, to tell the server what not to send. */
  const localHaves = async (): Promise<string[]> => {
    const haves = new Set<string>();
    for (const ref of [localRef, remoteRef]) {
      const oid = await git.resolveRef({ fs, gitdir, ref }).catch(() => null);
      if (oid === null) continue;
      if (
        await git.readCommit({ fs, gitdir, oid, cache }).then(
          () => true,
          () => false,
        )
      )
        haves.add(oid);
    }
    return [...haves];
  };

  /**
   * A blob's bytes, refused by the size in its header before anything is inflated. A blob the local
   * copy lacks while fetches left some objects out is one of those: too large to have been made.
   */
  const readBlobCapped = async (oid: string, maxBytes: number): Promise<Uint8Array> => {
    const size = await objectSize(gitdir, oid, packIndexes);
    if (size === null && (await unresolvedCount()) > 0) {
      throw new FileTooLargeError('stored as a change to an object too large to read');
    }
    if (size !== null && size > maxBytes) throw new FileTooLargeError(`${size} bytes`);
    const { blob } = await git.readBlob({ fs, gitdir, oid, cache });
    if (blob.byteLength > maxBytes) throw new FileTooLargeError(`${blob.byteLength} bytes`);
    return blob;
  };

  /** The last head seen, so the calls one request makes ask the server only once. */
  let lastHead: { oid: string | null; at: number } | null = null;
  /** The last listing, so the pages of one pull walk the trees only once. */
  let lastListing: { since: string | null; head: string; files: ListedFile[]; blobs: Map<string, string> } | null =
    null;

  /**
   * Fetches the remote branch; its commit, or null when the repository is still empty. A head
   * seen less than `maxAgeMs` ago is used again: being a moment out of date only means a push is
   * refused and rebuilt, or a pull finds the newest files next time.
   */
  const fetchHead = async (maxAgeMs = 0): Promise<string | null> => {
    if (lastHead !== null && now() - lastHead.at <= maxAgeMs) return lastHead.oid;
    const head = await fetchHeadFromServer();
    lastHead = { oid: head, at: now() };
    return head;
  };

  const fetchHeadFromServer = async (): Promise<string | null> => {
    await ensureLocalCopy();
    try {
      // Protocol 1 answers the ref advertisement in one GET; version 2 needs a GET and a POST.
      const refs = await git.listServerRefs({
        http: httpClient,
        url: options.url,
        headers: headers(),
        prefix: localRef,
        protocolVersion: 1,
      });
      const head = refs.find((ref) => ref.ref === localRef);
      if (head === undefined) return null;
      const have = await git.readCommit({ fs, gitdir, oid: head.oid, cache }).then(
        () => true,
        () => false,
      );
      if (!have) {
        const fetched = await fetchPack({
          http: httpClient,
          url: options.url,
          headers,
          gitdir,
          want: head.oid,
          haves: await localHaves(),
          maxObjectBytes,
        });
        if (fetched.unresolved.length > 0) {
          unresolved = (await unresolvedCount()) + fetched.unresolved.length;
          await nodeFs.writeFile(path.join(gitdir, unresolvedFile), String(unresolved));
        }
        await git.writeRef({ fs, gitdir, ref: remoteRef, value: head.oid, force: true });
      }
      return head.oid;
    } catch (error) {
      if (isLocalDamage(error)) await discardLocalCopy();
      if (error instanceof FetchAnswerError) {
        throw new RemoteError('unreachable', `${error.message} Chorus will try again.`, { cause: error });
      }
      throw remoteError(location, error);
    }
  };

  const treeOf = async (commit: string | null): Promise<string | null> =>
    commit === null ? null : (await git.readCommit({ fs, gitdir, oid: commit, cache })).commit.tree;

  const readTreeNode = async (oid: string | null): Promise<TreeNode> => {
    if (oid === null) return { entries: new Map() };
    const { tree } = await git.readTree({ fs, gitdir, oid, cache });
    return { entries: new Map(tree.map((entry) => [entry.path, entry])) };
  };

  /** The blob at `filePath` in a tree, or null when there is none; refused by its header when over `maxBytes`. */
  const blobAt = async (tree: string | null, filePath: string, maxBytes: number): Promise<Uint8Array | null> => {
    if (tree === null) return null;
    const slash = filePath.lastIndexOf('/');
    const name = filePath.slice(slash + 1);
    let entries: TreeEntry[];
    try {
      const folder = slash === -1 ? undefined : filePath.slice(0, slash);
      entries = (
        await git.readTree({ fs, gitdir, oid: tree, ...(folder === undefined ? {} : { filepath: folder }), cache })
      ).tree;
    } catch (error) {
      if (errorCode(error) === 'NotFoundError' || errorCode(error) === 'ObjectTypeError') return null;
      throw error;
    }
    const entry = entries.find((candidate) => candidate.path === name);
    if (entry?.type !== 'blob') return null;
    return readBlobCapped(entry.oid, maxBytes);
  };

  /** A new tree: `tree` with `files` added (each path must be new); every object written goes in `written`. */
  const addFiles = async (
    tree: string | null,
    files: readonly RemoteFile[],
    written: string[],
    prefix = '',
  ): Promise<string> => {
    const node = await readTreeNode(tree);
    const here = new Map<string, RemoteFile[]>();
    for (const file of files) {
      const rest = file.path.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash === -1 ? rest : rest.slice(0, slash);
      here.set(name, [...(here.get(name) ?? []), file]);
    }
    for (const [name, group] of here) {
      const [first] = group;
      if (first === undefined) continue;
      const isFile = group.length === 1 && first.path === prefix + name;
      if (isFile) {
        const oid = await git.writeBlob({ fs, gitdir, blob: first.bytes });
        written.push(oid);
        node.entries.set(name, { mode: '100644', path: name, oid, type: 'blob' });
      } else {
        const existing = node.entries.get(name);
        const subtree = existing?.type === 'tree' ? existing.oid : null;
        const oid = await addFiles(subtree, group, written, `${prefix}${name}/`);
        node.entries.set(name, { mode: '040000', path: name, oid, type: 'tree' });
      }
    }
    const oid = await git.writeTree({ fs, gitdir, tree: [...node.entries.values()] });
    written.push(oid);
    return oid;
  };

  /** Files under `prefix` that differ between two trees (all of them when `before` is null). */
  const changedFiles = async (before: string | null, after: string, prefix: string, out: ListedFile[]) => {
    const [old, current] = await Promise.all([readTreeNode(before), readTreeNode(after)]);
    for (const entry of current.entries.values()) {
      const previous = old.entries.get(entry.path);
      if (previous?.oid === entry.oid) continue;
      const entryPath = `${prefix}/${entry.path}`;
      if (entry.type === 'tree') {
        await changedFiles(previous?.type === 'tree' ? previous.oid : null, entry.oid, entryPath, out);
      } else if (entry.mode === '120000') out.push({ path: entryPath, kind: 'link' });
      else if (entry.type === 'blob') {
        out.push({ path: entryPath, kind: 'file' });
        listedBlobs.set(entryPath, entry.oid);
      } else out.push({ path: entryPath, kind: 'other' });
    }
  };

  const subtreeOid = async (tree: string | null, name: string): Promise<string | null> => {
    const entry = (await readTreeNode(tree)).entries.get(name);
    return entry?.type === 'tree' ? entry.oid : null;
  };

  /**
   * Refused because the branch moved on: found here before sending, or by the server when two
   * pushes race. Anything else (a garbled or cut-off answer) is a network fault for the caller.
   */
  const isRefusedPush = (error: unknown): error is PushRefusedError =>
    error instanceof PushRefusedError &&
    /fetch first|non-fast-forward|failed to (update|lock)|cannot lock|stale info|already exists/i.test(error.reason);

  return {
    location,

    async readMarker() {
      const head = await fetchHead();
      try {
        return await blobAt(await treeOf(head), markerPath, maxFileBytes);
      } catch (error) {
        // A marker too large to be one is read as an empty one, which the service refuses in plain words.
        if (error instanceof FileTooLargeError) return new TextEncoder().encode('{}');
        throw error;
      }
    },

    async write(request: WriteRequest) {
      /** The last refusal, and on which head; then how many refusals in a row left the branch where it was. */
      let refused: { head: string | null; reason: string } | null = null;
      let unmoved = 0;
      for (let attempt = 1; attempt <= maxPushAttempts; attempt += 1) {
        // Two publishers that keep meeting would otherwise stay in step, and one would lose every
        // round: before trying again, wait a random while that grows with each refusal.
        if (attempt > 1) await sleep(Math.random() * retryPauseMs * 2 ** (attempt - 2));
        // The first try may use the head just read with the marker; a retry asks again.
        const head = await fetchHead(attempt === 1 ? sameCallMs : 0);
        if (refused !== null) {
          // A push that lost a race finds the branch moved on by the one that won. Refused again
          // and again with the branch standing still, nobody is winning: the server is stuck.
          unmoved = head === refused.head ? unmoved + 1 : 0;
          if (unmoved >= maxUnmovedRefusals) throw stuckBranch(location, refused.reason);
        }
        const tree = await treeOf(head);
        const outcomes = new Map<string, WriteOutcome>();
        const pending: RemoteFile[] = [];
        // A marker too large to read is still a marker there: it is never replaced.
        const hasMarker = await blobAt(tree, markerPath, maxFileBytes).then(
          (bytes) => bytes !== null,
          (error: unknown) => {
            if (error instanceof FileTooLargeError) return true;
            throw error;
          },
        );
        if (!hasMarker) pending.push(request.marker);
        for (const file of request.files) {
          let existing: Uint8Array | null;
          try {
            existing = await blobAt(tree, file.path, maxFileBytes);
          } catch (error) {
            // Something too large to be a record is in the way: never replaced, so a conflict.
            if (!(error instanceof FileTooLargeError)) throw error;
            outcomes.set(file.path, 'conflict');
            continue;
          }
          if (existing === null) {
            pending.push(file);
            outcomes.set(file.path, 'written');
          } else {
            outcomes.set(file.path, (await request.isSame(file.path, existing)) ? 'present' : 'conflict');
          }
        }
        if (pending.length === 0) return outcomes;
        const timestamp = Math.floor(now() / 1000);
        const signature = { ...neutralAuthor, timestamp, timezoneOffset: 0 };
        const written: string[] = [];
        const commit = await git.writeCommit({
          fs,
          gitdir,
          commit: {
            message: `${request.message}\n`,
            tree: await addFiles(tree, pending, written),
            parent: head === null ? [] : [head],
            author: signature,
            committer: signature,
          },
        });
        await git.writeRef({ fs, gitdir, ref: localRef, value: commit, force: true });
        try {
          await sendPack({
            fs,
            gitdir,
            cache,
            http: httpClient,
            url: options.url,
            headers,
            ref: localRef,
            oldOid: head,
            newOid: commit,
            oids: [commit, ...written],
          });
          // The head has moved: the next read asks the server rather than trust the one before.
          lastHead = null;
          return outcomes;
        } catch (error) {
          if (isRefusedPush(error)) {
            refused = { head, reason: error.reason };
            continue;
          }
          if (isLocalDamage(error)) await discardLocalCopy();
          throw remoteError(location, error);
        }
      }
      throw new RemoteError(
        'unreachable',
        'Other people kept publishing at the same moment, so Chorus could not add its files. It will try again.',
      );
    },

    async list(since: string | null): Promise<Listing> {
      const head = await fetchHead(sameCallMs);
      if (head !== null && lastListing?.head === head && lastListing.since === since) {
        listedBlobs = lastListing.blobs;
        return { cursor: head, files: lastListing.files };
      }
      listedBlobs = new Map();
      if (head === null || head === since) return { cursor: head, files: [] };
      const after = await subtreeOid(await treeOf(head), resourcesDir);
      if (after === null) return { cursor: head, files: [] };
      const knownSince =
        since !== null &&
        (await git.readCommit({ fs, gitdir, oid: since, cache }).then(
          () => true,
          () => false,
        ));
      const before = knownSince ? await subtreeOid(await treeOf(since), resourcesDir) : null;
      const files: ListedFile[] = [];
      await changedFiles(before, after, resourcesDir, files);
      lastListing = { since, head, files, blobs: listedBlobs };
      return { cursor: head, files };
    },

    async read(filePath: string, maxBytes: number) {
      const oid = listedBlobs.get(filePath);
      if (oid === undefined) throw new RemoteError('not-found', `${filePath} was not in the last listing.`);
      return readBlobCapped(oid, maxBytes);
    },
  };
}
