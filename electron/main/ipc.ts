import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Envelope } from '../shared/contract';
import { dispatch, type FailureReporter, type Handlers } from '../shared/dispatch';
import { ipcEventChannel, ipcInvokeChannel } from '../shared/ipc-channels';
import type { EventHub } from '../services/event-hub';
import { isTrustedSender } from '../services/security/policy';

function senderOf(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame;
  if (frame === null) return null;
  return { url: frame.url, isMainFrame: frame === event.sender.mainFrame };
}

/** Serves the contract over `ipcMain.handle`, answering only the app's own top-level page. */
export function serveIpc(handlers: Handlers, onFailure: FailureReporter): void {
  ipcMain.handle(ipcInvokeChannel, async (event, channel: unknown, payload: unknown): Promise<Envelope> => {
    if (!isTrustedSender(senderOf(event))) {
      return { ok: false, error: { code: 'unauthorised', message: 'Untrusted sender' } };
    }
    return dispatch(handlers, typeof channel === 'string' ? channel : '', payload, onFailure);
  });
}

/** Forwards every event of the hub to one window's page while it lives. */
export function forwardEvents(events: EventHub, contents: WebContents): void {
  const unsubscribe = events.subscribe((message) => {
    if (!contents.isDestroyed()) contents.send(ipcEventChannel, message);
  });
  contents.once('destroyed', unsubscribe);
}
