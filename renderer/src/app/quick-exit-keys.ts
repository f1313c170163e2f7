import { useEffect, useRef, useState } from 'react';
import { quickExitShortcutPreference, usePreference, type QuickExitShortcutSetting } from '../db';
import { describeShortcut, matchesShortcut } from '../features/settings';
import { createShiftExitCounter } from './shift-exit';

export interface QuickExitKeys {
  /** Said to screen readers while Shift is being counted ("press 1 more time"); '' otherwise. */
  progress: string;
  /** The keys that leave, as a sentence for the button's description. */
  description: string;
}

/** The sentence that tells people which keys leave, besides the button. */
export function describeQuickExitKeys(setting: QuickExitShortcutSetting): string {
  if (!setting.on) return 'Or press Shift three times.';
  return `Or press Shift three times, or ${describeShortcut(setting.shortcut)}.`;
}

/**
 * The quick exit's keys, heard anywhere in the window (the editor, a dialog, a menu): Shift three
 * times, as GOV.UK's "Exit this page" does, and the shortcut chosen in Settings. One listener, in
 * the capture phase on `window`, so it runs before any other handler can stop the key. The chosen
 * shortcut's own default action is stopped (the editor must not act on it as the screen clears);
 * Shift's is harmless and left alone. Screen reader users hear "Shift, press 1 more time to
 * exit." after the second press; not after the first, which every capital letter would set off.
 */
export function useQuickExitKeys(onExit: () => void): QuickExitKeys {
  const setting = usePreference(quickExitShortcutPreference);
  const [progress, setProgress] = useState('');
  const latestExit = useRef(onExit);
  const latestSetting = useRef(setting);
  useEffect(() => {
    latestExit.current = onExit;
    latestSetting.current = setting;
  }, [onExit, setting]);

  useEffect(() => {
    const counter = createShiftExitCounter();
    const onKey = (event: KeyboardEvent) => {
      const chosen = latestSetting.current ?? quickExitShortcutPreference.fallback;
      if (chosen.on && matchesShortcut(event, chosen.shortcut)) {
        event.preventDefault();
        event.stopPropagation();
        latestExit.current();
        return;
      }
      const step = counter.press(event.key, event.repeat, event.timeStamp);
      if (step.kind === 'exit') latestExit.current();
      else setProgress(step.kind === 'counting' && step.remaining === 1 ? 'Shift, press 1 more time to exit.' : '');
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  return { progress, description: describeQuickExitKeys(setting ?? quickExitShortcutPreference.fallback) };
}
