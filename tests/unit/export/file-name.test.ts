import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../electron/services/export/file-name';

describe('the file name of an export', () => {
  it.each([
    ['Being heard', 'pack', 'docx', 'Being heard – training pack.docx'],
    ['Being heard', 'resource', 'pdf', 'Being heard.pdf'],
    ['What/I\\wish: you*knew?', 'resource', 'html', 'What I wish you knew.html'],
    ['  ..hidden  ', 'resource', 'pptx', 'hidden.pptx'],
    ['trailing dots...', 'resource', 'pdf', 'trailing dots.pdf'],
    ['CON', 'resource', 'docx', 'CON (export).docx'],
    ['lpt1.txt', 'resource', 'docx', 'lpt1.txt (export).docx'],
    ['', 'pack', 'pdf', 'Chorus export – training pack.pdf'],
    ['<>:"|?*', 'resource', 'pdf', 'Chorus export.pdf'],
    ['harmless\u202Excod.exe', 'resource', 'pdf', 'harmlessxcod.exe.pdf'],
    ['tab\tand\nnew line', 'resource', 'pdf', 'tab and new line.pdf'],
  ] as const)('makes %j (%s, %s) into %j', (title, kind, format, expected) => {
    expect(exportFileName(title, kind, format)).toBe(expected);
  });

  it('keeps long titles to 120 characters before the suffix, without splitting a character', () => {
    const name = exportFileName('😀'.repeat(200), 'resource', 'pdf');
    expect(Array.from(name.replace(/\.pdf$/, ''))).toHaveLength(120);
    expect(name).not.toMatch(/\uD83D$/);
  });

  it('is always a plain, safe name with the right extension', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom('pack' as const, 'resource' as const),
        fc.constantFrom('docx' as const, 'pdf' as const, 'pptx' as const, 'html' as const),
        (title, kind, format) => {
          const name = exportFileName(title, kind, format);
          expect(name.endsWith(`.${format}`)).toBe(true);
          // eslint-disable-next-line no-control-regex
          expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
          expect(name).not.toMatch(/^[\s.]/);
          expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.[^.]*)?\.[a-z]+$/i);
          expect(Array.from(name).length).toBeLessThanOrEqual(120 + ' – training pack.pptx'.length);
          // No half of a surrogate pair is left on its own.
          expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        },
      ),
    );
  });
});
