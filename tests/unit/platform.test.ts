import { describe, expect, it, vi } from 'vitest';
import { createPlatform, PlatformError, type TransportDriver } from '../../renderer/src/platform/platform';

function driver(
  answer: (channel: string, input: unknown) => unknown,
): TransportDriver & { emit(message: unknown): void } {
  let listener: ((message: unknown) => void) | null = null;
  return {
    kind: 'web',
    send: (channel, input) => Promise.resolve(answer(channel, input)),
    listen(next) {
      listener = next;
      return () => {
        listener = null;
      };
    },
    emit(message) {
      listener?.(message);
    },
  };
}

const info = { name: 'Chorus', version: '1', platform: 'linux', transport: 'web', paths: { data: '/d' } };

describe('platform client', () => {
  it('returns the value of a successful call', async () => {
    const platform = createPlatform(driver(() => ({ ok: true, value: info })));
    await expect(platform.invoke('app.info', {})).resolves.toEqual(info);
  });

  it('throws a typed error when the host refuses', async () => {
    const platform = createPlatform(
      driver(() => ({ ok: false, error: { code: 'invalid_input', message: 'Invalid request for app.ping' } })),
    );
    await expect(platform.invoke('app.ping', { nonce: 'x' })).rejects.toMatchObject({
      name: 'PlatformError',
      code: 'invalid_input',
    });
  });

  it('refuses an answer that is not an envelope or breaks the contract', async () => {
    for (const answer of [null, 'text', { ok: true }, { ok: true, value: { name: 'Chorus' } }]) {
      const platform = createPlatform(driver(() => answer));
      await expect(platform.invoke('app.info', {})).rejects.toBeInstanceOf(PlatformError);
    }
  });

  it('reports an unreachable host as such', async () => {
    const platform = createPlatform({
      kind: 'web',
      send: () => Promise.reject(new TypeError('Failed to fetch')),
      listen: () => () => undefined,
    });
    await expect(platform.invoke('app.info', {})).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('delivers only valid events, in order, to listeners of that name, until unsubscribed', async () => {
    const transport = driver(() => null);
    const platform = createPlatform(transport);
    const received: unknown[] = [];
    const stop = platform.on('app.pong', (payload) => received.push(payload));
    // The first events may arrive before the contract that checks them has loaded: they wait for it.
    transport.emit({ name: 'app.pong', payload: { nonce: 'a', sentAt: 1 } });
    transport.emit({ name: 'app.pong', payload: { nonce: 'a' } });
    transport.emit({ name: 'other', payload: {} });
    transport.emit('garbage');
    transport.emit({ name: 'app.pong', payload: { nonce: 'c', sentAt: 3 } });
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received).toEqual([
      { nonce: 'a', sentAt: 1 },
      { nonce: 'c', sentAt: 3 },
    ]);
    stop();
    transport.emit({ name: 'app.pong', payload: { nonce: 'b', sentAt: 2 } });
    expect(received).toEqual([
      { nonce: 'a', sentAt: 1 },
      { nonce: 'c', sentAt: 3 },
    ]);
  });
});

describe('the host’s status', () => {
  it('is heard as unreachable when a call cannot reach the host, and as answering when one does again', async () => {
    let reachable = false;
    const platform = createPlatform(
      driver(() => {
        if (!reachable) throw new Error('connection refused');
        return { ok: true, value: info };
      }),
    );
    const heard: string[] = [];
    const stop = platform.onHostStatus((status) => heard.push(status));
    await expect(platform.invoke('app.info', {})).rejects.toMatchObject({ code: 'unreachable' });
    await expect(platform.invoke('app.info', {})).rejects.toMatchObject({ code: 'unreachable' });
    reachable = true;
    await platform.invoke('app.info', {});
    expect(heard).toEqual(['unreachable', 'answering']);
    // A listener added while the host is away hears so at once.
    const late: string[] = [];
    reachable = false;
    await expect(platform.invoke('app.info', {})).rejects.toMatchObject({ code: 'unreachable' });
    platform.onHostStatus((status) => late.push(status))();
    expect(late).toEqual(['unreachable']);
    stop();
  });

  it('follows what the transport sees of its event stream', () => {
    let report: ((status: 'answering' | 'unreachable') => void) | undefined;
    const platform = createPlatform({
      kind: 'web',
      send: () => Promise.resolve({ ok: true, value: info }),
      listen: (_listener, onStatus) => {
        report = onStatus;
        return () => undefined;
      },
    });
    const heard: string[] = [];
    platform.onHostStatus((status) => heard.push(status));
    report?.('unreachable');
    report?.('unreachable');
    report?.('answering');
    expect(heard).toEqual(['unreachable', 'answering']);
  });
});
