// @vitest-environment happy-dom
import { act, createElement, Profiler, useCallback, useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '@core/clock';
import { ClockProvider } from '../../../renderer/src/features/clock';
import { SaveStatusLine } from '../../../renderer/src/features/drafting/SaveStatusLine';
import { useAutosaver } from '../../../renderer/src/saving/useAutosaver';
import { createValueStore } from '../../../renderer/src/saving/value-store';
import type { SaveStatus } from '../../../renderer/src/saving/autosave';
import { useReactRoot } from '../../helpers/react';

const savedAt = Date.UTC(2026, 10, 24, 14, 2);

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 400)));

interface Handle {
  changed?: () => void;
}

/** A draft's status line over a real autosaver whose storage may be full. */
function Harness({
  store,
  handle,
  onRender,
}: {
  store: { full: boolean; saved: number };
  handle: Handle;
  onRender: () => void;
}) {
  const save = useCallback(async () => {
    await Promise.resolve();
    if (store.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    store.saved += 1;
    return savedAt;
  }, [store]);
  const { saver, status } = useAutosaver(save);
  const [details] = useState(() => createValueStore<SaveStatus>({ state: 'idle' }));
  useEffect(() => {
    handle.changed = () => saver.changed();
  }, [handle, saver]);
  return createElement(
    Profiler,
    { id: 'status', onRender },
    createElement(SaveStatusLine, { document: status, details, onRetry: () => void saver.flush() }),
  );
}

describe('the save status line', () => {
  const view = useReactRoot();
  const clock = fixedClock(Date.UTC(2026, 10, 24, 18, 30), 'Europe/London');

  it('says a full disk is full, offers a retry that saves, and renders only when that changes', async () => {
    const store = { full: true, saved: 0 };
    const handle: Handle = {};
    let renders = 0;
    await act(async () => {
      view.root.render(
        createElement(
          ClockProvider,
          { clock },
          createElement(Harness, { store, handle, onRender: () => (renders += 1) }),
        ),
      );
      await Promise.resolve();
    });
    const line = view.container.querySelector('[role="status"]');
    expect(line?.textContent).toBe('All changes saved');
    const rendersAtStart = renders;

    await act(async () => {
      handle.changed?.();
      await Promise.resolve();
    });
    expect(line?.textContent).toBe('Saving…');
    await settle();
    expect(line?.textContent).toMatch(/^Not saved — this device’s storage is full\. Your text is still here/);
    const retry = [...view.container.querySelectorAll('button')].find((button) => button.textContent === 'Try again');
    expect(retry).toBeDefined();
    // "Saving…" twice (waiting, then writing) and the words of the failure: only the failure re-rendered.
    expect(renders - rendersAtStart).toBe(1);

    store.full = false;
    await act(async () => {
      retry?.click();
      await Promise.resolve();
    });
    await settle();
    expect(line?.textContent).toBe('Saved 14:02');
    expect(view.container.querySelector('button')).toBeNull();
    expect(store.saved).toBe(1);
    expect(renders - rendersAtStart).toBe(2);
  });
});
