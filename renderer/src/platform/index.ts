import type { PreloadBridge } from '../../../electron/shared/ipc-channels';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { createPlatform, type Platform } from './platform';

export { PlatformError, type Platform } from './platform';
export { PlatformProvider, usePlatform } from './PlatformProvider';

declare global {
  interface Window {
    chorus?: PreloadBridge;
  }
}

/** Picks the transport: Electron's preload bridge when present, the web host otherwise. */
export function connectPlatform(): Platform {
  if (window.chorus !== undefined) return createPlatform(createIpcTransport(window.chorus));
  return createPlatform(createHttpTransport(window.location.origin));
}
