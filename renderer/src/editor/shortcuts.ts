/** Whether this computer uses ⌘ (Command) where others use Ctrl. */
export function usesCommandKey(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

/** "Mod" in a key list is Ctrl, or Cmd on a Mac. */
export function keyLabel(key: string, mac = usesCommandKey()): string {
  return key === 'Mod' ? (mac ? 'Cmd' : 'Ctrl') : key;
}

/** The value of `aria-keyshortcuts` for a key list, as the ARIA specification spells keys. */
export function ariaKeys(keys: readonly string[], mac = usesCommandKey()): string {
  return keys.map((key) => (key === 'Mod' ? (mac ? 'Meta' : 'Control') : key)).join('+');
}

export interface Shortcut {
  /** What the keys do, in plain words. */
  action: string;
  /** Each alternative is a list of keys pressed together. */
  keys?: readonly (readonly string[])[];
  /** Characters typed at the start of an empty line, followed by a space. */
  typed?: string;
}

export interface ShortcutGroup {
  heading: string;
  shortcuts: readonly Shortcut[];
}

/**
 * Every keyboard shortcut that works in the editor, as listed in the "Keyboard shortcuts" dialog.
 * Each comes from the extension that handles it (StarterKit, Highlight, Table, ChorusEditor); keep
 * this list in step when one changes.
 */
export const shortcutGroups: readonly ShortcutGroup[] = [
  {
    heading: 'Text',
    shortcuts: [
      { action: 'Bold', keys: [['Mod', 'B']] },
      { action: 'Italic', keys: [['Mod', 'I']] },
      { action: 'Underline', keys: [['Mod', 'U']] },
      { action: 'Highlight', keys: [['Mod', 'Shift', 'H']] },
      { action: 'Add or change a link', keys: [['Mod', 'K']] },
      { action: 'Line break within a paragraph', keys: [['Shift', 'Enter']] },
    ],
  },
  {
    heading: 'Paragraphs',
    shortcuts: [
      { action: 'Heading', keys: [['Mod', 'Alt', '2']] },
      { action: 'Subheading', keys: [['Mod', 'Alt', '3']] },
      { action: 'Small heading', keys: [['Mod', 'Alt', '4']] },
      { action: 'Normal paragraph', keys: [['Mod', 'Alt', '0']] },
      { action: 'Bulleted list', keys: [['Mod', 'Shift', '8']] },
      { action: 'Numbered list', keys: [['Mod', 'Shift', '7']] },
      { action: 'Quote', keys: [['Mod', 'Shift', 'B']] },
      { action: 'Indent a list item', keys: [['Tab']] },
      { action: 'Move a list item back out', keys: [['Shift', 'Tab']] },
      { action: 'Leave a quote, list or Chorus block (on an empty line)', keys: [['Enter']] },
    ],
  },
  {
    heading: 'While typing',
    shortcuts: [
      { action: 'Heading', typed: '##' },
      { action: 'Subheading', typed: '###' },
      { action: 'Bulleted list', typed: '-' },
      { action: 'Numbered list', typed: '1.' },
      { action: 'Quote', typed: '>' },
    ],
  },
  {
    heading: 'Tables',
    shortcuts: [
      { action: 'Next cell (from the last cell, leave the table)', keys: [['Tab']] },
      { action: 'Previous cell', keys: [['Shift', 'Tab']] },
    ],
  },
  {
    heading: 'Undo and moving around',
    shortcuts: [
      { action: 'Undo', keys: [['Mod', 'Z']] },
      {
        action: 'Redo',
        keys: [
          ['Mod', 'Shift', 'Z'],
          ['Mod', 'Y'],
        ],
      },
      { action: 'Go to the formatting toolbar', keys: [['Alt', 'F10']] },
      { action: 'Back from the toolbar to your writing', keys: [['Escape']] },
      { action: 'Move between toolbar buttons', keys: [['Left arrow'], ['Right arrow']] },
    ],
  },
];
