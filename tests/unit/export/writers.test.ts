import { describe, expect, it } from 'vitest';
import { cssString } from '../../../electron/services/export/html';
import { keepFirstParagraphProperties, notesAsParagraphs } from '../../../electron/services/export/pptx/repair';

describe('pieces of the writers', () => {
  it('writes any title as a CSS string that cannot close its style element', () => {
    expect(cssString('Plain')).toBe('"Plain"');
    expect(cssString('a "quoted" \\ title')).toBe('"a \\"quoted\\" \\\\ title"');
    expect(cssString('</style><script>')).not.toContain('<');
    expect(cssString('two\nlines')).toBe('"two\\a lines"');
  });

  it('keeps only the first paragraph properties of each slide paragraph', () => {
    const xml =
      '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr indent="0"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r></a:p>' +
      '<a:p><a:pPr/><a:r><a:t>c</a:t></a:r></a:p>';
    expect(keepFirstParagraphProperties(xml)).toBe(
      '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p>' +
        '<a:p><a:pPr/><a:r><a:t>c</a:t></a:r></a:p>',
    );
  });

  it('writes speaker notes as a paragraph per line', () => {
    const xml =
      '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>One &amp; two\r\n\r\nthree</a:t></a:r><a:endParaRPr lang="en-US" dirty="0"/></a:p></p:txBody>';
    expect(notesAsParagraphs(xml)).toBe(
      '<p:txBody><a:bodyPr/><a:lstStyle/>' +
        '<a:p><a:r><a:rPr lang="en-GB" dirty="0"/><a:t>One &amp; two</a:t></a:r></a:p>' +
        '<a:p><a:endParaRPr lang="en-GB" dirty="0"/></a:p>' +
        '<a:p><a:r><a:rPr lang="en-GB" dirty="0"/><a:t>three</a:t></a:r></a:p></p:txBody>',
    );
  });
});
