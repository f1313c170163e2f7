import { describe, expect, it } from 'vitest';
import { defaultQuickExitShortcut, type KeyboardShortcut } from '../../renderer/src/db/preferences';
import {
  describeShortcut,
  keyLabel,
  matchesShortcut,
  recordShortcut,
  refusalReason,
  type KeyPress,
} from '../../renderer/src/features/settings/quick-exit-shortcut';

function press(
  key: string,
  code: string,
  modifiers: Partial<Pick<KeyPress, 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>> = {},
): KeyPress {
  return { key, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...modifiers };
}

const ctrlShift = { ctrlKey: true, shiftKey: true };

function shortcut(
  key: string,
  modifiers: Partial<Omit<KeyboardShortcut, 'key' | 'code'>>,
  code = `Key${key}`,
): KeyboardShortcut {
  return { key, code, ctrl: false, alt: false, shift: false, meta: false, ...modifiers };
}

describe('matching a key press with the quick exit shortcut', () => {
  it('matches the default, Ctrl+Shift+X, and nothing with other modifiers', () => {
    expect(matchesShortcut(press('X', 'KeyX', ctrlShift), defaultQuickExitShortcut)).toBe(true);
    expect(matchesShortcut(press('x', 'KeyX', { ctrlKey: true }), defaultQuickExitShortcut)).toBe(false);
    expect(matchesShortcut(press('X', 'KeyX', { shiftKey: true }), defaultQuickExitShortcut)).toBe(false);
    expect(matchesShortcut(press('X', 'KeyX', { ...ctrlShift, altKey: true }), defaultQuickExitShortcut)).toBe(false);
    expect(matchesShortcut(press('X', 'KeyX', { ...ctrlShift, metaKey: true }), defaultQuickExitShortcut)).toBe(false);
    expect(matchesShortcut(press('C', 'KeyC', ctrlShift), defaultQuickExitShortcut)).toBe(false);
  });

  it('matches by the letter on the key or by its place, so a changed keyboard layout still leaves', () => {
    // Dvorak puts X where QWERTY has B; a Russian layout types "ч" on the X key.
    expect(matchesShortcut(press('X', 'KeyB', ctrlShift), defaultQuickExitShortcut)).toBe(true);
    expect(matchesShortcut(press('Ч', 'KeyX', ctrlShift), defaultQuickExitShortcut)).toBe(true);
  });

  it('matches Option shortcuts on a Mac, where the key types a symbol', () => {
    const optionShiftK = shortcut('K', { alt: true, shift: true });
    expect(matchesShortcut(press('', 'KeyK', { altKey: true, shiftKey: true }), optionShiftK)).toBe(true);
  });
});

describe('naming keys', () => {
  it('shows letters as capitals, digits from the physical key, and named keys as they are', () => {
    expect(keyLabel({ key: 'x', code: 'KeyX' })).toBe('X');
    expect(keyLabel({ key: 'a', code: 'KeyQ' })).toBe('A'); // AZERTY
    expect(keyLabel({ key: '!', code: 'Digit1' })).toBe('1');
    expect(keyLabel({ key: '≈', code: 'KeyX' })).toBe('X');
    expect(keyLabel({ key: 'F9', code: 'F9' })).toBe('F9');
    expect(keyLabel({ key: ' ', code: 'Space' })).toBe('Space');
  });

  it('writes shortcuts as people read them, with Cmd and Option on a Mac', () => {
    expect(describeShortcut(defaultQuickExitShortcut, false)).toBe('Ctrl+Shift+X');
    expect(describeShortcut(shortcut('K', { meta: true, alt: true, shift: true }), true)).toBe('Cmd+Option+Shift+K');
  });
});

describe('recording a new shortcut', () => {
  const pc = false;

  it('waits while only modifiers are held, then records the combination', () => {
    expect(recordShortcut(press('Control', 'ControlLeft', { ctrlKey: true }), pc)).toEqual({ kind: 'waiting' });
    expect(recordShortcut(press('Shift', 'ShiftLeft', ctrlShift), pc)).toEqual({ kind: 'waiting' });
    expect(recordShortcut(press('Y', 'KeyY', ctrlShift), pc)).toEqual({
      kind: 'recorded',
      shortcut: { key: 'Y', code: 'KeyY', ctrl: true, alt: false, shift: true, meta: false },
    });
    expect(recordShortcut(press('F9', 'F9'), pc)).toMatchObject({ kind: 'recorded', shortcut: { key: 'F9' } });
  });

  it('refuses bare letters, capitals, Tab, Escape alone and other typing keys', () => {
    for (const refused of [
      press('q', 'KeyQ'),
      press('Q', 'KeyQ', { shiftKey: true }),
      press('Tab', 'Tab'),
      press('Tab', 'Tab', { ctrlKey: true }),
      press('Escape', 'Escape'),
      press('Enter', 'Enter'),
      press(' ', 'Space'),
    ]) {
      expect(recordShortcut(refused, pc), refused.key).toMatchObject({ kind: 'refused' });
    }
    expect(recordShortcut(press('Tab', 'Tab'), pc)).toEqual({
      kind: 'refused',
      reason: 'Tab moves between buttons and fields, so it cannot be the quick exit.',
    });
  });

  it('refuses the editor’s own shortcuts, naming what they do', () => {
    expect(recordShortcut(press('H', 'KeyH', ctrlShift), pc)).toEqual({
      kind: 'refused',
      reason: 'The editor uses Ctrl+Shift+H for “Highlight”, so it cannot be the quick exit.',
    });
    expect(recordShortcut(press('&', 'Digit7', ctrlShift), pc)).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('“Numbered list”') as unknown,
    });
    expect(recordShortcut(press('F10', 'F10', { altKey: true }), pc)).toMatchObject({
      reason: expect.stringContaining('“Go to the formatting toolbar”') as unknown,
    });
    // On a Mac the editor's "Mod" is Cmd, so Cmd+Shift+H is the editor's and Ctrl+Shift+H is free.
    expect(recordShortcut(press('H', 'KeyH', { metaKey: true, shiftKey: true }), true)).toMatchObject({
      kind: 'refused',
    });
    expect(recordShortcut(press('H', 'KeyH', ctrlShift), true)).toMatchObject({ kind: 'recorded' });
  });

  it('refuses what the browser or system keeps: reserved keys, Ctrl with one letter, AltGr, the Windows key', () => {
    for (const refused of [
      press('Q', 'KeyQ', ctrlShift), // quits Chromium on Linux; never reaches the page
      press('N', 'KeyN', ctrlShift),
      press('W', 'KeyW', ctrlShift),
      press('V', 'KeyV', ctrlShift), // paste as plain text
      press('c', 'KeyC', { ctrlKey: true }),
      press('e', 'KeyE', { ctrlKey: true, altKey: true }), // AltGr+E types é on many layouts
      press('x', 'KeyX', { metaKey: true, shiftKey: true }),
      press('F5', 'F5'),
      press('F4', 'F4', { altKey: true }),
    ]) {
      expect(recordShortcut(refused, pc), JSON.stringify(refused)).toMatchObject({ kind: 'refused' });
    }
  });

  it('accepts the default, so the default is never one the rules would refuse', () => {
    expect(refusalReason(defaultQuickExitShortcut, false)).toBeNull();
    expect(refusalReason(defaultQuickExitShortcut, true)).toBeNull();
  });
});
