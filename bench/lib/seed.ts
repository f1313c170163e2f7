// Puts benchmark data into the Chorus database of a page on the app's origin, with the app's own
// db code (bench/lib/seed-entry.ts bundled by esbuild into a classic script). page.evaluate runs it
// through the DevTools protocol, which the app's Content-Security-Policy does not apply to.
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { DraftSeed } from './corpus';
import type { DocumentNode } from '@core/document/text';

let bundle: Promise<string> | undefined;

/** The seeding script, built once per run. */
export function seedScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(import.meta.dirname, 'seed-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    write: false,
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (file === undefined) throw new Error('esbuild produced no seeding script');
    return file.text;
  });
  return bundle;
}

async function install(page: Page): Promise<void> {
  const installed = await page.evaluate('typeof globalThis.__chorusBenchSeed === "object"');
  if (installed !== true) await page.evaluate(await seedScript());
}

/** Stores `doc` as a new resource titled `title`; returns its id. `page` must be on the app's origin. */
export async function seedDocument(page: Page, title: string, doc: DocumentNode): Promise<string> {
  await install(page);
  const id: unknown = await page.evaluate(
    `globalThis.__chorusBenchSeed.seedDocument(${JSON.stringify(title)}, ${JSON.stringify(doc)})`,
  );
  if (typeof id !== 'string') throw new Error(`Seeding a document returned ${JSON.stringify(id)}`);
  return id;
}

/** Stores every draft in one transaction; returns their ids. */
export async function seedDrafts(page: Page, drafts: readonly DraftSeed[]): Promise<string[]> {
  await install(page);
  const ids: unknown = await page.evaluate(`globalThis.__chorusBenchSeed.seedDrafts(${JSON.stringify(drafts)})`);
  if (!Array.isArray(ids) || ids.length !== drafts.length) throw new Error('Seeding the drafts failed');
  return ids as string[];
}

export async function databaseCounts(page: Page): Promise<{ resources: number; documents: number }> {
  await install(page);
  return page.evaluate<{ resources: number; documents: number }>('globalThis.__chorusBenchSeed.counts()');
}

/** The stored document of resource `id`, as the app's db code reads it. */
export async function readDocument(page: Page, id: string): Promise<DocumentNode> {
  await install(page);
  const doc: unknown = await page.evaluate(`globalThis.__chorusBenchSeed.readDocument(${JSON.stringify(id)})`);
  if (typeof doc !== 'object' || doc === null) throw new Error(`Resource ${id} has no document`);
  return doc;
}
