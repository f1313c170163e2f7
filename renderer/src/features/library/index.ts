import { lazyScreen } from '../../ui/lazy';

/** The Library's public face: the Library area, a chunk of its own loaded on the first visit. */
export const LibraryPage = lazyScreen(
  () => import('./LibraryPage'),
  (module) => module.LibraryPage,
);
