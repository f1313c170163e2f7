import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/**
 * A fresh React root in a fresh container for each test of the file (happy-dom), unmounted and
 * cleared after it. Read `container` and `root` inside tests, after `beforeEach` has run.
 */
export function useReactRoot(): { readonly container: HTMLElement; readonly root: Root } {
  let container: HTMLElement | null = null;
  let root: Root | null = null;
  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(async () => {
    await act(async () => {
      root?.unmount();
      await Promise.resolve();
    });
    container?.remove();
    document.body.replaceChildren();
  });
  return {
    get container() {
      if (container === null) throw new Error('No container outside a test');
      return container;
    },
    get root() {
      if (root === null) throw new Error('No root outside a test');
      return root;
    },
  };
}
