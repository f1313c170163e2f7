import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

export interface GitServerOptions {
  /** The folder that holds the bare repository; created if missing. */
  root: string;
  /** The bare repository's folder name under `root`, and the first segment of every URL path. */
  repository?: string;
  username?: string;
  /** A fixed token for tests; a fresh random one otherwise. */
  token?: string;
  /** 0, the default, picks a free port. */
  port?: number;
}

export interface GitServer {
  /** The clone URL, without credentials: `http://127.0.0.1:PORT/chorus.git`. */
  url: string;
  username: string;
  token: string;
  /** The absolute path of the bare repository. */
  repositoryPath: string;
  /** Stops listening, drops open connections and ends every running git process. */
  close(): Promise<void>;
}

const run = promisify(execFile);
const realm = 'Chorus test repository';
const maxCgiHeadBytes = 64 * 1024;
const stderrTailBytes = 4 * 1024;
const killGraceMs = 2_000;
/** How long git may go on after its client left before it is stopped: far longer than any push takes. */
const abandonedLimitMs = 60_000;

/** A running `git http-backend` and a promise that settles once it and its pipes are gone. */
interface Backend {
  child: ChildProcess;
  closed: Promise<void>;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function ensureBareRepository(repositoryPath: string): Promise<void> {
  await mkdir(path.dirname(repositoryPath), { recursive: true });
  if (!(await exists(path.join(repositoryPath, 'HEAD')))) {
    await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', repositoryPath]);
  }
  await run('git', ['config', '--file', path.join(repositoryPath, 'config'), 'http.receivepack', 'true']);
}

/**
 * Signals the backend's whole process group: http-backend starts upload-pack or receive-pack
 * (and they start pack-objects or index-pack), and those must stop with it. SIGTERM lets git
 * remove its temporary files, such as a push's quarantine folder.
 */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, name);
    else child.kill(name);
  } catch {
    // The group is already gone.
  }
}

function stop(backend: Backend): Promise<void> {
  signal(backend.child, 'SIGTERM');
  const timer = setTimeout(() => signal(backend.child, 'SIGKILL'), killGraceMs);
  return backend.closed.finally(() => clearTimeout(timer));
}

/** Where the CGI head ends: the first blank line, written as CRLF CRLF or LF LF. */
function headEnd(buffer: Buffer): { at: number; length: number } | undefined {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return undefined;
  if (lf === -1 || (crlf !== -1 && crlf < lf)) return { at: crlf, length: 4 };
  return { at: lf, length: 2 };
}

function parseCgiHead(head: string): { status: number; statusMessage?: string; headers: OutgoingHttpHeaders } {
  let status = 200;
  let statusMessage: string | undefined;
  const headers: Record<string, string | string[]> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') {
      const match = /^(\d{3})(?:\s+(.*))?$/.exec(value);
      if (match !== null) {
        status = Number(match[1]);
        statusMessage = match[2];
      }
      continue;
    }
    const previous = headers[name];
    if (previous === undefined) headers[name] = value;
    else headers[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return { status, statusMessage, headers };
}

function sendText(response: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(`${text}\n`);
}

/**
 * The decoded path for PATH_INFO when it names something inside the repository, or undefined.
 * http-backend also refuses `..`, but nothing outside the one repository should reach it.
 */
function pathInside(rawPath: string, repository: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith(`/${repository}/`) || /[\0\\]/.test(decoded)) return undefined;
  const segments = decoded.split('/').slice(2);
  if (segments.some((segment) => segment === '.' || segment === '..')) return undefined;
  return decoded;
}

/**
 * Serves one bare repository over git's smart HTTP protocol for development and tests: native
 * `git http-backend` runs as a CGI for each request, behind HTTP Basic auth with one user name
 * and token, on 127.0.0.1 only. Both fetch and push need the credentials.
 */
export async function startGitServer(options: GitServerOptions): Promise<GitServer> {
  const root = path.resolve(options.root);
  const repository = options.repository ?? 'chorus.git';
  const username = options.username ?? 'chorus';
  const token = options.token ?? randomBytes(24).toString('base64url');
  if (!/^[\w.-]+$/.test(repository) || /^\.+$/.test(repository)) {
    throw new Error(`The repository name must be a single folder name, not "${repository}"`);
  }
  if (username.includes(':')) throw new Error('The user name cannot contain ":"');

  const repositoryPath = path.join(root, repository);
  await ensureBareRepository(repositoryPath);
  const { stdout: execPath } = await run('git', ['--exec-path']);
  const backendPath = path.join(execPath.trim(), 'git-http-backend');

  // Digests are compared so that the buffers are always the same length and the comparison
  // says nothing about how long the right credentials are.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const expected = digest(`${username}:${token}`);
  const isAuthorised = (request: IncomingMessage): boolean => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.authorization ?? '');
    if (match === null) return false;
    return timingSafeEqual(digest(Buffer.from(match[1] ?? '', 'base64').toString('utf8')), expected);
  };

  const backends = new Set<Backend>();

  const runBackend = (request: IncomingMessage, response: ServerResponse, pathInfo: string, query: string) => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GATEWAY_INTERFACE: 'CGI/1.1',
      PATH_INFO: pathInfo,
      REQUEST_METHOD: request.method ?? 'GET',
      QUERY_STRING: query,
      CONTENT_TYPE: request.headers['content-type'] ?? '',
      REMOTE_USER: username,
      REMOTE_ADDR: request.socket.remoteAddress ?? '',
    };
    const contentLength = request.headers['content-length'];
    if (contentLength !== undefined) env.CONTENT_LENGTH = contentLength;
    // http-backend inflates gzip request bodies itself, and passes Git-Protocol on so that
    // clients asking for protocol v2 get it, as they would from a hosted server.
    const contentEncoding = request.headers['content-encoding'];
    if (contentEncoding !== undefined) env.HTTP_CONTENT_ENCODING = contentEncoding;
    const gitProtocol = request.headers['git-protocol'];
    if (typeof gitProtocol === 'string') env.HTTP_GIT_PROTOCOL = gitProtocol;

    const child = spawn(backendPath, [], { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const backend: Backend = {
      child,
      closed: new Promise((resolve) => {
        child.once('close', () => resolve());
        // 'error' without a pid means git never started, so no 'close' need follow.
        child.once('error', () => {
          if (child.pid === undefined) resolve();
        });
      }),
    };
    backends.add(backend);
    void backend.closed.then(() => backends.delete(backend));

    let head = Buffer.alloc(0);
    let headSent = false;
    let stderrTail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-stderrTailBytes);
    });

    const fail = (why: string) => {
      if (!response.headersSent) sendText(response, 500, `git http-backend failed: ${why}`.trim());
      else response.destroy();
      void stop(backend);
    };

    let abandoned = false;
    const onStdout = (chunk: Buffer) => {
      if (abandoned) return;
      head = Buffer.concat([head, chunk]);
      const end = headEnd(head);
      if (end === undefined) {
        if (head.length > maxCgiHeadBytes) {
          child.stdout.off('data', onStdout);
          fail('its response headers are too long');
        }
        return;
      }
      child.stdout.off('data', onStdout);
      child.stdout.pause();
      const parsed = parseCgiHead(head.subarray(0, end.at).toString('latin1'));
      try {
        response.writeHead(parsed.status, parsed.statusMessage, parsed.headers);
      } catch (error) {
        fail(`its response headers are not valid HTTP (${error instanceof Error ? error.message : String(error)})`);
        return;
      }
      headSent = true;
      response.write(head.subarray(end.at + end.length));
      // The response ends when the process does, so that a failure can still cut it short.
      child.stdout.pipe(response, { end: false });
    };
    child.stdout.on('data', onStdout);

    child.once('error', (error) => fail(error.message));
    child.once('close', (code, signalName) => {
      if (response.destroyed || response.writableEnded) return;
      if (!headSent) fail(stderrTail || `it stopped (${signalName ?? `exit code ${code ?? '?'}`}) without answering`);
      else if (code === 0) response.end();
      else response.destroy();
    });

    child.stdin.on('error', () => {
      // http-backend may answer without reading the body (a refused service, say): nothing to do.
    });
    // The client went away (a reset, or it gave up waiting). git is left to finish, as a hosted
    // server's would be: a push that has reached its branch update completes it or fails, and either
    // way removes its lock. Stopping it there could leave `main.lock` behind (SIGKILL after the
    // grace, or a slow fsync under load), and every later push would be refused for good. Its input
    // ends, so a push cut off while uploading fails at once; its output is read and thrown away.
    const abandon = () => {
      if (abandoned) return;
      abandoned = true;
      request.unpipe(child.stdin);
      child.stdin.end();
      child.stdout.unpipe(response);
      child.stdout.resume();
      const timer = setTimeout(() => void stop(backend), abandonedLimitMs);
      void backend.closed.finally(() => clearTimeout(timer));
    };
    request.on('error', abandon);
    request.pipe(child.stdin);
    response.on('close', () => {
      if (!response.writableFinished) abandon();
    });
  };

  const server = createServer((request, response) => {
    try {
      if (!isAuthorised(request)) {
        sendText(response, 401, 'Authentication required', { 'WWW-Authenticate': `Basic realm="${realm}"` });
        return;
      }
      const url = request.url ?? '/';
      const queryAt = url.indexOf('?');
      const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
      const pathInfo = pathInside(rawPath, repository);
      if (pathInfo === undefined) {
        sendText(response, 404, 'Not found');
        return;
      }
      runBackend(request, response, pathInfo, queryAt === -1 ? '' : url.slice(queryAt + 1));
    } catch (error) {
      if (!response.headersSent) sendText(response, 500, 'The request failed');
      else response.destroy();
      console.error('git server: a request failed', error);
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => console.error('git server:', error));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/${repository}`,
    username,
    token,
    repositoryPath,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([...backends].map(stop));
      await closed;
    },
  };
}
