import { protocol } from 'electron';
import { createStaticFiles } from '../services/static-files';
import { appHost, appScheme } from '../services/security/policy';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on `app://chorus/`, with the security headers on every response. */
export function serveRenderer(rendererDir: string): void {
  const files = createStaticFiles(rendererDir);
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost || request.method !== 'GET') {
      return new Response('Not found', { status: 404 });
    }
    const file = await files.read(url.pathname);
    return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
  });
}
