import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ExportFormat, ExportRequest } from '../../electron/shared/contract';
import type { DocumentNode } from '@core/repository/records';
import { makeVersion } from './repository';

const run = promisify(execFile);

/** A facilitator's name planted in every version's `approvals`: no export may ever show it. */
export const canary = 'Quillon Fenwick-Canary';
/** Review marks planted in the first document: neither the suggested words nor the thread id may show. */
export const reviewCanaries = ['SUGGESTED-INSERT-CANARY', 'THREAD-CANARY'] as const;

const text = (value: string, marks: string[] = []): DocumentNode =>
  marks.length === 0
    ? { type: 'text', text: value }
    : { type: 'text', text: value, marks: marks.map((type) => ({ type })) };
const p = (...content: DocumentNode[]): DocumentNode => ({ type: 'paragraph', content });
const h = (level: number, value: string): DocumentNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
const item = (value: string): DocumentNode => ({ type: 'listItem', content: [p(text(value))] });

/** A document with every kind of block Chorus has. */
export const beingHeardDocument: DocumentNode = {
  type: 'doc',
  content: [
    {
      type: 'contentWarning',
      content: [p(text('This part describes how grooming started, without graphic detail.'))],
    },
    p(
      text('Nobody asked me '),
      text('why', ['italic']),
      text(' I kept going missing. It was '),
      text('never about a choice', ['bold']),
      // Review marks never reach an approved version; if one did, an export must still not show it.
      { type: 'text', text: ' SUGGESTED-INSERT-CANARY', marks: [{ type: 'suggestionInsert', attrs: { id: 's1' } }] },
      { type: 'text', text: '.', marks: [{ type: 'comment', attrs: { threadId: 'THREAD-CANARY' } }] },
    ),
    h(2, 'What helped'),
    p(text('Three things made a difference:')),
    {
      type: 'bulletList',
      content: [item('Someone who listened first'), item('The same worker every week'), item('Being believed')],
    },
    {
      type: 'inMyWords',
      content: [p(text('I needed one adult to notice the new phone and ask gently.'))],
    },
    h(3, 'Steps for practitioners'),
    { type: 'orderedList', attrs: { start: 1 }, content: [item('Ask open questions'), item('Write down my words')] },
    p(
      text('Read more in the '),
      {
        type: 'text',
        text: 'practice guidance',
        marks: [{ type: 'link', attrs: { href: 'https://example.org/guide' } }],
      },
      text('.'),
    ),
    { type: 'chorusImage', attrs: { id: 'img1', alt: 'A drawing of a door left open' } },
    h(2, 'Signs that were missed'),
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [p(text('Sign'))] },
            { type: 'tableHeader', content: [p(text('What it meant'))] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [p(text('New phone'))] },
            { type: 'tableCell', content: [p(text('Someone was buying my silence'))] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [p(text('Older friends'))] },
            { type: 'tableCell', content: [p(text('They were not friends'))] },
          ],
        },
      ],
    },
  ],
};

const wishDocument: DocumentNode = {
  type: 'doc',
  content: [
    h(2, 'The first meeting'),
    p(text('I wish you knew how long it took me to trust anyone in a uniform. '.repeat(12).trim())),
    h(2, 'Language matters'),
    p(text('Words like '), text('risky lifestyle', ['highlight']), text(' put the blame on me.')),
    { type: 'blockquote', content: [p(text('Say what happened to me, not what I did.'))] },
    { type: 'horizontalRule' },
    { type: 'orderedList', attrs: { type: 'a' }, content: [item('Use plain words'), item('Name the harm')] },
  ],
};

const policeDocument: DocumentNode = {
  type: 'doc',
  content: [
    h(2, 'At the door'),
    p(text('The officer who found me spoke to me first, not to the adults in the room.')),
    h(2, 'Afterwards'),
    p(text('Please tell us what will happen next, and when.')),
  ],
};

export const titles = ['Being heard', 'What I wish you knew', 'Notes for police officers'] as const;
export const trainerNotes = [
  'Pause after the first section.\nAsk the group what they noticed.',
  'Give people time here. Offer a break before the quote.',
  'Link this to local missing-from-home procedures.',
] as const;

/** A realistic pack: three approved versions, trainer notes, an introduction and support contacts. */
export async function realisticRequest(
  format: ExportFormat,
  kind: 'pack' | 'resource' = 'pack',
): Promise<ExportRequest> {
  const documents = [beingHeardDocument, wishDocument, policeDocument];
  const warnings = [['Describes grooming', 'Mentions going missing'], ['Describes police contact'], []];
  const versions = await Promise.all(
    titles.map((title, index) =>
      makeVersion(`res-${index + 1}`, index + 2, {
        title,
        document: documents[index],
        contentWarnings: warnings[index] ?? [],
        facilitator: canary,
      }),
    ),
  );
  const items = versions.map((version, index) => ({ version, notes: trainerNotes[index] ?? '' }));
  return {
    format,
    kind,
    title: kind === 'pack' ? 'Listening to young people' : titles[0],
    description: 'A half-day session for new social care and police staff.',
    ...(kind === 'pack' ? { use: { audience: 'social-care' as const, purpose: 'training-sessions' as const } } : {}),
    introduction:
      'These resources were written by people with lived experience.\n\nPlease read them before the session.',
    sessionPlan: {
      contentWarnings: ['Describes grooming', 'Mentions going missing', 'Describes police contact'],
      support: [
        { name: 'Local support line', description: 'Free and confidential, every day.', contact: '0800 000 0000' },
        { name: 'Safeguarding lead', description: 'For concerns raised in the session.', contact: 'lead@example.org' },
      ],
    },
    items: kind === 'pack' ? items : items.slice(0, 1),
  };
}

/** One file out of a zip (a .docx or .pptx), with Info-ZIP's `unzip`, as an independent reader. */
export async function unzipText(file: string, member: string): Promise<string> {
  // unzip reads member names as wildcard patterns; "[Content_Types].xml" must match itself.
  const pattern = member.replace(/[[*?]/g, '[$&]');
  const { stdout } = await run('unzip', ['-p', file, pattern], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function zipMembers(file: string): Promise<string[]> {
  const { stdout } = await run('unzip', ['-Z1', file], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.split('\n').filter((line) => line !== '');
}

/** Converts with LibreOffice in a private profile, so runs never share or lock a user profile. */
export async function sofficeToPdf(input: string, timeoutMs = 60_000): Promise<string> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'chorus-soffice-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(work, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        input,
      ],
      { timeout: timeoutMs },
    );
    const pdf = (await readdir(work)).find((name) => name.endsWith('.pdf'));
    if (pdf === undefined) throw new Error(`LibreOffice made no PDF of ${path.basename(input)}`);
    const target = input.replace(/\.[^.]+$/, '.soffice.pdf');
    await writeFile(target, await readFile(path.join(work, pdf)));
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', file]);
  const info: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined) info[match[1].trim()] = match[2]?.trim() ?? '';
  }
  return info;
}
