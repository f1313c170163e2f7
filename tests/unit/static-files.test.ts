import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticFiles } from '../../electron/services/static-files';

let dir: string;
let root: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'chorus-static-'));
  root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'data.bin'), 'binary');
  await writeFile(path.join(dir, 'secret.txt'), 'outside');
  await symlink(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('static files', () => {
  it('serves index.html for the root, with the security headers', async () => {
    const response = await createStaticFiles(root).read('/');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(response.headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(response.body.toString()).toContain('<title>x</title>');
  });

  it('serves a file inside the folder with its type', async () => {
    const response = await createStaticFiles(root).read('/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/link.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/assets//app.js',
    '/assets/',
    '/missing.js',
    '/assets/data.bin',
  ])('answers 404 for %s', async (urlPath) => {
    const response = await createStaticFiles(root).read(urlPath);
    expect(response.status).toBe(404);
    expect(response.body.toString()).not.toContain('outside');
  });
});
