import type PptxGenJS from 'pptxgenjs';
import { plainRun, type ListStyle } from '@core/document/export-blocks';
import type { Para } from './pieces';

type TextProps = PptxGenJS.TextProps;

const numberTypes: Record<Exclude<ListStyle, 'bullet'>, string> = {
  decimal: 'arabicPeriod',
  'lower-alpha': 'alphaLcPeriod',
  'upper-alpha': 'alphaUcPeriod',
  'lower-roman': 'romanLcPeriod',
  'upper-roman': 'romanUcPeriod',
};

export function runsOf(p: Para, last: boolean): TextProps[] {
  const props: TextProps[] = [];
  const inlines = p.inlines.length > 0 ? p.inlines : [plainRun(' ')];
  let breakBefore = false;
  inlines.forEach((inline) => {
    if (inline.kind === 'break') {
      breakBefore = true;
      return;
    }
    const options: TextProps['options'] = {
      bold: inline.bold || p.bold,
      italic: inline.italic,
      ...(inline.underline ? { underline: { style: 'sng' as const } } : {}),
      ...(inline.highlight ? { highlight: 'FFF1A8' } : {}),
      ...(inline.href === null ? {} : { hyperlink: { url: inline.href } }),
      ...(breakBefore ? { softBreakBefore: true } : {}),
    };
    breakBefore = false;
    props.push({ text: inline.text, options });
  });
  const [first] = props;
  if (first !== undefined) {
    first.options = {
      ...first.options,
      ...(p.level > 0 ? { indentLevel: p.level } : {}),
      ...(p.bullet === null ? {} : { bullet: bulletOf(p.bullet) }),
    };
  }
  const end = props[props.length - 1];
  if (end !== undefined && !last) end.options = { ...end.options, breakLine: true };
  return props;
}

function bulletOf(bullet: NonNullable<Para['bullet']>): NonNullable<NonNullable<TextProps['options']>['bullet']> {
  if (bullet.style === 'bullet') return true;
  // PptxGenJS 4.0.1 reads the numbering scheme from `style` (its documented `numberType` is not read yet).
  // Every item carries its own number, so a list continued on the next slide numbers on.
  const numbered: Record<string, unknown> = {
    type: 'number',
    numberType: numberTypes[bullet.style],
    style: numberTypes[bullet.style],
    numberStartAt: bullet.number,
  };
  return numbered;
}
