import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type FailureReporter, type Handlers } from '../shared/dispatch';
import type { ApiError, Envelope, EventMessage } from '../shared/contract';
import type { EventHub } from '../services/event-hub';
import { createStaticFiles } from '../services/static-files';

export interface WebHostOptions {
  rendererDir: string;
  handlers: Handlers;
  events: EventHub;
  /** 0, the default, picks a free port. */
  port?: number;
  /** A fixed token for tests; a fresh random one otherwise. */
  token?: string;
  maxBodyBytes?: number;
  onFailure?: FailureReporter;
}

export interface WebHost {
  /** The address to open once: the page trades its token for a session cookie and moves to `origin`. */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export const apiPrefix = '/api/call/';
export const eventsPath = '/api/events';
/** Big enough for a training pack of long resources (export requests carry every document). */
const defaultMaxBodyBytes = 32 * 1024 * 1024;
const heartbeatMs = 15_000;
export const sessionCookiePrefix = 'chorus-session-';

const statusOf: Record<ApiError['code'], number> = {
  unknown_channel: 404,
  invalid_input: 400,
  invalid_output: 500,
  unauthorised: 401,
  internal: 500,
};

function sendJson(response: ServerResponse, status: number, body: Envelope): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, code: ApiError['code'], message: string): void {
  sendJson(response, statusOf[code], { ok: false, error: { code, message } });
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A channel name from the request path; null when its %-escapes are malformed. */
function decodeChannel(escaped: string): string | null {
  try {
    return decodeURIComponent(escaped);
  } catch {
    return null;
  }
}

function matches(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given);
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

/** The value of one cookie in a Cookie header, or null. */
function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/**
 * Serves the renderer and the API contract over HTTP on 127.0.0.1, for browser mode and the
 * end-to-end tests. The printed address carries the per-start token once: opening it trades the
 * token for an HttpOnly, SameSite=Strict session cookie and redirects to the bare address, so the
 * token stays out of the address bar and the page's history entry, and no script can read the
 * session. Every API request must carry the cookie (the page) or the token as a Bearer header
 * (scripts and tests); requests whose Host is not this server (DNS rebinding) or whose Origin is
 * another site are refused.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  // Not the token: a session cookie that leaked would not open the printed address elsewhere.
  const session = randomBytes(32).toString('base64url');
  const sessionBytes = Buffer.from(session);
  let cookieName = sessionCookiePrefix;
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const staticFiles = createStaticFiles(options.rendererDir);
  const streams = new Set<ServerResponse>();
  let allowedHosts: ReadonlySet<string> = new Set();
  let allowedOrigins: ReadonlySet<string> = new Set();
  let origin = '';

  /** A Bearer header, when there is one, must be right; otherwise the session cookie must be. */
  const isAuthorised = (request: IncomingMessage): boolean => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer (\S+)$/.exec(header);
      return match !== null && matches(match[1] ?? '', tokenBytes);
    }
    const cookie = cookieValue(request.headers.cookie, cookieName);
    return cookie !== null && matches(cookie, sessionBytes);
  };

  /** `/?token=…`: a right token gets the session cookie and the same address without it. */
  const exchangeToken = (response: ServerResponse, url: URL) => {
    const given = url.searchParams.get('token') ?? '';
    const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
    if (!matches(given, tokenBytes)) {
      response.writeHead(401, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('This address does not hold the key of this run of Chorus. Open the address the web host printed.');
      return;
    }
    url.searchParams.delete('token');
    response.writeHead(303, {
      ...headers,
      Location: `${url.pathname}${url.search}${url.hash}`,
      'Set-Cookie': `${cookieName}=${session}; Path=/; HttpOnly; SameSite=Strict`,
    });
    response.end();
  };

  const handleCall = async (request: IncomingMessage, response: ServerResponse, channel: string) => {
    if (request.method !== 'POST') return sendError(response, 'invalid_input', 'Use POST');
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(response, 'invalid_input', 'The body must be application/json');
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readBody(request, maxBodyBytes));
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body is never read, so this connection cannot carry another request.
        response.setHeader('Connection', 'close');
        return sendError(response, 'invalid_input', 'The request is too large');
      }
      return sendError(response, 'invalid_input', 'The body is not valid JSON');
    }
    const envelope = await dispatch(options.handlers, channel, raw, options.onFailure);
    sendJson(response, envelope.ok ? 200 : statusOf[envelope.error.code], envelope);
  };

  const handleEvents = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    request.on('close', () => streams.delete(response));
  };

  const server = createServer((request, response) => {
    void (async () => {
      if (!allowedHosts.has(request.headers.host ?? '')) {
        response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden host');
        return;
      }
      const url = URL.parse(request.url ?? '/', origin);
      if (url === null) {
        response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        const requestOrigin = request.headers.origin;
        if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) {
          return sendError(response, 'unauthorised', 'Cross-origin requests are refused');
        }
        if (!isAuthorised(request)) return sendError(response, 'unauthorised', 'Missing or wrong token');
        if (url.pathname === eventsPath && request.method === 'GET') return handleEvents(request, response);
        if (url.pathname.startsWith(apiPrefix)) {
          const channel = decodeChannel(url.pathname.slice(apiPrefix.length));
          if (channel === null) return sendError(response, 'unknown_channel', 'No such channel');
          return handleCall(request, response, channel);
        }
        return sendError(response, 'unknown_channel', 'No such endpoint');
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      if (url.searchParams.has('token')) return exchangeToken(response, url);
      const file = await staticFiles.read(url.pathname);
      response.writeHead(file.status, file.headers);
      response.end(request.method === 'HEAD' ? undefined : file.body);
    })().catch((error: unknown) => {
      options.onFailure?.(`web host ${request.method ?? ''} ${request.url ?? ''}`, error);
      if (!response.headersSent) sendError(response, 'internal', 'The request failed');
      else response.destroy();
    });
  });

  const unsubscribe = options.events.subscribe((message: EventMessage) => {
    const frame = `data: ${JSON.stringify(message)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': heartbeat\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  // Cookies are shared by every port of a host, so each run's cookie is named after its port.
  cookieName = `${sessionCookiePrefix}${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    port,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
