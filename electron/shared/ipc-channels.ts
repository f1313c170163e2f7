/** The only two Electron IPC channels: every contract call and every event travels through them. */
export const ipcInvokeChannel = 'chorus:invoke';
export const ipcEventChannel = 'chorus:event';

/** What the preload script exposes to the renderer as `window.chorus`, and nothing more. */
export interface PreloadBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Returns a function that removes the listener. */
  onEvent(listener: (message: unknown) => void): () => void;
}
