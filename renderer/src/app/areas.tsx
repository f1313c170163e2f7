import type { ComponentType } from 'react';
import { DraftsPage } from '../features/drafting/DraftsPage';
import { LibraryPage } from '../features/library/LibraryPage';
import { PacksPage } from '../features/packs/PacksPage';
import { ReviewPage } from '../features/review/ReviewPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';

export interface Area {
  path: string;
  label: string;
  Page: ComponentType;
}

/** The areas of the app, in the order the navigation shows them. */
export const areas: readonly Area[] = [
  { path: 'drafts', label: 'Drafts', Page: DraftsPage },
  { path: 'review', label: 'Review', Page: ReviewPage },
  { path: 'library', label: 'Library', Page: LibraryPage },
  { path: 'packs', label: 'Training packs', Page: PacksPage },
  { path: 'sync', label: 'Sync', Page: SyncPage },
  { path: 'settings', label: 'Settings', Page: SettingsPage },
];
