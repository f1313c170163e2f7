import { renderExportHtml } from './html';
import type { ExportOutline } from './outline';
import type { Printer } from './ports';

/** The HTML that is printed: the HTML export with the print stylesheet and a running header. */
export function renderPrintHtml(outline: ExportOutline, printStyles: string): string {
  return renderExportHtml(outline, { printStyles });
}

/** A PDF of the export through Chromium's print engine. Its title is the page's `<title>`; it names no author. */
export function writePdf(outline: ExportOutline, printer: Printer, printStyles: string): Promise<Uint8Array> {
  return printer.print(renderPrintHtml(outline, printStyles));
}
