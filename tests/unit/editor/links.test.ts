// @vitest-environment happy-dom
import { generateHTML, generateJSON, type Editor, type JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DOMSerializer } from '@tiptap/pm/model';
import { createChorusExtensions, getChorusSchema } from '../../../renderer/src/editor/extensions';
import { isAllowedLinkHref, normaliseLinkInput } from '../../../renderer/src/editor/links';
import { createEditor, createMemoryImageStore } from '../../helpers/editor';

const extensions = createChorusExtensions({ images: createMemoryImageStore() });

const refused = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  'ftp://example.org/file',
  'tel:+441234567890',
  '/relative/page',
  'relative/page',
  '#section',
  '//example.org/protocol-relative',
  'https:example.org',
  'https://',
  'mailto:',
  '',
];

const allowed = ['https://www.example.org/guidance?a=1#top', 'http://example.org', 'mailto:help@example.org'];

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

function linksIn(doc: JSONContent): string[] {
  const hrefs: string[] = [];
  const stack = [doc];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (const mark of node.marks ?? []) {
      const href: unknown = mark.attrs?.href;
      if (mark.type === 'link' && typeof href === 'string') hrefs.push(href);
    }
    stack.push(...(node.content ?? []).toReversed());
  }
  return hrefs;
}

describe('link addresses', () => {
  it.each(refused)('refuses %j', (href) => {
    expect(isAllowedLinkHref(href)).toBe(false);
  });

  it.each(allowed)('allows %j', (href) => {
    expect(isAllowedLinkHref(href)).toBe(true);
  });

  it('completes what people type without a scheme, and never guesses for a refused scheme', () => {
    expect(normaliseLinkInput('www.example.org/page')).toBe('https://www.example.org/page');
    expect(normaliseLinkInput('sam@example.org')).toBe('mailto:sam@example.org');
    expect(normaliseLinkInput('  https://example.org  ')).toBe('https://example.org');
    expect(normaliseLinkInput('javascript:alert(1)')).toBeNull();
    expect(normaliseLinkInput('file:///C:/secret.docx')).toBeNull();
    expect(normaliseLinkInput('just some words')).toBeNull();
    expect(normaliseLinkInput('')).toBeNull();
  });
});

describe('the link mark', () => {
  it('refuses javascript:, data:, file: and relative links from setLink', () => {
    editor = createEditor({ content: '<p>Click here</p>' });
    editor.commands.setTextSelection({ from: 1, to: 6 });
    for (const href of ['javascript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', '/relative']) {
      expect(editor.commands.setLink({ href })).toBe(false);
    }
    expect(linksIn(editor.getJSON())).toEqual([]);
  });

  it('accepts https and mailto links, with rel="noopener noreferrer" and no target', () => {
    editor = createEditor({ content: '<p>Web and mail</p>' });
    editor.commands.setTextSelection({ from: 1, to: 4 });
    expect(editor.commands.setLink({ href: 'https://www.example.org' })).toBe(true);
    editor.commands.setTextSelection({ from: 9, to: 13 });
    expect(editor.commands.setLink({ href: 'mailto:help@example.org' })).toBe(true);
    expect(linksIn(editor.getJSON())).toEqual(['https://www.example.org', 'mailto:help@example.org']);
    const html = editor.getHTML();
    expect(html).toContain('<a rel="noopener noreferrer" href="https://www.example.org">Web</a>');
    expect(html).not.toContain('target=');
  });

  it('drops unsafe links when parsing HTML, keeping their words', () => {
    const json = generateJSON(
      '<p><a href="javascript:alert(1)">one</a> <a href="data:text/html,x">two</a> <a href="/relative">three</a> <a href="file:///etc/passwd">four</a> <a href="https://example.org">five</a></p>',
      extensions,
    );
    expect(linksIn(json)).toEqual(['https://example.org']);
    expect(JSON.stringify(json)).toContain('one');
    expect(JSON.stringify(json)).toContain('four');
  });

  it('renders a stored unsafe link with no address a click could follow', () => {
    const html = generateHTML(
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
          },
        ],
      },
      extensions,
    );
    expect(html).not.toContain('href');
  });

  it('does not link unsafe addresses that are pasted or typed, and links safe ones', () => {
    editor = createEditor({ content: '<p>Words</p>' });
    editor.commands.setTextSelection({ from: 1, to: 6 });
    editor.view.pasteText('file:///etc/passwd');
    expect(linksIn(editor.getJSON())).toEqual([]);

    editor.commands.setContent('<p>Words</p>');
    editor.commands.setTextSelection({ from: 1, to: 6 });
    editor.view.pasteText('https://www.example.org/help');
    expect(linksIn(editor.getJSON())).toEqual(['https://www.example.org/help']);

    editor.commands.setContent('<p></p>');
    // Typing is a text insertion per key; a space after an address is what makes it a link.
    const words = ['javascript:alert(1)', 'file:///etc/passwd', 'www.example.org', 'https://www.example.org/help'];
    for (const word of words) {
      editor.commands.insertContent({ type: 'text', text: word });
      editor.commands.insertContent({ type: 'text', text: ' ' });
    }
    // Only the complete address is linked: a bare "www.example.org" would be a relative link.
    expect(linksIn(editor.getJSON())).toEqual(['https://www.example.org/help']);
    expect(editor.getText()).toBe(`${words.join(' ')} `);
  });

  it('drops unsafe links from pasted HTML', () => {
    editor = createEditor({ content: '<p></p>' });
    editor.view.pasteHTML('<p><a href="javascript:alert(1)">bad</a> and <a href="mailto:a@example.org">good</a></p>');
    expect(linksIn(editor.getJSON())).toEqual(['mailto:a@example.org']);
    expect(editor.getText()).toContain('bad and good');
  });
});

describe('a link whose address is refused', () => {
  const withLink = (href: unknown): JSONContent => ({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'the guidance', marks: [{ type: 'link', attrs: { href } }] }],
      },
    ],
  });

  it('renders as plain words with the address beside them, never as a link that reloads the app', () => {
    const html = generateHTML(withLink('javascript:alert(1)'), extensions);
    expect(html).not.toContain('<a');
    expect(html).toContain('<span class="refused-link" data-address="javascript:alert(1)">the guidance</span>');
  });

  it('shows no link in the editor either', () => {
    editor = createEditor({ content: withLink('/relative/page') });
    const root = editor.view.dom;
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('.refused-link')?.getAttribute('data-address')).toBe('/relative/page');
    expect(root.textContent).toBe('the guidance');
  });

  it('cuts a very long address short where it is shown', () => {
    const html = generateHTML(withLink(`ftp://example.org/${'a'.repeat(5000)}`), extensions);
    const shown = /data-address="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(shown.length).toBe(201);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('is never an <a> for any address the link rule refuses', () => {
    const schema = getChorusSchema();
    const serializer = DOMSerializer.fromSchema(schema);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom(...refused)), (href) => {
        const fragment = serializer.serializeFragment(schema.nodeFromJSON(withLink(href)).content);
        const holder = document.createElement('div');
        holder.append(fragment);
        const link = holder.querySelector('a');
        expect(link !== null, href).toBe(isAllowedLinkHref(href));
        expect(link?.getAttribute('href') ?? 'none').not.toBe('');
      }),
      { numRuns: 100 },
    );
  });

  it('stays a link when the address is allowed', () => {
    const html = generateHTML(withLink('https://www.example.org/'), extensions);
    expect(html).toContain('<a rel="noopener noreferrer" href="https://www.example.org/">the guidance</a>');
  });
});
