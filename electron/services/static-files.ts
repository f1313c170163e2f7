import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { securityHeaders } from '../shared/csp';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticResponse {
  status: 200 | 404;
  headers: Record<string, string>;
  body: Buffer;
}

const notFound = (): StaticResponse => ({
  status: 404,
  headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  body: Buffer.from('Not found'),
});

/**
 * Serves the built renderer from one folder, for the `app://` protocol and the web host alike.
 * A request can only reach a regular file inside that folder: `..`, encoded separators, NUL bytes
 * and symbolic links that lead outside all answer 404.
 */
export function createStaticFiles(root: string): { read(urlPath: string): Promise<StaticResponse> } {
  const rootPromise = realpath(root);
  return {
    async read(urlPath) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(urlPath);
      } catch {
        return notFound();
      }
      if (decoded.includes('\0') || decoded.includes('\\')) return notFound();
      const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
      const segments = relative.split('/');
      if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) return notFound();
      const realRoot = await rootPromise;
      let file: string;
      try {
        file = await realpath(path.join(realRoot, ...segments));
      } catch {
        return notFound();
      }
      if (!file.startsWith(realRoot + path.sep)) return notFound();
      const type = contentTypes[path.extname(file).toLowerCase()];
      if (type === undefined) return notFound();
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        return notFound();
      }
      return {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': type, 'Cache-Control': 'no-cache' },
        body,
      };
    },
  };
}
