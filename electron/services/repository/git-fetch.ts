import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HttpClient } from 'isomorphic-git';
import { pktLine, postToService } from './git-http';
import { indexPack, PackError, type IndexPackOptions } from './pack-index';

/**
 * Fetching one commit over git's smart HTTP protocol (gitprotocol-pack, gitprotocol-http, version
 * 1), with the pack streamed to disk and indexed by `indexPack`, so no object over the limit is
 * ever whole in memory. isomorphic-git's `fetch` gathers the whole pack in memory and inflates every
 * object in it; the rest of isomorphic-git (reading commits, trees and small blobs from the packs
 * this writes, writing objects, packing a push) is used as it is.
 *
 * The request: `want <oid> <capabilities>`, a flush, `have <oid>` for each commit the local copy
 * holds, `done`. Without `multi_ack` the answer is one `NAK` (or `ACK <oid>`) and then the pack,
 * in side-band-64k packets: band 1 the pack, band 2 progress, band 3 a fatal error.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The answer was cut off or garbled: a network fault, worth trying again. */
export class FetchAnswerError extends Error {
  override name = 'FetchAnswerError';
}

export interface FetchPackOptions extends IndexPackOptions {
  http: HttpClient;
  url: string;
  headers: () => Record<string, string>;
  gitdir: string;
  want: string;
  haves: readonly string[];
}

export interface FetchedPack {
  /** The pack's file, relative to the git folder, or null when the server sent no objects. */
  pack: string | null;
  oversized: Map<string, number>;
  unresolved: { offset: number; resultSize: number | null; reason: string }[];
}

/** Splits a stream of bytes into pkt-line payloads; `null` stands for a flush. */
async function* pktLines(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array | null> {
  let pending = Buffer.alloc(0);
  for await (const chunk of body) {
    pending = pending.byteLength === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
    let at = 0;
    while (pending.byteLength - at >= 4) {
      const length = Number.parseInt(pending.toString('latin1', at, at + 4), 16);
      if (!/^[0-9a-f]{4}$/i.test(pending.toString('latin1', at, at + 4)) || (length > 0 && length < 4)) {
        throw new FetchAnswerError('The repository sent an answer to the fetch that could not be read.');
      }
      if (length === 0) {
        at += 4;
        yield null;
        continue;
      }
      if (pending.byteLength - at < length) break;
      yield pending.subarray(at + 4, at + length);
      at += length;
    }
    pending = pending.subarray(at);
  }
  if (pending.byteLength > 0) throw new FetchAnswerError('The answer to the fetch was cut off.');
}

/**
 * Asks for `want` and everything it needs that `haves` do not already give, stores the pack in
 * `objects/pack/` with its index, and says which objects are too large to have been kept whole.
 */
export async function fetchPack(options: FetchPackOptions): Promise<FetchedPack> {
  const request = Buffer.concat([
    pktLine(`want ${options.want} side-band-64k ofs-delta agent=chorus\n`),
    encoder.encode('0000'),
    ...options.haves.map((oid) => pktLine(`have ${oid}\n`)),
    pktLine('done\n'),
  ]);
  const response = await postToService({
    http: options.http,
    url: options.url,
    headers: options.headers(),
    service: 'git-upload-pack',
    body: request,
  });

  const packDir = path.join(options.gitdir, 'objects', 'pack');
  const temporary = path.join(packDir, `tmp-${randomBytes(8).toString('hex')}.pack`);
  const file = await open(temporary, 'w');
  const hash = createHash('sha1');
  /** The last 20 bytes so far: the pack's checksum covers everything before them. */
  let tail = Buffer.alloc(0);
  let received = 0;
  let finished = false;
  try {
    try {
      for await (const line of pktLines(response.body ?? [])) {
        if (line === null) {
          finished = true;
          break;
        }
        if (received === 0 && /^(NAK|ACK )/.test(decoder.decode(line.subarray(0, 4)))) continue;
        const band = line[0];
        const data = line.subarray(1);
        if (band === 1) {
          await file.write(data);
          received += data.byteLength;
          const joined = Buffer.concat([tail, data]);
          hash.update(joined.subarray(0, Math.max(0, joined.byteLength - 20)));
          tail = joined.subarray(Math.max(0, joined.byteLength - 20));
        } else if (band === 3) {
          throw new FetchAnswerError(
            `The repository could not send what was asked for (${decoder.decode(data).trim()}).`,
          );
        } else if (band !== 2) {
          throw new FetchAnswerError('The repository sent an answer to the fetch that could not be read.');
        }
      }
    } finally {
      await file.close();
    }
    if (!finished) throw new FetchAnswerError('The answer to the fetch was cut off.');
    if (received === 0) {
      await rm(temporary, { force: true });
      return { pack: null, oversized: new Map(), unresolved: [] };
    }
    if (received < 32 || hash.digest('hex') !== tail.toString('hex')) {
      throw new FetchAnswerError('The pack the repository sent was damaged on the way.');
    }
    let indexed;
    try {
      indexed = await indexPack(temporary, options);
    } catch (error) {
      if (error instanceof PackError) throw new FetchAnswerError(error.message, { cause: error });
      throw error;
    }
    // Nothing new (the server sends an empty pack when the haves cover the want): nothing to keep.
    if (indexed.objectCount === 0) return { pack: null, oversized: new Map(), unresolved: [] };
    const name = `pack-${indexed.packSha}`;
    await rename(temporary, path.join(packDir, `${name}.pack`));
    // The index last: a reader looks for packs by their index, so a pack is never seen half written.
    await writeFile(path.join(packDir, `${name}.idx`), indexed.idx);
    return { pack: `objects/pack/${name}.pack`, oversized: indexed.oversized, unresolved: indexed.unresolved };
  } finally {
    await rm(temporary, { force: true });
  }
}
