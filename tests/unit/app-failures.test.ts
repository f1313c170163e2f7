// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AppBoundary } from '../../renderer/src/app/failures';
import { useReactRoot } from '../helpers/react';

const view = useReactRoot();

function Broken(): never {
  throw new TypeError('record.audiences.map is not a function');
}

describe('when the whole app fails', () => {
  it('shows a calm page with the quick exit instead of a blank window', () => {
    const onQuickExit = vi.fn();
    // React reports a caught error on the console; that is expected here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      act(() => {
        view.root.render(createElement(AppBoundary, { onQuickExit, children: createElement(Broken) }));
      });
    } finally {
      quiet.mockRestore();
    }
    const heading = view.container.querySelector('h1');
    expect(heading?.textContent).toBe('Chorus stopped working');
    expect(view.container.textContent).toContain('Everything already saved is still on this device.');
    expect(view.container.querySelector('details')?.textContent).toContain(
      'TypeError: record.audiences.map is not a function',
    );
    const buttons = [...view.container.querySelectorAll('button')].map((button) => button.textContent);
    expect(buttons).toEqual(['Quick exit', 'Start Chorus again']);
    act(() => {
      view.container.querySelector('button')?.click();
    });
    expect(onQuickExit).toHaveBeenCalledTimes(1);
  });
});
