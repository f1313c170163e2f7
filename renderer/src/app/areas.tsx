import type { Role } from '@core/co-production/workflow';
import type { ComponentType } from 'react';
import { DraftsPage } from '../features/drafting';
import { LibraryPage } from '../features/library';
import { PacksPage } from '../features/packs';
import { ReviewPage } from '../features/review';
import { SettingsPage } from '../features/settings';
import { SyncPage } from '../features/sync';

export interface Area {
  path: string;
  label: string;
  Page: ComponentType;
  /** Who can use it; left out, everyone. */
  roles?: readonly Role[];
}

/**
 * The areas of the app, in the order the navigation shows them. Drafts, where the app starts, and
 * Settings (small, and where the quick exit and the lock are set up) are part of the first page's
 * code; every other area is a chunk of its own, loaded on its first visit (each feature's index.ts says how), so a cold start does not
 * parse the Library's search, the training packs and their exports, review or sync screens.
 */
export const areas: readonly Area[] = [
  { path: 'drafts', label: 'Drafts', Page: DraftsPage, roles: ['consultee', 'facilitator'] },
  {
    path: 'review',
    label: 'Review',
    Page: ReviewPage,
    roles: ['consultee', 'facilitator'],
  },
  {
    path: 'library',
    label: 'Library',
    Page: LibraryPage,
  },
  {
    path: 'packs',
    label: 'Training packs',
    Page: PacksPage,
  },
  {
    path: 'sync',
    label: 'Sync',
    Page: SyncPage,
  },
  { path: 'settings', label: 'Settings', Page: SettingsPage },
];

/** The areas the navigation offers to someone in this role: all of them while no profile is chosen. */
export function areasFor(role: Role | undefined): readonly Area[] {
  return role === undefined ? areas : areas.filter((area) => area.roles === undefined || area.roles.includes(role));
}

/**
 * Where to go instead when the address is in an area this role does not use (a trainer starts on Drafts, or the
 * profile is switched to a trainer's while on Review): the first area it is offered. Null when the address is fine.
 */
export function redirectFor(role: Role | undefined, pathname: string): string | null {
  const [, first = ''] = pathname.split('/');
  if (!areas.some((area) => area.path === first)) return null;
  const offered = areasFor(role);
  if (offered.some((area) => area.path === first)) return null;
  const [home] = offered;
  return home === undefined ? null : `/${home.path}`;
}
