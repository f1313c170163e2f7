import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { Errors, type GitHttpRequest, type GitHttpResponse, type HttpClient } from 'isomorphic-git';

/**
 * The HTTP client isomorphic-git talks through, on Node's own `http` and `https`. Its reason to
 * exist is time: a connection that stalls is given up after `idleTimeoutMs` without a byte, so a
 * sync can fail, back off and try again instead of hanging for ever. Redirects are not followed,
 * so a token is never sent on to another host.
 */
export function createGitHttpClient(options: { idleTimeoutMs: number }): HttpClient {
  async function request(input: GitHttpRequest): Promise<GitHttpResponse> {
    const url = new URL(input.url);
    const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
    if (transport === null) throw new Error(`Unsupported protocol ${url.protocol}`);
    const body = await readBody(input.body);
    const headers: Record<string, string> = { ...input.headers };
    if (input.body !== undefined) headers['content-length'] = String(body.byteLength);

    return new Promise<GitHttpResponse>((resolve, reject) => {
      const outgoing = transport.request(
        url,
        { method: input.method ?? 'GET', headers, agent: false, timeout: options.idleTimeoutMs },
        (incoming) => {
          incoming.setTimeout(options.idleTimeoutMs, () =>
            incoming.destroy(Object.assign(new Error('The server stopped answering.'), { code: 'ETIMEDOUT' })),
          );
          const responseHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({
            url: input.url,
            method: input.method ?? 'GET',
            statusCode: incoming.statusCode ?? 0,
            statusMessage: incoming.statusMessage ?? '',
            headers: responseHeaders,
            body: incoming[Symbol.asyncIterator]() as AsyncIterableIterator<Uint8Array>,
          });
        },
      );
      outgoing.on('timeout', () =>
        outgoing.destroy(Object.assign(new Error('The server stopped answering.'), { code: 'ETIMEDOUT' })),
      );
      outgoing.on('error', reject);
      outgoing.end(input.body === undefined ? undefined : body);
    });
  }
  return { request };
}

/** A request's or an answer's body, whole. */
export async function readBody(body: AsyncIterableIterator<Uint8Array> | undefined): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  if (body !== undefined) for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const encoder = new TextEncoder();

/** One pkt-line (gitprotocol-common): four hex digits of length (themselves included), then the bytes. */
export function pktLine(text: string): Uint8Array {
  const payload = encoder.encode(text);
  const line = new Uint8Array(payload.byteLength + 4);
  line.set(encoder.encode((payload.byteLength + 4).toString(16).padStart(4, '0')));
  line.set(payload, 4);
  return line;
}

/**
 * One request of git's smart HTTP protocol to `service` (`git-upload-pack` to fetch,
 * `git-receive-pack` to push). Answers the response with its body still to read; any status but
 * 200 is thrown as isomorphic-git's `HttpError`, as its own commands do.
 */
export async function postToService(options: {
  http: HttpClient;
  url: string;
  headers: Record<string, string>;
  service: 'git-upload-pack' | 'git-receive-pack';
  body: Uint8Array;
}): Promise<GitHttpResponse> {
  const response = await options.http.request({
    url: `${options.url.replace(/\/$/, '')}/${options.service}`,
    method: 'POST',
    headers: {
      ...options.headers,
      'content-type': `application/x-${options.service}-request`,
      accept: `application/x-${options.service}-result`,
    },
    body: Readable.from([options.body])[Symbol.asyncIterator]() as AsyncIterableIterator<Uint8Array>,
  });
  if (response.statusCode !== 200) {
    const text = new TextDecoder().decode(await readBody(response.body));
    throw new Errors.HttpError(response.statusCode, response.statusMessage, text);
  }
  return response;
}
