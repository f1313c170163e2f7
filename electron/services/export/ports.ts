import type { ChannelOutput } from '../../shared/contract';

/**
 * Chromium's print engine: a hidden, sandboxed window without JavaScript in Electron
 * (`electron/main/adapters/printer.ts`), the system Chromium through playwright-core in the web
 * host (`electron/web-host/printer.ts`). It prints A4 with the page's own `@page` rules, a tagged
 * PDF with an outline from the headings, and the page's `<title>` as the PDF's title.
 */
export interface Printer {
  print(html: string): Promise<Uint8Array>;
}

/** A finished export, ready to hand over. */
export interface ExportFile {
  /** A safe base name with its extension, such as "Being heard – training pack.docx". */
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** What handing over an export can come to; a failure is thrown and becomes `failed`. */
export type SaveOutcome = Exclude<ChannelOutput<'export.create'>, { outcome: 'failed' }>;

/**
 * Hands a finished export to the person: the save dialog and a file written by the main process in
 * Electron (`saved` with the base name only, or `cancelled`), a download in the web host.
 */
export interface SaveExport {
  save(file: ExportFile): Promise<SaveOutcome>;
}
