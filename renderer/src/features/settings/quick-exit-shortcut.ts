import type { KeyboardShortcut } from '../../db';
import { shortcutGroups, usesCommandKey } from '../../editor/shortcuts';

/** The parts of a keydown event the quick exit reads, so the rules can be tested without a DOM. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

export type Recording =
  /** Only modifiers so far: keep listening. */
  { kind: 'waiting' } | { kind: 'refused'; reason: string } | { kind: 'recorded'; shortcut: KeyboardShortcut };

const modifierKeys = new Set(['Control', 'Shift', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'Fn', 'FnLock']);

/**
 * The name a key is shown and matched by: letters in capitals, whatever the keyboard layout put
 * under the finger; digits and letters from the physical key when a modifier turned them into
 * something else (Shift+1 is "!", Option+X on a Mac is "≈"); named keys (F9, Enter) as they are.
 */
export function keyLabel(press: Pick<KeyPress, 'key' | 'code'>): string {
  if (/^\p{L}$/u.test(press.key)) return press.key.toLocaleUpperCase('en-GB');
  const physical = /^(?:Key([A-Z])|Digit(\d)|Numpad(\d))$/.exec(press.code);
  if (physical !== null) return physical[1] ?? physical[2] ?? physical[3] ?? press.key;
  if (press.key === ' ') return 'Space';
  return press.key;
}

/** How a shortcut is written for people: "Ctrl+Shift+X", "Cmd+Shift+X" on a Mac. */
export function describeShortcut(shortcut: KeyboardShortcut, mac = usesCommandKey()): string {
  const parts: string[] = [];
  if (shortcut.ctrl) parts.push('Ctrl');
  if (shortcut.meta) parts.push(mac ? 'Cmd' : 'Windows key');
  if (shortcut.alt) parts.push(mac ? 'Option' : 'Alt');
  if (shortcut.shift) parts.push('Shift');
  parts.push(shortcut.key);
  return parts.join('+');
}

/**
 * Whether a key press is the shortcut: the same modifiers exactly, and the same key either by its
 * label or by its physical place. Either will do, because the quick exit should rather leave once
 * too often than fail someone whose keyboard layout changed since they recorded it.
 */
export function matchesShortcut(press: KeyPress, shortcut: KeyboardShortcut): boolean {
  if (
    press.ctrlKey !== shortcut.ctrl ||
    press.altKey !== shortcut.alt ||
    press.shiftKey !== shortcut.shift ||
    press.metaKey !== shortcut.meta
  )
    return false;
  return press.code === shortcut.code || keyLabel(press) === shortcut.key;
}

/** Function keys Chromium or the system use on their own: help, find, reload, focus, caret browsing, menu, full screen, developer tools. */
const busyFunctionKeys = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F10', 'F11', 'F12']);

/**
 * Ctrl+Shift with these never reaches the page, or is taken before the app sees it: a new private
 * window, reopening a tab, closing the window, quitting (Chromium keeps these for itself), pasting
 * as plain text (the editor's Edit menu), clearing browsing data, and typing a character by its
 * code (Linux input methods).
 */
const browserCtrlShift: Readonly<Record<string, string>> = {
  N: 'opens a new private window',
  T: 'reopens a closed tab',
  W: 'closes the window',
  Q: 'quits the browser',
  V: 'pastes as plain text',
  Delete: 'clears browsing data',
  U: 'types a character by its code on Linux',
  I: 'opens the developer tools',
  J: 'opens the developer tools',
  C: 'opens the developer tools',
};

/** The editor's own shortcuts as key sets, from the same list its "Keyboard shortcuts" dialog shows. */
function editorShortcuts(mac: boolean): Array<{ action: string; shortcut: Omit<KeyboardShortcut, 'code'> }> {
  return shortcutGroups.flatMap((group) =>
    group.shortcuts.flatMap((entry) =>
      (entry.keys ?? []).map((keys) => ({
        action: entry.action,
        shortcut: {
          key: keys[keys.length - 1] ?? '',
          ctrl: keys.includes('Ctrl') || (keys.includes('Mod') && !mac),
          meta: keys.includes('Mod') && mac,
          alt: keys.includes('Alt'),
          shift: keys.includes('Shift'),
        },
      })),
    ),
  );
}

function sameKeys(a: Omit<KeyboardShortcut, 'code'>, b: Omit<KeyboardShortcut, 'code'>): boolean {
  return (
    a.key.toLocaleUpperCase('en-GB') === b.key.toLocaleUpperCase('en-GB') &&
    a.ctrl === b.ctrl &&
    a.alt === b.alt &&
    a.shift === b.shift &&
    a.meta === b.meta
  );
}

/** Why these keys cannot be the quick exit, or null when they can. */
export function refusalReason(shortcut: KeyboardShortcut, mac = usesCommandKey()): string | null {
  const name = describeShortcut(shortcut, mac);
  const { key, ctrl, alt, meta, shift } = shortcut;
  if (key === 'Tab') return 'Tab moves between buttons and fields, so it cannot be the quick exit.';
  if (key === 'Escape' && !ctrl && !alt && !meta && !shift)
    return 'Escape on its own closes dialogs, so it cannot be the quick exit.';
  const functionKey = /^F\d{1,2}$/.test(key);
  if (!ctrl && !alt && !meta) {
    if (!functionKey)
      return `${name} is for typing or moving around. Hold down Ctrl or ${mac ? 'Option' : 'Alt'} as well, for example Ctrl+Shift+${key.length === 1 ? key : 'X'}.`;
    if (busyFunctionKeys.has(key)) return `${key} is used by the browser, so it cannot be the quick exit.`;
  }
  if (ctrl && alt && !meta)
    return 'Ctrl with Alt types letters such as é or ł on many keyboards (it works as AltGr), so it cannot be the quick exit.';
  if (meta && !mac) return 'Shortcuts with the Windows key belong to the operating system. Use Ctrl or Alt instead.';
  if ((ctrl || meta) && !alt && !shift && !functionKey)
    return `${name} is used by the editor or the browser (copy, paste, bold, find and many more). Add Shift, for example ${name.replace(/[^+]+$/, `Shift+${key}`)}.`;
  if (alt && !ctrl && !meta && !shift && !functionKey)
    return `${name} ${mac ? 'types a special character' : 'opens menus'}. Add Shift or Ctrl as well.`;
  if (alt && !ctrl && !meta && key === 'F4') return 'Alt+F4 closes the window.';
  const editorUse = editorShortcuts(mac).find((entry) => sameKeys(entry.shortcut, shortcut));
  if (editorUse !== undefined)
    return `The editor uses ${name} for “${editorUse.action}”, so it cannot be the quick exit.`;
  const browserUse = (ctrl || meta) && shift && !alt ? browserCtrlShift[key] : undefined;
  if (browserUse !== undefined) return `${name} ${browserUse}, so it cannot be the quick exit.`;
  return null;
}

/**
 * Turns a key press in the recorder into a shortcut, or says why not. Modifiers alone are not a
 * shortcut yet: the recorder waits for the key that goes with them.
 */
export function recordShortcut(press: KeyPress, mac = usesCommandKey()): Recording {
  if (modifierKeys.has(press.key) || press.key === 'Process' || press.key === 'Unidentified')
    return { kind: 'waiting' };
  const shortcut: KeyboardShortcut = {
    code: press.code,
    key: keyLabel(press),
    ctrl: press.ctrlKey,
    alt: press.altKey,
    shift: press.shiftKey,
    meta: press.metaKey,
  };
  const reason = refusalReason(shortcut, mac);
  return reason === null ? { kind: 'recorded', shortcut } : { kind: 'refused', reason };
}
