import { lazyScreen } from '../../ui/lazy';

/** Training packs' public face: the area, with its exports, a chunk of its own loaded on the first visit. */
export const PacksPage = lazyScreen(
  () => import('./PacksPage'),
  (module) => module.PacksPage,
);
