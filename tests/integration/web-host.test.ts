import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../electron/shared/contract';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';

let host: TestWebHost;
const channels = Object.keys(contract);
let rendererDir: string;

/** A raw request, so tests can send what no browser would: a forged Host, a huge body. */
function send(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

beforeAll(async () => {
  rendererDir = await mkdtemp(path.join(os.tmpdir(), 'chorus-renderer-'));
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Chorus</title>');
  host = await startTestWebHost({ rendererDir });
});

afterAll(async () => {
  await host.close();
  await rm(rendererDir, { recursive: true, force: true });
});

describe('web host', () => {
  it('listens on loopback only and prints a URL carrying a fresh token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
  });

  it('serves the renderer with the Content-Security-Policy header', async () => {
    const response = await send({ path: '/' });
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('answers a call with the right token', async () => {
    const response = await send({ method: 'POST', path: '/api/call/app.info', headers: auth(), body: '{}' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      ok: true,
      value: { transport: 'web', paths: { data: host.dataDir } },
    });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { Authorization: 'Bearer wrong' }],
    ['a token of the right length but wrong', { Authorization: `Bearer ${'x'.repeat(43)}` }],
    ['another scheme', { Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
  ])('refuses a call with %s', async (_label, headers: Record<string, string>) => {
    const response = await send({
      method: 'POST',
      path: '/api/call/app.info',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  });

  describe('the token in the printed address', () => {
    const cookieName = () => `chorus-session-${host.port}`;
    const exchange = async () => {
      const response = await send({ path: `/?token=${host.token}` });
      const setCookie = response.headers['set-cookie'];
      const attributes = Array.isArray(setCookie) ? (setCookie[0] ?? '') : '';
      return { response, cookie: attributes.split(';')[0] ?? '', attributes };
    };
    const callWith = (headers: Record<string, string>) =>
      send({
        method: 'POST',
        path: '/api/call/app.info',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: '{}',
      });

    it('is traded for an HttpOnly, SameSite=Strict session cookie and a redirect to the bare address', async () => {
      const { response, cookie, attributes } = await exchange();
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(attributes).toMatch(/; HttpOnly(;|$)/);
      expect(attributes).toMatch(/; SameSite=Strict(;|$)/);
      expect(attributes).toMatch(/; Path=\/(;|$)/);
      expect(cookie.startsWith(`${cookieName()}=`)).toBe(true);
      // The session is not the token, so the cookie cannot open the printed address anywhere else.
      expect(cookie).not.toContain(host.token);
    });

    it('keeps the rest of the address', async () => {
      const response = await send({ path: `/library?token=${host.token}&view=list` });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/library?view=list');
    });

    it('lets calls with the session cookie through, and refuses a wrong or missing one', async () => {
      const { cookie } = await exchange();
      expect((await callWith({ Cookie: cookie })).status).toBe(200);
      expect((await callWith({ Cookie: `${cookieName()}=${'x'.repeat(43)}` })).status).toBe(401);
      expect((await callWith({ Cookie: `${cookieName()}=${host.token}` })).status).toBe(401);
      expect((await callWith({})).status).toBe(401);
      // A Bearer header is checked on its own: a wrong one is refused even beside the right cookie.
      expect((await callWith({ Cookie: cookie, Authorization: 'Bearer wrong' })).status).toBe(401);
    });

    it('gets no cookie and a plain refusal when the token is wrong', async () => {
      const response = await send({ path: `/?token=${'x'.repeat(43)}` });
      expect(response.status).toBe(401);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.body).toContain('Open the address the web host printed');
    });
  });

  it('refuses a forged Host header (DNS rebinding)', async () => {
    const response = await send({ path: '/', headers: { Host: 'evil.example:80' } });
    expect(response.status).toBe(403);
  });

  it('refuses a call from another origin even with the token', async () => {
    const response = await send({
      method: 'POST',
      path: '/api/call/app.info',
      headers: { ...auth(), Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });

  it.each([
    ['not JSON', '{nope', 400, 'invalid_input'],
    ['the wrong shape', '{"nonce": 7}', 400, 'invalid_input'],
    ['an unknown channel', '{}', 404, 'unknown_channel'],
  ])('gives a typed error for %s', async (label, body, status, code) => {
    const channel = label === 'an unknown channel' ? 'app.nothing' : 'app.ping';
    const response = await send({ method: 'POST', path: `/api/call/${channel}`, headers: auth(), body });
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code } });
  });

  it('requires a JSON body, so a plain form post cannot call the API', async () => {
    const response = await send({
      method: 'POST',
      path: '/api/call/app.info',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBe(400);
  });

  it('refuses a body over the size limit (32 MiB, room for a training pack of long resources)', async () => {
    const response = await send({
      method: 'POST',
      path: '/api/call/app.ping',
      headers: auth(),
      body: JSON.stringify({ nonce: 'x'.repeat(33 * 1024 * 1024) }),
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { message: 'The request is too large' } });
  });

  it('streams events to a subscriber with the token, and keeps running after bad requests', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.origin}/api/events`, {
      headers: { Authorization: `Bearer ${host.token}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    if (response.body === null) throw new Error('no event stream');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read();
    await fetch(`${host.origin}/api/call/app.ping`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ nonce: 'stream_test' }),
    });
    let text = '';
    while (!text.includes('stream_test')) text += (await reader.read()).value ?? '';
    expect(text).toContain('"name":"app.pong"');
    controller.abort();
    expect(host.failures).toEqual([]);
  });

  it('answers a malformed %-escape in the channel with a 404, not a failure', async () => {
    for (const channel of ['%', '%E0%A4%A', 'app.ping%ZZ', '%C0%80']) {
      const response = await send({ method: 'POST', path: `/api/call/${channel}`, headers: auth(), body: '{}' });
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(host.failures).toEqual([]);
  });

  it('answers anything sent to any channel with a clear 4xx or an answer, never a 500', async () => {
    const deep = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    const body = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.constant(deep),
      fc.constant(`{"document":${'{"content":['.repeat(5000)}{}${']}'.repeat(5000)}}`),
      fc.string({ unit: 'grapheme', maxLength: 80 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), body, async (channel, text) => {
        const response = await send({ method: 'POST', path: `/api/call/${channel}`, headers: auth(), body: text });
        expect(response.status === 200 || (response.status >= 400 && response.status < 500)).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(host.failures).toEqual([]);
  });

  it('refuses the event stream without the token', async () => {
    const response = await send({ path: '/api/events' });
    expect(response.status).toBe(401);
  });
});

describe('web host: privacy and data channels', () => {
  const call = async (channel: string, input: unknown) => {
    const response = await send({
      method: 'POST',
      path: `/api/call/${channel}`,
      headers: auth(),
      body: JSON.stringify(input),
    });
    return { status: response.status, envelope: JSON.parse(response.body) as unknown };
  };
  const value = async (channel: string, input: unknown = {}) => {
    const { status, envelope } = await call(channel, input);
    expect(status, channel).toBe(200);
    return (envelope as { value: unknown }).value;
  };
  const deviceKey = Buffer.alloc(32, 7).toString('base64');

  it('says plainly that browser mode can neither block screen capture nor remember the key', async () => {
    const status = {
      contentProtection: {
        supported: false,
        on: false,
        reason: 'Browser mode cannot block screen capture; use the desktop app.',
      },
      rememberKey: { available: false, remembered: false, reason: 'Only the desktop app can remember the key.' },
      spelling: {
        downloadNeeded: false,
        downloadAllowed: false,
        reason: 'In browser mode, your web browser checks spelling; Chorus downloads nothing for it.',
      },
    };
    expect(await value('privacy.status')).toEqual(status);
    expect(await value('privacy.setContentProtection', { on: true })).toEqual(status);
    expect(existsSync(path.join(host.dataDir, 'privacy.json'))).toBe(false);
    expect(await value('privacy.hideWindow')).toEqual({ hidden: false });
  });

  it('has no spelling dictionary to download, so keeps no choice about it', async () => {
    const status = (await value('privacy.setSpellingDownload', { on: true })) as { spelling: unknown };
    expect(status.spelling).toEqual({
      downloadNeeded: false,
      downloadAllowed: false,
      reason: 'In browser mode, your web browser checks spelling; Chorus downloads nothing for it.',
    });
    expect(existsSync(path.join(host.dataDir, 'privacy.json'))).toBe(false);
    const bad = await call('privacy.setSpellingDownload', { on: 'please' });
    expect(bad.status).toBe(400);
    expect(bad.envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses to remember a key, and refuses a malformed one outright', async () => {
    expect(await value('deviceKey.remember', { key: deviceKey })).toEqual({
      ok: false,
      message: 'Only the desktop app can remember the key.',
    });
    expect(await value('deviceKey.recall')).toEqual({ key: null });
    expect(await value('deviceKey.forget')).toEqual({ forgotten: true });
    const bad = await call('deviceKey.remember', { key: 'not-a-key' });
    expect(bad.status).toBe(400);
    expect(bad.envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('hands a saved file back as a download with the same bytes', async () => {
    const data = Buffer.from('PK\u0003\u0004 everything of mine').toString('base64');
    const file = { fileName: 'Chorus – everything of mine – 2026-11-23.zip', mimeType: 'application/zip', data };
    expect(await value('data.save', file)).toEqual({ outcome: 'download', ...file });
  });

  it('erases the repository settings and token, twice without complaint', async () => {
    const token = 'token-for-the-erase-test';
    const configured = await value('repository.configure', {
      kind: 'git',
      url: 'https://git.example/chorus.git',
      username: 'consultee',
      token,
    });
    expect(configured).toMatchObject({ ok: true, status: { hasToken: true } });
    const credentials = path.join(host.dataDir, 'credentials.json');
    expect(await readFile(credentials, 'utf8')).toContain(token);

    expect(await value('data.erase')).toEqual({ erased: true });
    expect(await value('data.erase')).toEqual({ erased: true });
    expect(existsSync(path.join(host.dataDir, 'repository.json'))).toBe(false);
    expect(await readFile(credentials, 'utf8')).not.toContain(token);
    expect(await value('repository.status')).toMatchObject({ remote: { kind: 'none' }, hasToken: false });
    expect(host.failures).toEqual([]);
  });
});
