import { lazyScreen } from '../../ui/lazy';

/** Review's public face: the Review area, a chunk of its own loaded on the first visit. */
export const ReviewPage = lazyScreen(
  () => import('./ReviewPage'),
  (module) => module.ReviewPage,
);
