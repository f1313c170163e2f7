import { describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '../../electron/shared/dispatch';
import { createEventHub } from '../../electron/services/event-hub';
import { createHandlers } from '../../electron/services/handlers';
import { createFileSecretStore } from '../../electron/services/secrets';
import { unusedExportPorts } from '../helpers/export-ports';

const secrets = createFileSecretStore({ file: '/nonexistent/secrets.json', kind: 'file' });

function makeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const base = createHandlers({
    transport: 'web',
    appName: 'Chorus',
    appVersion: '1.2.3',
    platform: 'linux',
    dataDir: '/data',
    events: createEventHub(),
    now: () => 1_700_000_000_000,
    secrets,
    ...unusedExportPorts,
  });
  return { ...base, ...overrides };
}

describe('dispatch', () => {
  it('calls the handler with parsed input and wraps its answer', async () => {
    const result = await dispatch(makeHandlers(), 'app.info', {});
    expect(result).toEqual({
      ok: true,
      value: { name: 'Chorus', version: '1.2.3', platform: 'linux', transport: 'web', paths: { data: '/data' } },
    });
  });

  it('refuses an unknown channel, including names inherited from Object', async () => {
    for (const channel of ['no.such', '__proto__', 'constructor', 'toString', '']) {
      const result = await dispatch(makeHandlers(), channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('refuses malformed input with the failing fields named', async () => {
    const cases: unknown[] = [
      undefined,
      null,
      'text',
      42,
      [],
      { nonce: '' },
      { nonce: 'a b' },
      { nonce: 'x', extra: 1 },
    ];
    for (const raw of cases) {
      const result = await dispatch(makeHandlers(), 'app.ping', raw);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.issues?.length).toBeGreaterThan(0);
      }
    }
  });

  it('turns a throwing handler into an internal error without leaking its message', async () => {
    const onFailure = vi.fn();
    const handlers = makeHandlers({
      'app.info': () => {
        throw new Error('secret path /home/someone/diary.txt');
      },
    });
    const result = await dispatch(handlers, 'app.info', {}, onFailure);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'app.info failed' } });
    expect(onFailure).toHaveBeenCalledOnce();
    expect(JSON.stringify(result)).not.toContain('diary');
  });

  it('turns a rejected promise into an internal error', async () => {
    const handlers = makeHandlers({ 'app.info': () => Promise.reject(new Error('boom')) });
    expect(await dispatch(handlers, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses an answer that breaks the contract', async () => {
    const handlers = makeHandlers({
      'app.info': () => ({ name: 'Chorus' }) as unknown as ReturnType<Handlers['app.info']>,
    });
    expect(await dispatch(handlers, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'invalid_output' } });
  });
});

describe('app.ping', () => {
  it('answers and sends the matching pong event', async () => {
    const events = createEventHub();
    const received: unknown[] = [];
    events.subscribe((message) => received.push(message));
    const handlers = createHandlers({
      transport: 'electron',
      appName: 'Chorus',
      appVersion: '1.0.0',
      platform: 'darwin',
      dataDir: '/d',
      events,
      now: () => 5,
      secrets,
      ...unusedExportPorts,
    });
    expect(await dispatch(handlers, 'app.ping', { nonce: 'abc_1' })).toEqual({
      ok: true,
      value: { nonce: 'abc_1', receivedAt: 5 },
    });
    expect(received).toEqual([{ name: 'app.pong', payload: { nonce: 'abc_1', sentAt: 5 } }]);
  });
});
