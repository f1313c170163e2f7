import PptxGenJS from 'pptxgenjs';
import { plainRun, type Inline } from '@core/document/export-blocks';
import { trainerNotesTitle, type ExportOutline } from '../outline';
import { defineMasters, masters, type Presentation } from './masters';
import { factPieces, notesText, para, sectionsOf, piecesOf, summaryPiece, textPara, type TextPiece } from './pieces';
import { repairPresentation } from './repair';
import { SlideFlow, type Slide } from './slide-flow';
import { font, titleSlideContentTop } from './theme';

/**
 * The export as a presentation: a title slide with the export's content warnings, then per
 * resource a title slide (title, content warnings, then its summary and details while they fit
 * there whole, the rest on an "About" slide) and a slide for each
 * section of its document, split at the document's headings and continued on further slides when
 * long. Titles are in each slide's title placeholder, so screen readers and the outline see them;
 * the trainer notes of a resource are in the speaker notes of each of its slides. The file's
 * author and company are "Chorus".
 */
export async function writePptx(outline: ExportOutline): Promise<Uint8Array> {
  const pptx: Presentation = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = outline.title;
  pptx.author = 'Chorus';
  pptx.company = 'Chorus';
  pptx.subject = '';
  pptx.revision = '1';
  pptx.theme = { headFontFace: font, bodyFontFace: font };
  defineMasters(pptx, outline.title);

  let notes = '';
  const addSlide = (master: string, title: string): Slide => {
    const slide = pptx.addSlide({ masterName: master });
    slide.addText(title, { placeholder: 'title', lang: 'en-GB' });
    if (notes !== '') slide.addNotes(`${trainerNotesTitle}\n\n${notes}`);
    return slide;
  };
  const contentSlide = (title: string) => addSlide(masters.content, title);

  for (const part of outline.parts) {
    switch (part.kind) {
      case 'cover': {
        notes = '';
        const slide = addSlide(masters.title, part.title);
        const flow = new SlideFlow(contentSlide, part.title, { slide, top: titleSlideContentTop });
        const description = part.description.map((inlines) => para(inlines));
        flow.add({
          kind: 'text',
          frame: null,
          label: null,
          paras: [
            textPara(part.label, { bold: true }),
            ...(part.use === '' ? [] : [textPara(part.use, { bold: true })]),
            ...description,
          ],
        });
        if (part.contentWarnings.length > 0) {
          flow.add({
            kind: 'text',
            frame: 'warning',
            label: 'Content warnings',
            paras: part.contentWarnings.map((warning) => textPara(warning, { bullet: { style: 'bullet', number: 1 } })),
          });
        }
        if (outline.kind === 'pack') {
          const contents = new SlideFlow(contentSlide, 'Contents');
          contents.add({
            kind: 'text',
            frame: null,
            label: null,
            paras: part.resources.map((resource, index) =>
              para(
                [
                  { ...plainRun(resource.title), bold: true },
                  { kind: 'break' },
                  plainRun([resource.version, resource.attribution].filter((text) => text !== '').join('. ')),
                ],
                { bullet: { style: 'decimal', number: index + 1 } },
              ),
            ),
          });
        }
        break;
      }
      case 'session-plan': {
        notes = '';
        const flow = new SlideFlow(contentSlide, part.title);
        if (part.contentWarnings.length > 0) {
          flow.add({
            kind: 'text',
            frame: 'warning',
            label: 'Content warnings in this session',
            paras: part.contentWarnings.map((warning) => textPara(warning, { bullet: { style: 'bullet', number: 1 } })),
          });
        }
        if (part.support.length > 0) {
          flow.add({
            kind: 'text',
            frame: null,
            label: 'Support',
            paras: part.support.map((contact) =>
              para(
                [
                  { ...plainRun(contact.name), bold: true },
                  ...[contact.description, contact.contact]
                    .filter((line) => line !== '')
                    .flatMap((line): Inline[] => [{ kind: 'break' }, plainRun(line)]),
                ],
                { bullet: { style: 'bullet', number: 1 } },
              ),
            ),
          });
        }
        break;
      }
      case 'introduction': {
        notes = '';
        new SlideFlow(contentSlide, part.title).add({
          kind: 'text',
          frame: null,
          label: null,
          paras: part.paragraphs.map((inlines) => para(inlines)),
        });
        break;
      }
      case 'resource': {
        notes = notesText(part);
        const slide = addSlide(masters.title, part.title);
        const flow = new SlideFlow(contentSlide, part.title, { slide, top: titleSlideContentTop });
        // Whole pieces only: the credit, the summary, then the details, on the title slide while they fit; what
        // does not fit goes to one "About" slide, so no "(continued)" slide holds the end of a summary.
        const { warnings, credit, details } = factPieces(part.facts);
        if (warnings !== null) flow.add(warnings);
        const about: TextPiece[] = [];
        for (const piece of [credit, summaryPiece(part.facts), details]) {
          if (piece === null) continue;
          if (about.length === 0 && flow.fits(piece)) flow.add(piece);
          else about.push(piece);
        }
        if (about.length > 0) {
          const aboutFlow = new SlideFlow(contentSlide, `About “${part.title}”`);
          for (const piece of about) aboutFlow.add(piece);
        }
        for (const section of sectionsOf(part)) {
          const sectionFlow = new SlideFlow(contentSlide, section.title);
          const pieces = piecesOf(section.blocks);
          for (const piece of pieces) sectionFlow.add(piece);
        }
        break;
      }
    }
  }
  const output = await pptx.write({ outputType: 'uint8array', compression: false });
  if (!(output instanceof Uint8Array)) throw new Error('PptxGenJS did not return bytes');
  return repairPresentation(output);
}
