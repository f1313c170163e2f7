import { gatherWarnings, type GatheredWarning } from '@core/packs/content-warnings';
import type { ChannelOutput, ExportFormat, ExportRequest } from '../../../../electron/shared/contract';
import type { ApprovedVersion } from '@core/co-production/approved-version';
import { formatDay, type Clock } from '@core/clock';
import { consentCovers, type PackUse } from '@core/co-production/consent';
import type { LibraryVersionRecord, PackItemView, PackView, SupportContactRecord } from '../../db';

/**
 * The rules of a training pack, without React or the database: which library resources may go in,
 * what stops an export, and the session plan gathered from the items.
 */

/** How long each of the trainer's texts may be: within what `export.create` accepts. */
export const packLimits = { name: 200, description: 5000, introduction: 20_000, notes: 20_000 } as const;

/** The most resources one export takes (`export.create` refuses more). */
export const maxExportItems = 200;

/** A version's title, or "Untitled" when it has none. */
export function titleOf(version: ApprovedVersion): string {
  return version.content.title.trim() === '' ? 'Untitled' : version.content.title.trim();
}

/** Whether the consultee consented to this version being used as the pack will use it. */
export function versionFits(version: ApprovedVersion, use: PackUse): boolean {
  return consentCovers(version.consent.choices, use);
}

export interface LibraryChoice {
  record: LibraryVersionRecord;
  /** Already in the pack, in some version. */
  inPack: boolean;
}

/**
 * What the Add resource dialog offers from the library (newest non-withdrawn versions): those
 * whose consent covers the pack's audience and use, marked when already in the pack, and apart
 * those whose consent does not, so the dialog can say why they are missing.
 */
export function libraryChoices(
  library: readonly LibraryVersionRecord[],
  use: PackUse,
  resourcesInPack: ReadonlySet<string>,
): { offered: LibraryChoice[]; notConsented: LibraryVersionRecord[] } {
  const offered: LibraryChoice[] = [];
  const notConsented: LibraryVersionRecord[] = [];
  for (const record of library) {
    if (record.withdrawnAt !== undefined) continue;
    if (versionFits(record.approved, use)) offered.push({ record, inPack: resourcesInPack.has(record.resourceId) });
    else notConsented.push(record);
  }
  return { offered, notConsented };
}

/** A simple, case-insensitive filter on titles; every choice when the query is blank. */
export function filterByTitle<T extends { record: LibraryVersionRecord }>(choices: readonly T[], query: string): T[] {
  const needle = query.trim().toLocaleLowerCase('en-GB');
  if (needle === '') return [...choices];
  return choices.filter((choice) => titleOf(choice.record.approved).toLocaleLowerCase('en-GB').includes(needle));
}

/** The resource ids of a pack's items, as far as this device knows them. */
export function resourcesIn(items: readonly PackItemView[]): Set<string> {
  return new Set(items.flatMap((view) => (view.pinned === undefined ? [] : [view.pinned.resourceId])));
}

/** What an item needs from the trainer, if anything. */
export type ItemState =
  | { kind: 'missing' }
  | { kind: 'withdrawn'; at: number }
  | { kind: 'not-consented' }
  | { kind: 'ready'; newer: NewerVersion | null };

/** A later version of an item's resource, and whether this pack's audience and use may have it. */
export interface NewerVersion {
  id: string;
  version: number;
  consented: boolean;
}

/**
 * An item is `not-consented` only in a pack made before Chorus asked how packs are used, once the
 * trainer has chosen a use its consent does not cover: anything added since was checked first.
 */
export function itemState(view: PackItemView, use: PackUse): ItemState {
  if (view.pinned === undefined) return { kind: 'missing' };
  if (view.withdrawnAt !== undefined) return { kind: 'withdrawn', at: view.withdrawnAt };
  if (!versionFits(view.pinned.approved, use)) return { kind: 'not-consented' };
  const newest = view.newest;
  if (newest === undefined || newest.version <= view.pinned.version) return { kind: 'ready', newer: null };
  return {
    kind: 'ready',
    newer: { id: newest.id, version: newest.version, consented: versionFits(newest.approved, use) },
  };
}

export function withdrawnMessage(title: string, at: number, clock: Clock): string {
  return `“${title}” was withdrawn on ${formatDay(at, clock)}. Remove it before exporting.`;
}

/** Why a pack cannot be exported now; empty when it can. */
export interface ExportBlockers {
  /** A pack made before Chorus asked how it will be used, whose trainer has not said yet. */
  noPurpose: boolean;
  empty: boolean;
  tooMany: boolean;
  withdrawn: { itemId: string; title: string; at: number }[];
  notConsented: { itemId: string; title: string }[];
  missing: number;
}

export function exportBlockers(view: PackView): ExportBlockers {
  const withdrawn: ExportBlockers['withdrawn'] = [];
  const notConsented: ExportBlockers['notConsented'] = [];
  let missing = 0;
  for (const itemView of view.items) {
    const state = itemState(itemView, view.pack);
    if (state.kind === 'missing') missing += 1;
    if (state.kind === 'withdrawn' && itemView.pinned !== undefined) {
      withdrawn.push({ itemId: itemView.item.id, title: titleOf(itemView.pinned.approved), at: state.at });
    }
    if (state.kind === 'not-consented' && itemView.pinned !== undefined) {
      notConsented.push({ itemId: itemView.item.id, title: titleOf(itemView.pinned.approved) });
    }
  }
  return {
    noPurpose: view.pack.purpose === undefined,
    empty: view.items.length === 0,
    tooMany: view.items.length > maxExportItems,
    withdrawn,
    notConsented,
    missing,
  };
}

export function canExport(blockers: ExportBlockers): boolean {
  return (
    !blockers.noPurpose &&
    !blockers.empty &&
    !blockers.tooMany &&
    blockers.withdrawn.length === 0 &&
    blockers.notConsented.length === 0 &&
    blockers.missing === 0
  );
}

/** One sentence that says why the export buttons are off; empty when they are on. */
export function exportBlockedReason(blockers: ExportBlockers): string {
  if (blockers.noPurpose) return 'Export is off: choose how this pack will be used first.';
  if (blockers.empty) return 'Add at least one resource before exporting.';
  if (blockers.withdrawn.length === 1) {
    return `Export is off: “${blockers.withdrawn[0]?.title ?? ''}” was withdrawn. Remove it from the pack first.`;
  }
  if (blockers.withdrawn.length > 1) {
    return `Export is off: ${blockers.withdrawn.length} resources in this pack were withdrawn. Remove them from the pack first.`;
  }
  if (blockers.notConsented.length === 1) {
    return `Export is off: the consent for “${blockers.notConsented[0]?.title ?? ''}” does not cover how this pack will be used. Remove it from the pack first.`;
  }
  if (blockers.notConsented.length > 1) {
    return `Export is off: the consent for ${blockers.notConsented.length} resources in this pack does not cover how it will be used. Remove them from the pack first.`;
  }
  if (blockers.missing > 0) {
    return 'Export is off: a resource in this pack is no longer on this device. Remove it from the pack first.';
  }
  if (blockers.tooMany) {
    return `Export is off: one export takes at most ${maxExportItems} resources. Remove some, or split the pack in two.`;
  }
  return '';
}

export interface SessionPlan {
  warnings: GatheredWarning[];
  support: SupportContactRecord[];
}

/**
 * The session plan: every content warning of the items once, with where each comes from
 * (`gatherWarnings`, which the exports use too), and the support contacts to signpost.
 */
export function buildSessionPlan(
  versions: readonly ApprovedVersion[],
  support: readonly SupportContactRecord[],
): SessionPlan {
  const resources = versions.map((version) => ({ title: titleOf(version), warnings: version.content.contentWarnings }));
  return { warnings: gatherWarnings(resources), support: [...support] };
}

/** The versions a pack would export, in order: only those this device holds. */
export function pinnedVersions(view: PackView): ApprovedVersion[] {
  return view.items.flatMap((each) => (each.pinned === undefined ? [] : [each.pinned.approved]));
}

/** The request `export.create` takes for a pack; null while something blocks the export. */
export function packExportRequest(
  format: ExportFormat,
  view: PackView,
  support: readonly SupportContactRecord[],
): ExportRequest | null {
  if (!canExport(exportBlockers(view))) return null;
  const plan = buildSessionPlan(pinnedVersions(view), support);
  return {
    format,
    kind: 'pack',
    title: view.pack.name,
    description: view.pack.description,
    ...(view.pack.purpose === undefined ? {} : { use: { audience: view.pack.audience, purpose: view.pack.purpose } }),
    introduction: view.pack.introduction,
    sessionPlan: {
      contentWarnings: plan.warnings.map((warning) => warning.text),
      support: plan.support.map(({ name, description, contact }) => ({ name, description, contact })),
    },
    items: view.items.flatMap((each) =>
      each.pinned === undefined ? [] : [{ version: each.pinned.approved, notes: each.item.notes }],
    ),
  };
}

export const formatLabels: Record<ExportFormat, string> = {
  docx: 'Word',
  pdf: 'PDF',
  pptx: 'PowerPoint',
  html: 'HTML',
};

export type ExportOutcome = ChannelOutput<'export.create'>;

/** What the status line says once an export has answered. */
export function exportOutcomeText(outcome: ExportOutcome): string {
  switch (outcome.outcome) {
    case 'saved':
      return `Saved ${outcome.fileName}`;
    case 'download':
      return `Downloaded ${outcome.fileName}`;
    case 'cancelled':
      return 'Export cancelled. Nothing was saved.';
    case 'failed':
      return outcome.message;
  }
}

/** "“Title” is now 2 of 3." */
export function positionMessage(title: string, index: number, count: number): string {
  return `“${title}” is now ${index + 1} of ${count}.`;
}
