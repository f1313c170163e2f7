import type { Inline } from '@core/document/export-blocks';
import type { Para } from './pieces';
import { inset, lineSpacing, paraSpaceAfter } from './theme';

// Estimates of how much room text takes. Arial's average character is about half its size wide;
// a little more is allowed so text stays inside its box.
export function charactersPerLine(widthInches: number, size: number): number {
  return Math.max(10, Math.floor((widthInches * 72 - 2 * inset) / (size * 0.5)));
}

export function lineHeight(size: number): number {
  return (size * lineSpacing) / 72;
}

function paraLines(p: Para, widthInches: number, size: number): number {
  const indent = p.bullet === null && p.level === 0 ? 0 : 0.375 * (p.level + 1);
  const perLine = charactersPerLine(widthInches - indent, size);
  let lines = 0;
  let current = 0;
  for (const inline of p.inlines) {
    if (inline.kind === 'break') {
      lines += Math.max(1, Math.ceil(current / perLine));
      current = 0;
    } else {
      current += inline.text.length;
    }
  }
  return lines + Math.max(1, Math.ceil(current / perLine));
}

export function parasHeight(paras: readonly Para[], widthInches: number, size: number): number {
  const lines = paras.reduce((sum, p) => sum + paraLines(p, widthInches, size), 0);
  return lines * lineHeight(size) + (paras.length * paraSpaceAfter) / 72 + (2 * inset) / 72;
}

/** Splits a paragraph too long for one slide at sentence ends (or spaces), keeping its marks. */
export function splitLongPara(p: Para, maxLines: number, widthInches: number, size: number): Para[] {
  if (paraLines(p, widthInches, size) <= maxLines) return [p];
  const budget = charactersPerLine(widthInches, size) * maxLines;
  const parts: Para[] = [];
  let current: Inline[] = [];
  let length = 0;
  const flush = () => {
    if (current.length > 0) parts.push({ ...p, inlines: current, bullet: parts.length === 0 ? p.bullet : null });
    current = [];
    length = 0;
  };
  for (const inline of p.inlines) {
    if (inline.kind === 'break') {
      current.push(inline);
      continue;
    }
    const pieces = inline.text.match(/[^.!?]+[.!?]+\s*|\S+\s*|\s+/g) ?? [inline.text];
    for (const piece of pieces) {
      if (length + piece.length > budget && length > 0) flush();
      current.push({ ...inline, text: piece });
      length += piece.length;
    }
  }
  flush();
  return parts;
}
