// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readingCounts } from '@core/document/text-stats';
import { WritingAids } from '../../../renderer/src/features/drafting/WritingAids';
import type { SavedText } from '../../../renderer/src/features/drafting/saved-text';
import { createValueStore } from '../../../renderer/src/saving/value-store';
import { useReactRoot } from '../../helpers/react';

const view = useReactRoot();

function savedText(text: string, wordCount: number): SavedText {
  return { text: () => text, wordCount, reading: () => readingCounts(text) };
}

const readingAge = () => view.container.querySelectorAll('dd')[2]?.textContent;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('writing aids', () => {
  it('says the reading age is being worked out until the first pause, not that there is too little text', () => {
    const long = 'We listened to her and we wrote down what she said. '.repeat(12);
    const saved = createValueStore(savedText(long, 132));
    act(() => {
      view.root.render(createElement(WritingAids, { saved }));
    });
    expect(view.container.querySelectorAll('dd')[0]?.textContent).toBe('132');
    expect(readingAge()).toBe('Working it out…');

    act(() => {
      vi.advanceTimersByTime(1500);
    });
    expect(readingAge()).toMatch(/^About \d+$/);
    expect(view.container.textContent).toContain('This is only a guide.');

    // Too little text is said only once the short text has been read.
    act(() => {
      saved.set(savedText('Too short.', 2));
    });
    act(() => {
      vi.advanceTimersByTime(1500);
    });
    expect(readingAge()).toBe('Write a little more to see this');
    expect(view.container.textContent).not.toContain('This is only a guide.');
  });

  it('says there is too little to rate once a short draft has been read', () => {
    const saved = createValueStore(savedText('Listen first, then ask.', 4));
    act(() => {
      view.root.render(createElement(WritingAids, { saved }));
    });
    expect(readingAge()).toBe('Working it out…');
    act(() => {
      vi.advanceTimersByTime(1500);
    });
    expect(readingAge()).toBe('Write a little more to see this');
  });
});
