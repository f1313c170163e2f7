import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** One request Chromium sent through the recorder, allowed or not. */
export interface RecordedRequest {
  /**
   * 'http' for a plain request the recorder could read; 'tunnel' for a CONNECT, which Chromium
   * uses for https and WebSockets, so only the host and port are visible.
   */
  scheme: 'http' | 'tunnel';
  method: string;
  host: string;
  port: number;
  /** The path and query of a plain request; '' for a tunnel, whose contents are encrypted. */
  path: string;
}

/**
 * Hosts the test browser calls by itself, through Google services that Debian's Chromium has and
 * Electron does not, and that no switch turns off: the identity manager lists accounts when a
 * profile's network starts (chromiumembedded/cef#4276), the component and extension updater checks
 * in despite --disable-component-update, autofill asks how to fill each form it sees, and the
 * password manager checks a submitted password field (the repository token) against known leaks.
 * Only `--disable-features` stops the last two, and it would replace Playwright's own list. They
 * are refused like anything else, and left out of `foreignRequests()` unless a page asked for the
 * same host.
 */
export const chromiumOwnHosts: ReadonlySet<string> = new Set([
  'accounts.google.com',
  'update.googleapis.com',
  'redirector.gvt1.com',
  'content-autofill.googleapis.com',
  'passwordsleakcheck-pa.googleapis.com',
]);

export interface RequestRecorder {
  port: number;
  /** The Chromium flags that send every request, loopback included, through the recorder. */
  chromiumArgs: string[];
  /** Lets requests to this origin through (scheme, host and port, as `new URL(...).origin`). */
  allowOrigin(origin: string): void;
  /** Everything Chromium asked for, in order. */
  requests(): RecordedRequest[];
  /** The requests to anything not allowed, each refused, less the browser's own (see `chromiumOwnHosts`). */
  foreignRequests(): RecordedRequest[];
  /** The refused requests the browser made by itself, to one of `chromiumOwnHosts`. */
  browserOwnRequests(): RecordedRequest[];
  /**
   * Notes a URL a page asked for (from Playwright's request event), so that a request to one of
   * the browser's own hosts counts as foreign if a page asked for that host too.
   */
  notePageRequest(url: string): void;
  close(): Promise<void>;
}

interface Endpoint {
  host: string;
  port: number;
}

/** Headers that belong to one hop (browser to proxy, or proxy to server) and must not be passed on. */
const hopByHopHeaders = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHopHeaders.includes(name)));
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' || protocol === 'wss:' ? 443 : 80;
}

/** Host and port of a URL, the host lower-cased and IPv6 kept in brackets, as Chromium writes it. */
function endpointOf(url: URL): Endpoint {
  return { host: url.hostname.toLowerCase(), port: url.port === '' ? defaultPort(url.protocol) : Number(url.port) };
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * A recording proxy for the end-to-end tests. Chromium is started with `--proxy-server` pointing
 * here, so every request it makes is seen: the page's own, and the browser's (component updates,
 * safe browsing, prefetch), which `page.on('request')` never reports. Requests to an allowed
 * origin are forwarded; anything else is recorded and refused (403, or a closed tunnel), and never
 * even looked up in DNS.
 */
export async function startRequestRecorder(): Promise<RequestRecorder> {
  const recorded: RecordedRequest[] = [];
  const refused: RecordedRequest[] = [];
  const pageEndpoints = new Set<string>();
  const isBrowserOwn = (entry: RecordedRequest): boolean =>
    chromiumOwnHosts.has(entry.host) && !pageEndpoints.has(`${entry.host}:${entry.port}`);
  const allowed: { protocol: string; endpoint: Endpoint }[] = [];
  const sockets = new Set<Socket>();
  const upstreamAgent = new Agent({ keepAlive: true });

  /**
   * A plain request must match the allowed origin's scheme too. A tunnel matches on host and port
   * alone, because the recorder cannot see whether it carries https or a WebSocket.
   */
  const isAllowed = (entry: RecordedRequest): boolean =>
    allowed.some(
      ({ protocol, endpoint }) =>
        endpoint.host === entry.host &&
        endpoint.port === entry.port &&
        (entry.scheme === 'tunnel' || protocol === 'http:'),
    );

  /** Records a request and decides it there and then; false means refuse it. */
  const record = (entry: RecordedRequest): boolean => {
    recorded.push(entry);
    if (isAllowed(entry)) return true;
    refused.push(entry);
    return false;
  };

  const server = createServer((request, response) => {
    const target = parseUrl(request.url ?? '');
    const method = request.method ?? 'GET';
    if (target === null || target.protocol !== 'http:') {
      // Not a proxy request at all (a browser only sends absolute http URLs to an HTTP proxy).
      record({ scheme: 'http', method, host: '', port: 0, path: request.url ?? '' });
      response.writeHead(400, { 'Content-Type': 'text/plain' }).end('Not a proxy request');
      return;
    }
    const endpoint = endpointOf(target);
    if (!record({ scheme: 'http', method, ...endpoint, path: `${target.pathname}${target.search}` })) {
      response.writeHead(403, { 'Content-Type': 'text/plain' }).end('Refused by the test request recorder');
      return;
    }
    forward(request, response, target, endpoint);
  });

  const forward = (
    request: IncomingMessage,
    response: ServerResponse,
    target: URL,
    endpoint: Endpoint,
    attempt = 1,
  ): void => {
    const upstream = httpRequest(
      {
        agent: upstreamAgent,
        host: endpoint.host.replace(/^\[(.*)\]$/, '$1'),
        port: endpoint.port,
        method: request.method,
        path: `${target.pathname}${target.search}`,
        headers: withoutHopByHop(request.headers),
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
        // Sends the headers at once, so an event stream opens before its first event.
        response.flushHeaders();
        answer.pipe(response);
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket that the app's host closed just as the agent reused it (a known race of Node's
      // agent): a request without a body is sent once more, as a browser does, rather than shown as a 502.
      const bodiless = request.method === 'GET' || request.method === 'HEAD';
      if (!response.headersSent && bodiless && attempt === 1 && upstream.reusedSocket && error.code === 'ECONNRESET') {
        forward(request, response, target, endpoint, 2);
        return;
      }
      if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'text/plain' }).end('Upstream failed');
      else response.destroy();
    });
    // A page that goes away (an event stream on navigation) must not leave the upstream open.
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    if (attempt === 1) request.pipe(upstream);
    else upstream.end();
  };

  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const target = parseUrl(`https://${request.url ?? ''}`);
    const endpoint = target === null ? { host: request.url ?? '', port: 0 } : endpointOf(target);
    if (!record({ scheme: 'tunnel', method: 'CONNECT', ...endpoint, path: '' }) || target === null) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const upstream = connect(endpoint.port, endpoint.host.replace(/^\[(.*)\]$/, '$1'), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });

  // Chromium tunnels WebSockets with CONNECT; an Upgrade sent here is recorded and refused.
  server.on('upgrade', (request: IncomingMessage, client: Socket) => {
    const target = parseUrl(request.url ?? '');
    const endpoint = target === null ? { host: '', port: 0 } : endpointOf(target);
    const entry: RecordedRequest = { scheme: 'http', method: request.method ?? 'GET', ...endpoint, path: '' };
    recorded.push(entry);
    refused.push(entry);
    client.on('error', () => undefined);
    client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    chromiumArgs: [
      `--proxy-server=http://127.0.0.1:${port}`,
      // Chromium skips the proxy for loopback unless told not to; the app itself is on loopback.
      '--proxy-bypass-list=<-loopback>',
    ],
    allowOrigin(origin) {
      const url = parseUrl(origin);
      if (url === null) throw new Error(`Not an origin: ${origin}`);
      allowed.push({ protocol: url.protocol, endpoint: endpointOf(url) });
    },
    requests: () => [...recorded],
    foreignRequests: () => refused.filter((entry) => !isBrowserOwn(entry)),
    browserOwnRequests: () => refused.filter(isBrowserOwn),
    notePageRequest(url) {
      const parsed = parseUrl(url);
      if (parsed === null || !/^(https?|wss?):$/.test(parsed.protocol)) return;
      const { host, port } = endpointOf(parsed);
      pageEndpoints.add(`${host}:${port}`);
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      upstreamAgent.destroy();
      await closed;
    },
  };
}
