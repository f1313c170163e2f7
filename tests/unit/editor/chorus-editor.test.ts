// @vitest-environment happy-dom
import type { Editor, JSONContent } from '@tiptap/core';
import { act, createElement, Fragment, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ChorusEditor } from '../../../renderer/src/editor/ChorusEditor';
import { EditorToolbar } from '../../../renderer/src/editor/EditorToolbar';
import { createMemoryImageStore } from '../../helpers/editor';
import { useReactRoot } from '../../helpers/react';

const doc: JSONContent = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello world' }] }],
};

const react = useReactRoot();

/** The editor page as the drafting feature composes it: the toolbar next to the document. */
function Page({
  content,
  onChange,
  onReady,
}: {
  content: JSONContent | null;
  onChange?: (editor: Editor) => void;
  onReady?: (editor: Editor | null) => void;
}) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const [images] = useState(createMemoryImageStore);
  return createElement(
    Fragment,
    null,
    editor === null ? null : createElement(EditorToolbar, { editor, images }),
    createElement(ChorusEditor, {
      content,
      images,
      label: 'Draft text',
      onChange,
      onReady: (instance) => {
        setEditor(instance);
        onReady?.(instance);
      },
    }),
  );
}

function button(name: string): HTMLButtonElement {
  const found = Array.from(document.querySelectorAll('button')).find((each) => each.textContent === name);
  if (found === undefined) throw new Error(`No button "${name}"`);
  return found;
}

function typeInto(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * The open dialog, once its code has loaded: dialogs are loaded on first use (ui/lazy.ts). Each wait is its own
 * act(), so React renders what the loaded code lets it render in between; the first opening imports Radix, which can
 * take seconds on a loaded machine.
 */
async function openedDialog(): Promise<Element> {
  for (let waited = 0; waited < 30_000; waited += 20) {
    const dialog = document.querySelector('[role="dialog"]');
    if (dialog !== null) return dialog;
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
  }
  throw new Error('No dialog opened');
}

describe('ChorusEditor', () => {
  it('renders a labelled, spell-checked, British English text box and hands over the editor', async () => {
    const onReady = vi.fn<(editor: Editor | null) => void>();
    await act(async () => {
      react.root.render(createElement(Page, { content: doc, onReady }));
      await Promise.resolve();
    });
    const box = react.container.querySelector('.ProseMirror');
    expect(box?.getAttribute('role')).toBe('textbox');
    expect(box?.getAttribute('aria-label')).toBe('Draft text');
    expect(box?.getAttribute('aria-multiline')).toBe('true');
    expect(box?.getAttribute('spellcheck')).toBe('true');
    expect(box?.getAttribute('lang')).toBe('en-GB');
    expect(box?.textContent).toBe('Hello world');
    const editor = onReady.mock.calls.at(-1)?.[0];
    expect(editor?.getJSON()).toEqual(doc);
  });

  it('reports every change, and no change for merely making the editor read-only', async () => {
    const handed: { editor: Editor | null } = { editor: null };
    const onChange = vi.fn<(editor: Editor) => void>();
    await act(async () => {
      react.root.render(
        createElement(Page, { content: doc, onChange, onReady: (instance) => (handed.editor = instance) }),
      );
      await Promise.resolve();
    });
    await act(async () => {
      handed.editor?.commands.insertContentAt(12, '!');
      await Promise.resolve();
    });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]?.[0].getText()).toBe('Hello world!');
  });

  it('refuses to open a document that does not fit the schema, and hands over no editor', async () => {
    const onReady = vi.fn<(editor: Editor | null) => void>();
    const broken = { type: 'doc', content: [{ type: 'chorusImage', attrs: { imageId: '../etc/passwd' } }] };
    await act(async () => {
      react.root.render(createElement(Page, { content: broken, onReady }));
      await Promise.resolve();
    });
    expect(react.container.querySelector('[role="alert"]')?.textContent).toContain('could not be opened');
    expect(react.container.querySelector('.ProseMirror')).toBeNull();
    expect(onReady).not.toHaveBeenCalledWith(expect.anything());
  });
});

describe('EditorToolbar', () => {
  async function renderPage(): Promise<Editor> {
    const handed: { editor: Editor | null } = { editor: null };
    await act(async () => {
      react.root.render(createElement(Page, { content: doc, onReady: (instance) => (handed.editor = instance) }));
      await Promise.resolve();
    });
    if (handed.editor === null) throw new Error('The editor was not handed over.');
    return handed.editor;
  }

  it('is a labelled toolbar with one tab stop and pressed states', async () => {
    const editor = await renderPage();
    const toolbar = react.container.querySelector('[role="toolbar"]');
    expect(toolbar?.getAttribute('aria-label')).toBe('Formatting');
    const bold = button('Bold');
    expect(bold.getAttribute('aria-pressed')).toBe('false');
    expect(bold.getAttribute('aria-keyshortcuts')).toBe('Control+B');

    await act(async () => {
      editor.commands.setTextSelection({ from: 1, to: 6 });
      bold.click();
      await Promise.resolve();
    });
    expect(editor.isActive('bold')).toBe(true);
    expect(button('Bold').getAttribute('aria-pressed')).toBe('true');
    expect(button('Undo').disabled).toBe(false);
  });

  it('shows table tools only inside a table', async () => {
    const editor = await renderPage();
    expect(() => button('Add row')).toThrow();
    await act(async () => {
      button('Table').click();
      await Promise.resolve();
    });
    expect(editor.isActive('table')).toBe(true);
    await act(async () => {
      button('Add row').click();
      await Promise.resolve();
    });
    const table = editor.getJSON().content.find((node) => node.type === 'table');
    expect(table !== undefined && 'content' in table ? table.content : []).toHaveLength(4);
  });

  it('opens the link dialog with Ctrl+K and refuses addresses that are not allowed, in plain words', async () => {
    const editor = await renderPage();
    await act(async () => {
      editor.commands.setTextSelection({ from: 1, to: 6 });
      editor.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));
      await Promise.resolve();
    });
    const dialog = await openedDialog();
    expect(dialog.textContent).toContain('Add a link');
    const input = dialog.querySelector('input');
    if (!(input instanceof HTMLInputElement)) throw new Error('No address field');
    expect(dialog.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Web address or email');

    await act(async () => {
      typeInto(input, 'javascript:alert(1)');
      button('Add link').click();
      await Promise.resolve();
    });
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(
      'Chorus cannot link to this. Links must go to a web page (starting https:// or http://) or to an email address.',
    );
    expect(editor.isActive('link')).toBe(false);

    await act(async () => {
      typeInto(input, 'www.example.org');
      button('Add link').click();
      await Promise.resolve();
    });
    expect(editor.getAttributes('link').href).toBe('https://www.example.org');
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('lists the keyboard shortcuts in a dialog', async () => {
    await renderPage();
    await act(async () => {
      button('Keyboard shortcuts').click();
      await Promise.resolve();
    });
    const dialog = await openedDialog();
    expect(dialog.querySelector('h2')?.textContent).toBe('Keyboard shortcuts');
    expect(dialog.textContent).toContain('Add or change a link');
    expect(dialog.textContent).toContain('Go to the formatting toolbar');
  });
});
