import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type DependencyList,
  type RefObject,
} from 'react';

/**
 * A value that changes often (the save status, the last saved text) held outside React state, so
 * only the components that show it re-render, not the whole page around the editor.
 */
export interface ValueStore<T> {
  get: () => T;
  set: (value: T) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStoreValue<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * A value worked out from two stores, re-rendering only when it changes (compared with
 * `Object.is`, so `read` should answer a string or number): a status that goes from one kind of
 * "Saving…" to another does not re-render what shows it.
 */
export function useDerivedValue<T>(
  first: Pick<ValueStore<unknown>, 'subscribe'>,
  second: Pick<ValueStore<unknown>, 'subscribe'>,
  read: () => T,
): T {
  const subscribe = useCallback((listener: () => void) => subscribeToBoth(listener, first, second), [first, second]);
  return useSyncExternalStore(subscribe, read, read);
}

/** Calls `listener` whenever either store changes; answers the function that stops it. */
function subscribeToBoth(
  listener: () => void,
  first: Pick<ValueStore<unknown>, 'subscribe'>,
  second?: Pick<ValueStore<unknown>, 'subscribe'>,
): () => void {
  const unsubscribeFirst = first.subscribe(listener);
  const unsubscribeSecond = second?.subscribe(listener);
  return () => {
    unsubscribeFirst();
    unsubscribeSecond?.();
  };
}

/*
 * While the editor has focus, every React commit costs a walk of the editor's text up to the caret:
 * React saves the selection before it changes the page and puts it back after. In a 30,000-word
 * draft that is about a millisecond, and a save used to make three commits. The two hooks below let
 * what changes with every save (the status, the word count) and what is worked out from the saved
 * text (suggestions, comments) follow it without a commit, or with one only when what they show changes.
 */

/**
 * An element whose text is `read()`, written straight into the page whenever a store changes,
 * without a React render. Render the element with no children of its own. The text node is kept and
 * only its words change, so the page has nothing new to style; put it in a `live-value` box
 * (ui/common.css) and it is laid out and painted on its own too.
 */
export function useLiveText<E extends HTMLElement>(
  read: () => string,
  first: Pick<ValueStore<unknown>, 'subscribe'>,
  second?: Pick<ValueStore<unknown>, 'subscribe'>,
): RefObject<E | null> {
  const ref = useRef<E>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const write = () => {
      const text = read();
      const node = element.firstChild;
      if (node instanceof Text && node.nextSibling === null) {
        if (node.data !== text) node.data = text;
      } else {
        element.textContent = text;
      }
    };
    write();
    return subscribeToBoth(write, first, second);
  }, [read, first, second]);
  return ref;
}

/**
 * `compute()`, worked out again whenever `store` changes and when `deps` change, re-rendering
 * only when `same` says the answer differs from the last. With `defer` (such as `whenIdle`), a
 * change of `store` is followed when `defer` runs the work, the latest change only: what is worked
 * out from every save (a walk of the whole draft) then waits for a moment the typing leaves free.
 */
export function useRecomputed<T>(
  store: Pick<ValueStore<unknown>, 'subscribe'>,
  compute: () => T,
  same: (a: T, b: T) => boolean,
  deps: DependencyList,
  defer?: (work: () => void) => () => void,
): T {
  const [value, setValue] = useState(compute);
  useEffect(() => {
    const refresh = () =>
      setValue((current) => {
        const next = compute();
        return same(current, next) ? current : next;
      });
    let cancel: (() => void) | null = null;
    const follow =
      defer === undefined
        ? refresh
        : () => {
            cancel?.();
            cancel = defer(() => {
              cancel = null;
              refresh();
            });
          };
    refresh();
    const unsubscribe = store.subscribe(follow);
    return () => {
      cancel?.();
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- compute, same and defer are read afresh whenever deps change.
  }, [store, ...deps]);
  return value;
}

/** Whether two lists (or sets) hold the same things, for {@link useRecomputed}. */
export function sameJson<T>(a: T, b: T): boolean {
  const plain = (value: T) => JSON.stringify(value instanceof Set ? [...(value as Set<unknown>)] : value);
  return plain(a) === plain(b);
}
