import type { PreloadBridge } from '../../../electron/shared/ipc-channels';
import type { TransportDriver } from './platform';

/** Electron: calls go through the preload bridge to `ipcMain.handle`. */
export function createIpcTransport(bridge: PreloadBridge): TransportDriver {
  return {
    kind: 'electron',
    send: (channel, input) => bridge.invoke(channel, input),
    listen: (listener) => bridge.onEvent(listener),
  };
}
