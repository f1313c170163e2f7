import type { PreloadBridge } from '../../../electron/shared/ipc-channels';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { createPlatform, type Platform } from './platform';

export { PlatformError, type Platform } from './platform';
export { PlatformProvider, usePlatform } from './PlatformProvider';

const tokenKey = 'chorus.webHostToken';

declare global {
  interface Window {
    chorus?: PreloadBridge;
  }
}

/**
 * The web host hands its token over in the address (`?token=`). It is kept for this tab only
 * and removed from the address bar and history at once.
 */
function takeWebHostToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey);
}

/** Picks the transport: Electron's preload bridge when present, the web host otherwise. */
export function connectPlatform(): Platform {
  if (window.chorus !== undefined) return createPlatform(createIpcTransport(window.chorus));
  return createPlatform(createHttpTransport(window.location.origin, takeWebHostToken() ?? ''));
}
