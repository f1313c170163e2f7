import type { Handlers } from '../shared/dispatch';
import type { Transport } from '../shared/contract';
import type { EventHub } from './event-hub';

/** What the handlers need from the host they run in. Both hosts pass real ports. */
export interface HostPorts {
  transport: Transport;
  appName: string;
  appVersion: string;
  platform: NodeJS.Platform;
  dataDir: string;
  events: EventHub;
  now: () => number;
}

/** The one handler table, shared by Electron IPC and the web host. */
export function createHandlers(ports: HostPorts): Handlers {
  return {
    'app.info': () => ({
      name: ports.appName,
      version: ports.appVersion,
      platform: ports.platform,
      transport: ports.transport,
      paths: { data: ports.dataDir },
    }),
    'app.ping': ({ nonce }) => {
      const receivedAt = ports.now();
      ports.events.emit('app.pong', { nonce, sentAt: receivedAt });
      return { nonce, receivedAt };
    },
  };
}
