import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { seededRandom } from '../../bench/lib/util';

export interface FaultProxyOptions {
  target: { host: string; port: number };
  /** Seeds the random choices, so that a failing run can be replayed with the same seed. */
  seed: number;
  /**
   * The share of connections, from 0 to 1, given each fault. They are drawn in the order
   * error, reset, stall; if they add up to more than 1, the later ones get what is left.
   */
  resetRate: number;
  stallRate: number;
  errorRate: number;
  stallMs: number;
}

export interface FaultProxyStats {
  connections: number;
  resets: number;
  stalls: number;
  errors: number;
}

export interface FaultProxy {
  port: number;
  /** `http://127.0.0.1:PORT/` and the path, with credentials if given. */
  url(pathAndRepo?: string, credentials?: { username: string; token: string }): string;
  /** Counts what happened, not what was drawn: a stall that ended in a reset counts as both. */
  stats: FaultProxyStats;
  /** Faults are on from the start; switching them applies to new connections only. */
  setFaults(on: boolean): void;
  close(): Promise<void>;
}

type Plan =
  | { kind: 'clean' }
  | { kind: 'error' }
  | { kind: 'reset'; afterBytes: number }
  | { kind: 'stall'; afterBytes: number; thenReset: boolean };

const errorResponse = 'HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';
/** How long the server may be quiet before a reset or stall that has not happened yet happens. */
const quietMs = 20;
const maxFaultOffsetBits = 20;

function reset(socket: Socket): void {
  if (socket.destroyed) return;
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

/**
 * A TCP proxy that breaks connections on purpose, for testing sync against a flaky network. Each
 * new connection, in turn, is answered with a bare 500, reset part-way, stalled part-way, or
 * forwarded cleanly, as a seeded PRNG decides.
 *
 * A reset or stall happens after a random number of forwarded bytes (counted both ways, from 0 to
 * about 1 MiB, evenly spread over powers of two). So that a fault always reaches the client even
 * when the exchange is shorter than that, the proxy holds back the last byte the server sent until
 * more arrives; if the server ends or goes quiet first, the fault happens there, before that byte.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const stats: FaultProxyStats = { connections: 0, resets: 0, stalls: 0, errors: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let faultsOn = true;

  const later = (ms: number, action: () => void): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
    return timer;
  };
  const cancel = (timer: NodeJS.Timeout | undefined) => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timers.delete(timer);
  };

  /** Draws the same three numbers for every connection, so connection N always gets the same plan. */
  const plan = (): Plan => {
    const kind = random();
    const offset = Math.floor(2 ** (random() * maxFaultOffsetBits)) - 1;
    const thenReset = random() < 0.5;
    if (!faultsOn) return { kind: 'clean' };
    if (kind < options.errorRate) return { kind: 'error' };
    if (kind < options.errorRate + options.resetRate) return { kind: 'reset', afterBytes: offset };
    if (kind < options.errorRate + options.resetRate + options.stallRate) {
      return { kind: 'stall', afterBytes: offset, thenReset };
    }
    return { kind: 'clean' };
  };

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {
      // Resets and refused connections are what this proxy is for.
    });
    socket.on('close', () => sockets.delete(socket));
  };

  const answerWithError = (client: Socket) => {
    client.once('data', () => {
      stats.errors += 1;
      client.end(errorResponse);
    });
  };

  const forwardCleanly = (client: Socket, upstream: Socket) => {
    client.pipe(upstream);
    upstream.pipe(client);
    // pipe() passes on an orderly end; a socket that closes without one was reset or failed.
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      let ended = false;
      from.on('end', () => (ended = true));
      from.on('close', () => {
        if (!ended) reset(to);
      });
    }
  };

  const forwardWithFault = (client: Socket, upstream: Socket, fault: Extract<Plan, { afterBytes: number }>) => {
    let forwarded = 0;
    let happened = false;
    let stalled = false;
    let withheld: Buffer = Buffer.alloc(0);
    let quietTimer: NodeJS.Timeout | undefined;
    const ended = new Set<Socket>();

    const breakBoth = () => {
      cancel(quietTimer);
      stats.resets += 1;
      reset(client);
      reset(upstream);
    };
    const resumeUnlessBlocked = (from: Socket, to: Socket) => {
      if (!stalled && !to.writableNeedDrain) from.resume();
    };
    const send = (from: Socket, to: Socket, chunk: Buffer) => {
      if (chunk.length === 0 || to.destroyed) return;
      if (!to.write(chunk)) {
        from.pause();
        to.once('drain', () => resumeUnlessBlocked(from, to));
      }
    };
    const passEnd = (from: Socket, to: Socket) => {
      if (ended.has(from) && !to.destroyed) to.end();
    };

    /** The fault itself: `rest` is what would have gone to `to` next. */
    const strike = (from: Socket, to: Socket, rest: Buffer) => {
      happened = true;
      cancel(quietTimer);
      if (fault.kind === 'reset') return breakBoth();
      stats.stalls += 1;
      stalled = true;
      client.pause();
      upstream.pause();
      later(options.stallMs, () => {
        if (fault.thenReset) return breakBoth();
        stalled = false;
        send(from, to, rest);
        passEnd(client, upstream);
        passEnd(upstream, client);
        resumeUnlessBlocked(client, upstream);
        resumeUnlessBlocked(upstream, client);
      });
    };

    const relay = (from: Socket, to: Socket) => {
      const fromServer = from === upstream;
      from.on('data', (data: Buffer) => {
        if (happened) return send(from, to, data);
        let chunk = data;
        if (fromServer) {
          cancel(quietTimer);
          chunk = Buffer.concat([withheld, data]);
          withheld = Buffer.alloc(0);
        }
        const room = fault.afterBytes - forwarded;
        if (chunk.length > room) {
          send(from, to, chunk.subarray(0, room));
          forwarded += room;
          return strike(from, to, chunk.subarray(room));
        }
        forwarded += chunk.length;
        if (!fromServer) return send(from, to, chunk);
        send(from, to, chunk.subarray(0, -1));
        withheld = chunk.subarray(-1);
        quietTimer = later(quietMs, () => strike(upstream, client, withheld));
      });
      from.on('end', () => {
        ended.add(from);
        if (happened) {
          if (!stalled) passEnd(from, to);
          return;
        }
        strike(from, to, fromServer ? withheld : Buffer.alloc(0));
      });
      from.on('close', () => {
        cancel(quietTimer);
        if (!ended.has(from)) reset(to);
      });
    };

    relay(client, upstream);
    relay(upstream, client);
  };

  const server = createServer((client) => {
    stats.connections += 1;
    track(client);
    const connectionPlan = plan();
    if (connectionPlan.kind === 'error') return answerWithError(client);
    const upstream = connect({ host: options.target.host, port: options.target.port });
    track(upstream);
    if (connectionPlan.kind === 'clean') forwardCleanly(client, upstream);
    else forwardWithFault(client, upstream, connectionPlan);
  });
  server.on('error', () => {
    // A failing accept must not take the test process down.
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url(pathAndRepo = '', credentials) {
      const url = new URL(`http://127.0.0.1:${port}/${pathAndRepo.replace(/^\/+/, '')}`);
      if (credentials !== undefined) {
        url.username = credentials.username;
        url.password = credentials.token;
      }
      return url.href;
    },
    stats,
    setFaults(on) {
      faultsOn = on;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
