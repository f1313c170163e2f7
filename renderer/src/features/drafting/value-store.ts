import { useCallback, useSyncExternalStore } from 'react';

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
  const subscribe = useCallback(
    (listener: () => void) => {
      const unsubscribeFirst = first.subscribe(listener);
      const unsubscribeSecond = second.subscribe(listener);
      return () => {
        unsubscribeFirst();
        unsubscribeSecond();
      };
    },
    [first, second],
  );
  return useSyncExternalStore(subscribe, read, read);
}
