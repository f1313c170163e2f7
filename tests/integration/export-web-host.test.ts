import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, pdfInfo, pdfText, realisticRequest, unzipText } from '../helpers/export';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';

let host: TestWebHost;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'chorus-export-host-'));
  await writeFile(path.join(work, 'index.html'), '<!doctype html><title>Chorus</title>');
  host = await startTestWebHost({ rendererDir: work });
});

afterAll(async () => {
  await host.close();
  await rm(work, { recursive: true, force: true });
});

async function call(channel: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${host.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

interface Download {
  outcome: 'download';
  fileName: string;
  mimeType: string;
  data: string;
}

async function download(format: 'pdf' | 'docx'): Promise<{ answer: Download; file: string }> {
  const { status, json } = await call('export.create', await realisticRequest(format));
  expect(status).toBe(200);
  const envelope = json as { ok: boolean; value: Download };
  expect(envelope.ok).toBe(true);
  const file = path.join(work, `download.${format}`);
  await writeFile(file, Buffer.from(envelope.value.data, 'base64'));
  return { answer: envelope.value, file };
}

describe('export through the web host', () => {
  it('answers a PDF export with a download printed by the system Chromium', async () => {
    const { answer, file } = await download('pdf');
    expect(answer).toMatchObject({
      outcome: 'download',
      fileName: 'Listening to young people – training pack.pdf',
      mimeType: 'application/pdf',
    });
    const info = await pdfInfo(file);
    expect(info.Tagged).toBe('yes');
    // The browser's name and version and the computer's system are nobody's business.
    expect(info.Creator).toBe('Chorus');
    expect(JSON.stringify(info)).not.toMatch(/Mozilla|HeadlessChrome|Linux|X11/);
    const text = await pdfText(file);
    expect(text).toContain('Being heard');
    expect(text).not.toContain(canary);
    expect(host.failures).toEqual([]);
  });

  it('answers a Word export with a download', async () => {
    const { answer, file } = await download('docx');
    expect(answer).toMatchObject({
      outcome: 'download',
      fileName: 'Listening to young people – training pack.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(await unzipText(file, 'word/document.xml')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(host.failures).toEqual([]);
  });

  it('refuses a request the contract does not allow, without exporting anything', async () => {
    const request = await realisticRequest('pdf');
    const { status, json } = await call('export.create', { ...request, format: 'exe', items: [] });
    expect(status).toBe(400);
    expect(json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
