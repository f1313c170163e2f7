import type { ComponentType } from 'react';
import { DraftsPage } from '../features/drafting/DraftsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { lazyScreen } from '../ui/lazy';

export interface Area {
  path: string;
  label: string;
  Page: ComponentType;
}

/**
 * The areas of the app, in the order the navigation shows them. Drafts, where the app starts, and
 * Settings (small, and where the quick exit and the lock are set up) are part of the first page's
 * code; every other area is a chunk of its own, loaded on its first visit, so a cold start does not
 * parse the Library's search, the training packs and their exports, review or sync screens.
 */
export const areas: readonly Area[] = [
  { path: 'drafts', label: 'Drafts', Page: DraftsPage },
  {
    path: 'review',
    label: 'Review',
    Page: lazyScreen(
      () => import('../features/review/ReviewPage'),
      (module) => module.ReviewPage,
    ),
  },
  {
    path: 'library',
    label: 'Library',
    Page: lazyScreen(
      () => import('../features/library/LibraryPage'),
      (module) => module.LibraryPage,
    ),
  },
  {
    path: 'packs',
    label: 'Training packs',
    Page: lazyScreen(
      () => import('../features/packs/PacksPage'),
      (module) => module.PacksPage,
    ),
  },
  {
    path: 'sync',
    label: 'Sync',
    Page: lazyScreen(
      () => import('../features/sync/SyncPage'),
      (module) => module.SyncPage,
    ),
  },
  { path: 'settings', label: 'Settings', Page: SettingsPage },
];
