import { editorChunksMetaName, lazyScreen, preloadChunks } from '../../ui/lazy';

/** A draft's own page, with the editor: the heaviest part of the app, so a chunk of its own. */
export const ResourceScreen = lazyScreen(
  () => import('./ResourcePage'),
  (module) => module.ResourcePage,
);

/**
 * Fetches and compiles the editor's chunks without running them, so opening a draft later does
 * not wait for them. The Drafts list calls this in an idle moment once it is drawn.
 */
export function preloadEditor(): void {
  preloadChunks(editorChunksMetaName);
}
