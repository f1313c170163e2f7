import type PptxGenJS from 'pptxgenjs';
import { colours, contentWidth, font, margin } from './theme';

export type Presentation = InstanceType<typeof PptxGenJS>;

export const masters = { title: 'CHORUS_TITLE', content: 'CHORUS_CONTENT' } as const;

/** The title slide's large title sits low; a content slide's smaller one sits at the top. */
const titleBoxes = {
  title: { y: 0.5, h: 1.8, fontSize: 36, valign: 'bottom' },
  content: { y: 0.35, h: 0.95, fontSize: 28, valign: 'middle' },
} as const;

export function defineMasters(pptx: Presentation, footer: string): void {
  const footerText = {
    text: {
      text: footer,
      options: { x: margin, y: 7.0, w: 10.5, h: 0.35, fontFace: font, fontSize: 12, color: colours.muted },
    },
  };
  for (const kind of ['title', 'content'] as const) {
    const { y, h, fontSize, valign } = titleBoxes[kind];
    pptx.defineSlideMaster({
      title: masters[kind],
      background: { color: 'FFFFFF' },
      objects: [
        {
          placeholder: {
            options: {
              name: 'title',
              type: 'title',
              x: margin,
              y,
              w: contentWidth,
              h,
              fontFace: font,
              fontSize,
              bold: true,
              color: colours.text,
              align: 'left',
              valign,
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
}
