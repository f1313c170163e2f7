import { createElement, lazy, Suspense, useState, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A dialog whose code (Radix and the frame) loads when it is first opened: until then it renders
 * nothing, as a closed dialog does, and once opened it stays mounted, so closing it works as Radix
 * means (focus back to the control that opened it). The first opening waits for the chunk, a few
 * milliseconds from the app's own files.
 */
export function lazyDialog<Props extends { open: boolean }>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const Frame = lazy(() => load().then((component) => ({ default: component })));
  function LazyDialog(props: Props) {
    const [opened, setOpened] = useState(props.open);
    if (props.open && !opened) setOpened(true);
    if (!opened && !props.open) return null;
    return createElement(Suspense, { fallback: null }, createElement(Frame as ComponentType<Props>, props));
  }
  return LazyDialog;
}

/** The meta tag in which the build lists the editor's chunks (renderer/vite.config.ts writes it). */
export const editorChunksMetaName = 'chorus-editor-chunks';

/**
 * A screen whose code is a chunk of its own, loaded when the screen is first shown: `load` is a
 * dynamic import of the module, `pick` takes the screen component from it.
 */
export function lazyScreen<Module>(
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType,
): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((module) => ({ default: pick(module) })));
}

const preloaded = new Set<string>();

/**
 * Asks the browser to fetch and compile the chunks listed in the meta tag `name` (once each),
 * without running them: `<link rel="modulepreload">`, so nothing blocks the page now, and the
 * screen that needs them later only has to run them. All chunks are files of the app itself, so
 * this works offline. Does nothing where the page has no such tag (the development server).
 */
export function preloadChunks(name: string): void {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
  if (meta === null) return;
  for (const href of meta.content.split(' ')) {
    if (href === '' || preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    // As Vite's own preload links and the module scripts have it, so the browser reuses what it fetched.
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.append(link);
  }
}

/**
 * Runs `work` when the browser is next idle (or after `timeoutMs` at the latest); returns a
 * function that cancels it if it has not run yet.
 */
export function whenIdle(work: () => void, timeoutMs = 2_000): () => void {
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = window.setTimeout(work, 0);
    return () => window.clearTimeout(timer);
  }
  const handle = window.requestIdleCallback(work, { timeout: timeoutMs });
  return () => window.cancelIdleCallback(handle);
}
