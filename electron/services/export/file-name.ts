import type { ExportFormat, ExportRequest } from '../../shared/contract';

export const fileExtensions: Readonly<Record<ExportFormat, string>> = {
  docx: 'docx',
  pdf: 'pdf',
  pptx: 'pptx',
  html: 'html',
};

export const mimeTypes: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  html: 'text/html',
};

/** Names Windows keeps for devices, with or without an extension. */
const reservedNames = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Characters no common file system allows, or that would change what the name means. */
// eslint-disable-next-line no-control-regex
const forbidden = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/**
 * Characters that do not show but change how a name reads: bidirectional overrides (which can make
 * "exe.docx" look like "xcod.exe"), zero-width and other format characters, unassigned and private
 * characters, and halves of broken surrogate pairs.
 */
const invisible = /[\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** Leaves room for a folder path, the suffix and the extension within the usual 255-byte limits. */
const maxStemCharacters = 120;

function truncate(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : characters.slice(0, max).join('');
}

/**
 * A file name for an export, safe on Windows, macOS and Linux: "Being heard – training pack.docx".
 * Characters file systems refuse, invisible characters, leading dots and trailing dots or spaces
 * are removed, spaces are collapsed, and device names such as "CON" get a suffix. A title that
 * leaves nothing becomes "Chorus export".
 */
export function exportFileName(title: string, kind: ExportRequest['kind'], format: ExportFormat): string {
  let stem = title.normalize('NFC').replace(invisible, '').replace(forbidden, ' ').replace(/\s+/g, ' ').trim();
  stem = truncate(stem, maxStemCharacters)
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (stem === '') stem = 'Chorus export';
  if (kind === 'pack') stem = `${stem} – training pack`;
  if (reservedNames.test(stem)) stem = `${stem} (export)`;
  return `${stem}.${fileExtensions[format]}`;
}
