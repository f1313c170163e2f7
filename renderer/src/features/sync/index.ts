import { lazyScreen } from '../../ui/lazy';

/** Sync's public face: the engine's provider and status, always loaded; the Sync area, loaded on the first visit. */
export { SyncProvider, useSyncStatus } from './SyncProvider';

export const SyncPage = lazyScreen(
  () => import('./SyncPage'),
  (module) => module.SyncPage,
);
