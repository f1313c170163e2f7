// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createValueStore, useRecomputed } from '../../../renderer/src/saving/value-store';
import { useReactRoot } from '../../helpers/react';

const view = useReactRoot();

/** A deferral the test runs by hand: the works handed to it, and how many were cancelled. */
function manualDefer() {
  const queued: Array<{ work: () => void; cancelled: boolean }> = [];
  const defer = (work: () => void) => {
    const entry = { work, cancelled: false };
    queued.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  const runPending = () => {
    for (const entry of queued.splice(0)) if (!entry.cancelled) entry.work();
  };
  return { defer, runPending, queued };
}

function Shown({ compute, defer }: { compute: () => string; defer?: (work: () => void) => () => void }) {
  const store = storeRef.current;
  const value = useRecomputed(store, compute, (a, b) => a === b, [], defer);
  return createElement('p', null, value);
}
const storeRef = { current: createValueStore(0) };

describe('useRecomputed', () => {
  it('works a value out again at once when the store changes, without a deferral', () => {
    storeRef.current = createValueStore(1);
    const compute = vi.fn(() => `saved ${storeRef.current.get()}`);
    act(() => view.root.render(createElement(Shown, { compute })));
    act(() => storeRef.current.set(2));
    expect(view.container.textContent).toBe('saved 2');
  });

  it('with a deferral, leaves the work out of the change and follows only the latest change', () => {
    storeRef.current = createValueStore(1);
    const compute = vi.fn(() => `saved ${storeRef.current.get()}`);
    const { defer, runPending, queued } = manualDefer();
    act(() => view.root.render(createElement(Shown, { compute, defer })));
    expect(view.container.textContent).toBe('saved 1');
    const before = compute.mock.calls.length;

    act(() => {
      storeRef.current.set(2);
      storeRef.current.set(3);
    });
    // Nothing is worked out in the changes' own task: the page still shows the value before them.
    expect(compute.mock.calls.length).toBe(before);
    expect(view.container.textContent).toBe('saved 1');
    expect(queued.filter((entry) => !entry.cancelled)).toHaveLength(1);

    act(runPending);
    expect(compute.mock.calls.length).toBe(before + 1);
    expect(view.container.textContent).toBe('saved 3');
  });

  it('cancels deferred work when the component goes away', () => {
    storeRef.current = createValueStore(1);
    const compute = vi.fn(() => `saved ${storeRef.current.get()}`);
    const { defer, queued } = manualDefer();
    act(() => view.root.render(createElement(Shown, { compute, defer })));
    act(() => storeRef.current.set(2));
    expect(queued).toHaveLength(1);
    act(() => view.root.render(createElement('p', null, 'gone')));
    expect(queued.every((entry) => entry.cancelled)).toBe(true);
  });
});
