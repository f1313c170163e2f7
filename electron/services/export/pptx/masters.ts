import type PptxGenJS from 'pptxgenjs';
import { colours, contentWidth, font, margin } from './theme';

export type Presentation = InstanceType<typeof PptxGenJS>;

export const masters = { title: 'CHORUS_TITLE', content: 'CHORUS_CONTENT' } as const;

export function defineMasters(pptx: Presentation, footer: string): void {
  const footerText = {
    text: {
      text: footer,
      options: { x: margin, y: 7.0, w: 10.5, h: 0.35, fontFace: font, fontSize: 12, color: colours.muted },
    },
  };
  pptx.defineSlideMaster({
    title: masters.title,
    background: { color: 'FFFFFF' },
    objects: [
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: margin,
            y: 0.5,
            w: contentWidth,
            h: 1.8,
            fontFace: font,
            fontSize: 36,
            bold: true,
            color: colours.text,
            align: 'left',
            valign: 'bottom',
          },
          text: '',
        },
      },
      footerText,
    ],
    slideNumber: {
      x: 12.1,
      y: 7.0,
      w: 0.7,
      h: 0.35,
      fontFace: font,
      fontSize: 12,
      color: colours.muted,
      align: 'right',
    },
  });
  pptx.defineSlideMaster({
    title: masters.content,
    background: { color: 'FFFFFF' },
    objects: [
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: margin,
            y: 0.35,
            w: contentWidth,
            h: 0.95,
            fontFace: font,
            fontSize: 28,
            bold: true,
            color: colours.text,
            align: 'left',
            valign: 'middle',
          },
          text: '',
        },
      },
      footerText,
    ],
    slideNumber: {
      x: 12.1,
      y: 7.0,
      w: 0.7,
      h: 0.35,
      fontFace: font,
      fontSize: 12,
      color: colours.muted,
      align: 'right',
    },
  });
}
