import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutline } from '../../electron/services/export/outline';
import type { ExportFile } from '../../electron/services/export/ports';
import { writePptx } from '../../electron/services/export/pptx/write';
import { createExportService, type ExportService } from '../../electron/services/export/service';
import type { ExportFormat } from '../../electron/shared/contract';
import { createChromiumPrinter, type ChromiumPrinter } from '../../electron/web-host/printer';
import { chromiumPath } from '../helpers/chromium';
import {
  canary,
  pdfInfo,
  pdfText,
  realisticRequest,
  reviewCanaries,
  sofficeToPdf,
  titles,
  trainerNotes,
  unzipText,
  zipMembers,
} from '../helpers/export';
import { resourcesDir } from '../helpers/export-ports';

let work: string;
let printer: ChromiumPrinter;
let service: ExportService;
const saved: ExportFile[] = [];
const failures: unknown[] = [];

/** Whatever a format contains as text, for the checks every export must pass. */
const everything = new Map<ExportFormat, string>();

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'chorus-export-'));
  printer = createChromiumPrinter({ executablePath: chromiumPath });
  service = createExportService({
    printer,
    resourcesDir,
    saveExport: {
      save(file) {
        saved.push(file);
        return Promise.resolve({ outcome: 'saved', fileName: file.fileName });
      },
    },
    onFailure: (_where, error) => failures.push(error),
  });
});

afterAll(async () => {
  await printer.close();
  await rm(work, { recursive: true, force: true });
});

/** Exports the realistic pack and writes the file where the independent readers can open it. */
async function exportPack(format: ExportFormat): Promise<string> {
  const request = await realisticRequest(format);
  // The names and marks the exports must leave out are really there to be left out.
  expect(JSON.stringify(request)).toContain(canary);
  for (const mark of reviewCanaries) expect(JSON.stringify(request)).toContain(mark);
  const answer = await service.create(request);
  expect(failures).toEqual([]);
  expect(answer).toEqual({ outcome: 'saved', fileName: `Listening to young people – training pack.${format}` });
  const file = saved.at(-1);
  if (file === undefined) throw new Error('nothing was saved');
  const target = path.join(work, `pack.${format}`);
  await writeFile(target, file.bytes);
  return target;
}

/** Each slide of a .pptx in order, with the text of its title placeholder and of the whole slide. */
async function slidesOf(file: string): Promise<{ title: string; text: string; xml: string }[]> {
  const slideNames = (await zipMembers(file))
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  const textOf = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => match[1]).join('');
  return Promise.all(
    slideNames.map(async (name) => {
      const xml = await unzipText(file, name);
      const shapes = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((match) => match[1] ?? '');
      const titled = shapes.filter((shape) => /<p:ph\b[^>]*type="title"/.test(shape));
      expect(titled).toHaveLength(1);
      return { title: textOf(titled[0] ?? ''), text: textOf(xml), xml };
    }),
  );
}

async function allZipText(file: string): Promise<string> {
  const members = (await zipMembers(file)).filter((name) => /\.(xml|rels)$/.test(name));
  return (await Promise.all(members.map((name) => unzipText(file, name)))).join('\n');
}

/** The text of the `<w:t>` runs of Word XML, joined, so words split across runs still match. */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}

describe('export to Word', () => {
  it('uses real headings, lists and tables, puts warnings first and trainer notes apart, and opens in LibreOffice', async () => {
    const file = await exportPack('docx');
    const document = await unzipText(file, 'word/document.xml');
    expect(document).toContain('<w:pStyle w:val="Title"/>');
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(document).toContain('<w:pStyle w:val="Heading3"/>');
    expect(document).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(document).toContain('<w:tbl>');
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:hyperlink');

    const styles = await unzipText(file, 'word/styles.xml');
    expect(styles).toMatch(/w:styleId="Heading1">[\s\S]*?<w:outlineLvl w:val="0"\/>/);
    expect(styles).toMatch(/w:styleId="Heading2">[\s\S]*?<w:outlineLvl w:val="1"\/>/);
    const numbering = await unzipText(file, 'word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:numFmt w:val="lowerLetter"/>');

    const words = wordText(document);
    const resource = words.slice(words.indexOf('Being heardContent warnings'));
    expect(resource.indexOf('Describes grooming')).toBeGreaterThan(0);
    expect(resource.indexOf('Describes grooming')).toBeLessThan(resource.indexOf('Written under the name Sam'));
    expect(resource.indexOf('Written under the name Sam')).toBeLessThan(resource.indexOf('Nobody asked me'));
    expect(resource.indexOf('Nobody asked me')).toBeLessThan(resource.indexOf('Trainer notes'));
    expect(words).toContain('Picture: A drawing of a door left open');
    // Trainer notes are a section of their own: a section break comes just before their heading.
    expect(document).toMatch(
      /<w:sectPr>(?:(?!<w:p>).)*<\/w:sectPr><\/w:pPr><\/w:p><w:p><w:pPr><w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t xml:space="preserve">Trainer notes/,
    );

    const core = await unzipText(file, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Listening to young people</dc:title>');
    expect(core).toContain('<dc:creator>Chorus</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Chorus</cp:lastModifiedBy>');
    expect(core).not.toMatch(/<dc:(subject|description)>|<cp:keywords>/);

    everything.set('docx', await allZipText(file));

    const pdf = await sofficeToPdf(file);
    const text = await pdfText(pdf);
    for (const title of titles) expect(text).toContain(title);
    expect(text).toContain('Trainer notes');
    expect(text).toContain('Someone who listened first');
    expect(text).toContain('They were not friends');
  });
});

describe('export to PowerPoint', () => {
  it('keeps a summary whole, on the title slide or an "About" slide, never alone on a "(continued)" slide', async () => {
    const request = await realisticRequest('pptx');
    const short = 'Young people say what helped them speak up.';
    const long = 'Young people told us what helped them to speak up and what made it harder. '.repeat(4).trim();
    const summaries = [short, long, 'What officers can do at the door.'];
    request.items.forEach((item, index) => {
      item.version.content.summary = summaries[index] ?? '';
    });
    const file = path.join(work, 'summaries.pptx');
    await writeFile(file, await writePptx(buildOutline(request)));
    const slides = await slidesOf(file);
    for (const [index, title] of titles.entries()) {
      const summary = summaries[index] ?? '';
      const holding = slides.filter((slide) => slide.text.includes(summary));
      expect(
        holding.map((slide) => slide.title),
        title,
      ).toHaveLength(1);
      expect([title, `About “${title}”`]).toContain(holding[0]?.title);
      expect(slides.map((slide) => slide.title)).not.toContain(`${title} (continued)`);
    }
    // A short summary sits on the title slide, with the credit.
    const first = slides.find((slide) => slide.title === titles[0]);
    expect(first?.text).toContain(short);
    expect(first?.text).toContain('Written under the name Sam');
  });

  it('titles every slide in its title placeholder, puts trainer notes in the speaker notes and opens in LibreOffice', async () => {
    const file = await exportPack('pptx');
    const members = await zipMembers(file);
    const slideList = await slidesOf(file);
    const slides = slideList.map((slide) => slide.xml);
    const slideTitles = slideList.map((slide) => slide.title);
    expect(slideTitles[0]).toBe('Listening to young people');
    for (const title of [...titles, 'Session plan', 'Introduction', 'What helped', 'Signs that were missed']) {
      expect(slideTitles).toContain(title);
    }
    // The resource's title slide: its content warnings come before its attribution.
    const beingHeard = slides[slideTitles.indexOf('Being heard')] ?? '';
    expect(beingHeard.indexOf('Describes grooming')).toBeGreaterThan(0);
    expect(beingHeard.indexOf('Describes grooming')).toBeLessThan(beingHeard.indexOf('Written under the name Sam'));
    // The schema allows paragraph properties only once, at the start of a paragraph.
    for (const xml of slides) {
      for (const [, paragraph] of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        expect((paragraph ?? '').split('<a:pPr').length).toBeLessThanOrEqual(2);
        if ((paragraph ?? '').includes('<a:pPr')) expect(paragraph).toMatch(/^<a:pPr/);
      }
    }
    expect(slides.join('')).toMatch(/<p:pic>[\s\S]*?descr="Picture: A drawing of a door left open"/);

    const notes = await Promise.all(
      members
        .filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name))
        .map((name) => unzipText(file, name)),
    );
    const allNotes = notes.join('\n');
    for (const line of trainerNotes.flatMap((note) => note.split('\n'))) expect(allNotes).toContain(line);
    expect(notes.filter((xml) => xml.includes('Pause after the first section.')).length).toBeGreaterThanOrEqual(4);

    const core = await unzipText(file, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Listening to young people</dc:title>');
    expect(core).toContain('<dc:creator>Chorus</dc:creator>');
    expect(core).toContain('<dc:subject></dc:subject>');
    expect(await unzipText(file, 'docProps/app.xml')).toContain('<Company>Chorus</Company>');

    everything.set('pptx', await allZipText(file));

    const text = await pdfText(await sofficeToPdf(file));
    for (const title of titles) expect(text).toContain(title);
    expect(text).toContain('Ask open questions');
  });
});

describe('export to PDF', () => {
  it('prints a tagged A4 PDF with an outline, titled, without an author, warnings before the words', async () => {
    const file = await exportPack('pdf');
    const info = await pdfInfo(file);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Listening to young people');
    expect(info.Author ?? 'Chorus').toBe('Chorus');
    expect(info['Page size']).toContain('(A4)');
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(8);
    expect((await readFile(file)).toString('latin1')).toContain('/Outlines');

    const text = await pdfText(file);
    for (const title of titles) expect(text).toContain(title);
    const start = text.indexOf('Content warnings: Describes grooming');
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThan(text.indexOf('Written under the name Sam', start));
    expect(text.indexOf('Written under the name Sam', start)).toBeLessThan(text.indexOf('Nobody asked me'));
    expect(text).toMatch(/Page 2 of \d+/);
    expect(text).toContain('Trainer notes');
    expect(text).toContain('Picture: A drawing of a door left open');
    everything.set('pdf', `${text}\n${JSON.stringify(info)}`);
  });
});

describe('export to HTML', () => {
  it('is one self-contained, accessible page: en-GB, no scripts or outside requests, headings in order', async () => {
    const file = await exportPack('html');
    const html = await readFile(file, 'utf8');
    everything.set('html', html);
    const window = new Window();
    try {
      const { document } = window;
      document.write(html);
      expect(document.documentElement.getAttribute('lang')).toBe('en-GB');
      const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
      expect(policy).toContain("default-src 'none'");
      expect(policy).not.toContain('script-src');
      expect(document.querySelectorAll('script, iframe, object, embed, link, img, base, form')).toHaveLength(0);
      expect(document.querySelectorAll('[src], [srcset], [style*="url("]')).toHaveLength(0);
      for (const link of document.querySelectorAll('a[href]')) {
        const href = link.getAttribute('href') ?? '';
        if (href.startsWith('#')) {
          expect(document.getElementById(href.slice(1)), href).not.toBeNull();
        } else {
          expect(href).toMatch(/^(https?:\/\/|mailto:)/);
          expect(link.closest('.chorus-document')).not.toBeNull();
        }
      }
      for (const style of document.querySelectorAll('style')) expect(style.textContent).not.toMatch(/url\(|@import/);
      expect(html).toContain("aside[data-type='content-warning']::before");
      expect(html).toContain("figure[data-type='in-my-words']::before");

      const skip = document.querySelector('a');
      expect(skip?.textContent).toBe('Skip to content');
      expect(skip?.getAttribute('href')).toBe('#content');
      expect(document.querySelector('main')?.id).toBe('content');
      expect([...document.querySelectorAll('nav a')].map((link) => link.textContent)).toEqual([
        'Session plan',
        'Introduction',
        ...titles,
      ]);

      const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) =>
        Number(heading.tagName[1]),
      );
      expect(levels[0]).toBe(1);
      expect(levels.filter((level) => level === 1)).toHaveLength(1);
      levels.forEach((level, index) => expect(level).toBeLessThanOrEqual((levels[index - 1] ?? 0) + 1));

      for (const article of document.querySelectorAll('article.resource')) {
        const parts = [...article.children].map((child) => child.className || child.tagName.toLowerCase());
        expect(parts.slice(0, 3)).toEqual(['h2', 'lead', 'chorus-document']);
        const lead = article.querySelector('.lead');
        if (article.id !== 'resource-3') expect(lead?.firstElementChild.className).toBe('warnings');
        expect(article.querySelector('.trainer-notes h3')?.textContent).toBe('Trainer notes');
      }
    } finally {
      await window.happyDOM.close();
    }
  });
});

describe('every export', () => {
  it('says who the pack is for and how it will be used', () => {
    for (const [format, content] of everything) {
      expect(content, format).toContain('For Social care, in training sessions led by a trainer');
    }
  });

  it('carries no facilitator name, review marks or file paths, in content or metadata', () => {
    expect([...everything.keys()].sort()).toEqual(['docx', 'html', 'pdf', 'pptx']);
    for (const [format, content] of everything) {
      expect(content, format).not.toContain(canary);
      for (const mark of reviewCanaries) expect(content, format).not.toContain(mark);
      expect(content, format).not.toContain(work);
      expect(content, format).not.toContain(os.tmpdir());
      expect(content, format).not.toContain(os.homedir());
      expect(content, format).not.toContain(resourcesDir);
    }
  });
});
