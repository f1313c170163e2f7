import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeHtml, renderDocumentHtml, renderHtmlPage, type DocumentNode } from '@core/document/html';
import { findDocumentError } from '../../../../renderer/src/editor/extensions';
import { stripReviewMarks } from '@core/document/strip';

type Mark = NonNullable<DocumentNode['marks']>[number];

function text(value: string, ...marks: Mark[]): DocumentNode {
  return marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}

function paragraph(...content: (DocumentNode | string)[]): DocumentNode {
  const nodes = content.map((child) => (typeof child === 'string' ? text(child) : child));
  return nodes.length > 0 ? { type: 'paragraph', content: nodes } : { type: 'paragraph' };
}

function node(type: string, content: DocumentNode[], attrs?: Record<string, unknown>): DocumentNode {
  return attrs === undefined ? { type, content } : { type, attrs, content };
}

function doc(...content: DocumentNode[]): DocumentNode {
  return { type: 'doc', content };
}

function render(...content: DocumentNode[]): string {
  return renderDocumentHtml(doc(...content));
}

/** Hostile JSON, typed as a document the way it arrives from a shared repository. */
function hostile(value: unknown): DocumentNode {
  return value as DocumentNode;
}

const link = (href: unknown): Mark => ({ type: 'link', attrs: { href } });
const bold: Mark = { type: 'bold' };
const italic: Mark = { type: 'italic' };

const window = new Window();
afterAll(async () => {
  await window.happyDOM.close();
});

function parseBody(html: string) {
  const container = window.document.createElement('div');
  container.innerHTML = html;
  return container;
}

function parsePage(html: string) {
  return new window.DOMParser().parseFromString(html, 'text/html');
}

const voidTags = new Set(['br', 'hr']);
const allowedTags = new Set([
  ...voidTags,
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li'],
  ...['table', 'thead', 'tbody', 'tr', 'th', 'td', 'aside', 'figure', 'div'],
  ...['a', 'strong', 'em', 'u', 'mark'],
]);
const allowedAttributes = new Set([
  ...['href', 'rel', 'start', 'type', 'scope', 'colspan', 'rowspan', 'style'],
  ...['data-type', 'role', 'aria-label', 'aria-hidden', 'class'],
]);

/**
 * Checks the HTML as text. Every text and attribute value is escaped, so each `<` must start a
 * whitelisted tag with whitelisted, double-quoted attributes, and the tags must nest properly.
 */
function expectSafeMarkup(html: string): void {
  expect(html).not.toMatch(/<script/i);
  // Text may say "onerror=" (escaped, it is only words); the tags themselves never do.
  expect((html.match(/<[^>]*>/g) ?? []).join('')).not.toMatch(/\son[a-z]+=/i);
  const tag = /<(\/?)([a-z0-9]+)((?: [a-z-]+="[^"<>]*")*)>/y;
  const open: string[] = [];
  const problems: string[] = [];
  for (let index = html.indexOf('<'); index !== -1; index = html.indexOf('<', index + 1)) {
    tag.lastIndex = index;
    const match = tag.exec(html);
    const [, closing, name = '', attributes = ''] = match ?? [];
    if (match === null) problems.push(`markup at ${index}: ${html.slice(index, index + 80)}`);
    if (!allowedTags.has(name)) problems.push(`element ${name}`);
    for (const [, attribute = ''] of attributes.matchAll(/ ([a-z-]+)="/g)) {
      if (!allowedAttributes.has(attribute)) problems.push(`attribute ${attribute}`);
    }
    if (voidTags.has(name)) continue;
    if (closing !== '/') open.push(name);
    else if (open.pop() !== name) problems.push(`</${name}> at ${index} closes another element`);
  }
  expect(problems).toEqual([]);
  expect(open).toEqual([]);
}

/** The same promises, checked in a parsed DOM. */
function expectSafeDom(html: string): void {
  const body = parseBody(html);
  expect(body.querySelectorAll('script,[onerror],[onclick]')).toHaveLength(0);
  const problems: string[] = [];
  for (const element of body.querySelectorAll('*')) {
    if (!allowedTags.has(element.localName)) problems.push(`element ${element.localName}`);
    for (const attribute of element.attributes) {
      if (!allowedAttributes.has(attribute.name)) problems.push(`attribute ${attribute.name}`);
    }
  }
  for (const anchor of body.querySelectorAll('a')) {
    const protocol = new URL(anchor.getAttribute('href') ?? '').protocol;
    if (!['http:', 'https:', 'mailto:'].includes(protocol)) problems.push(`link to ${protocol}`);
  }
  expect(problems).toEqual([]);
}

function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name = ''] of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>/g)) {
    if (voidTags.has(name)) continue;
    depth += closing === '/' ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** A document with every node and mark of the Chorus schema, in the shape the editor saves. */
const everything: DocumentNode = doc(
  node('heading', [text('Before you read')], { level: 2 }),
  node('contentWarning', [paragraph('This part talks about grooming.')]),
  paragraph(
    text('Bold', bold),
    ' ',
    text('italic', italic),
    ' ',
    text('underlined', { type: 'underline' }),
    ' ',
    text('highlighted', { type: 'highlight' }),
    ' ',
    text('a link', link('https://example.org/help')),
    { type: 'hardBreak' },
    text('email us', link('mailto:help@example.org')),
  ),
  node('heading', [text('What happened')], { level: 3 }),
  node('inMyWords', [paragraph('Nobody asked me how I was.'), paragraph('I wish they had.')]),
  node('blockquote', [paragraph('An ordinary quote.')]),
  node('bulletList', [
    node('listItem', [paragraph('First'), node('bulletList', [node('listItem', [paragraph('Nested')])])]),
    node('listItem', [paragraph('Second')]),
  ]),
  node('orderedList', [node('listItem', [paragraph('Third')])], { start: 3, type: null }),
  { type: 'horizontalRule' },
  { type: 'chorusImage', attrs: { imageId: 'image-1', alt: 'A drawing of a house' } },
  { type: 'chorusImage', attrs: { imageId: 'image-2', alt: '' } },
  node('table', [
    node('tableRow', [
      node('tableHeader', [paragraph('Who')], { colspan: 1, rowspan: 1, colwidth: null }),
      node('tableHeader', [paragraph('Where')], { colspan: 1, rowspan: 1, colwidth: null }),
    ]),
    node('tableRow', [
      node('tableHeader', [paragraph('Helpline')], { colspan: 1, rowspan: 1, colwidth: null }),
      node('tableCell', [paragraph('0800 000 000')], { colspan: 1, rowspan: 1, colwidth: null, align: 'right' }),
    ]),
    node('tableRow', [node('tableCell', [paragraph('Both')], { colspan: 2, rowspan: 1, colwidth: null })]),
  ]),
  node('heading', [text('Afterwards')], { level: 4 }),
);

const everythingHtml = [
  '<h2>Before you read</h2>',
  '<aside data-type="content-warning" role="note" aria-label="Content warning"><p>This part talks about grooming.</p></aside>',
  '<p><strong>Bold</strong> <em>italic</em> <u>underlined</u> <mark>highlighted</mark> ',
  '<a href="https://example.org/help" rel="noopener noreferrer">a link</a><br>',
  '<a href="mailto:help@example.org" rel="noopener noreferrer">email us</a></p>',
  '<h3>What happened</h3>',
  '<figure data-type="in-my-words" aria-label="In my words"><blockquote><p>Nobody asked me how I was.</p><p>I wish they had.</p></blockquote></figure>',
  '<blockquote><p>An ordinary quote.</p></blockquote>',
  '<ul><li><p>First</p><ul><li><p>Nested</p></li></ul></li><li><p>Second</p></li></ul>',
  '<ol start="3"><li><p>Third</p></li></ol>',
  '<hr>',
  '<div class="chorus-picture">Picture: A drawing of a house</div>',
  '<div class="chorus-picture" aria-hidden="true">Decorative picture</div>',
  '<table><thead><tr><th scope="col"><p>Who</p></th><th scope="col"><p>Where</p></th></tr></thead>',
  '<tbody><tr><th scope="row"><p>Helpline</p></th><td style="text-align: right"><p>0800 000 000</p></td></tr>',
  '<tr><td colspan="2"><p>Both</p></td></tr></tbody></table>',
  '<h4>Afterwards</h4>',
].join('');

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('plain words, ünïcödé 🙂')).toBe('plain words, ünïcödé 🙂');
  });

  it('never leaves <, >, " or \' unescaped, and reads back as the same text in content and attributes', () => {
    const probe = window.document.createElement('div');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', ';', '#', 'a', ' ') }),
        ),
        (value) => {
          const escaped = escapeHtml(value);
          expect(escaped).not.toMatch(/[<>"']/);
          // Every ampersand starts one of the five entities.
          expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
          // The HTML parser drops NUL and turns CR into LF, whatever the escaping.
          if (/[\0\r]/.test(value)) return;
          probe.innerHTML = `<span title="${escaped}">${escaped}</span>`;
          expect(probe.textContent).toBe(value);
          expect(probe.querySelector('span')?.getAttribute('title')).toBe(value);
        },
      ),
    );
  });
});

describe('renderDocumentHtml: nodes and marks', () => {
  it('uses only node and mark types of the Chorus schema in its fixture', () => {
    expect(findDocumentError(everything)).toBeNull();
  });

  it('renders every node and mark of the schema', () => {
    expect(renderDocumentHtml(everything)).toBe(everythingHtml);
  });

  it('keeps a mark open across text that shares it, so a link split by formatting is one link', () => {
    const href = 'https://example.org/';
    expect(
      render(
        paragraph(text('one ', link(href)), text('two', link(href), bold), text(' three', link(href)), text(' after')),
      ),
    ).toBe('<p><a href="https://example.org/" rel="noopener noreferrer">one <strong>two</strong> three</a> after</p>');
  });

  it('nests marks in schema order whatever order the JSON lists them in', () => {
    expect(render(paragraph(text('x', { type: 'highlight' }, italic, link('https://example.org'), bold)))).toBe(
      '<p><a href="https://example.org/" rel="noopener noreferrer"><strong><em><mark>x</mark></em></strong></a></p>',
    );
    expect(render(paragraph(text('x', bold, bold)))).toBe('<p><strong>x</strong></p>');
  });

  it('gives line breaks their own marks, like text', () => {
    const lineBreak = (...marks: Mark[]): DocumentNode => ({ type: 'hardBreak', marks });
    expect(render(paragraph(text('a', bold), lineBreak(bold), text('b', bold)))).toBe('<p><strong>a<br>b</strong></p>');
    expect(render(paragraph(text('a', bold), lineBreak(), text('b', bold)))).toBe(
      '<p><strong>a</strong><br><strong>b</strong></p>',
    );
    expect(render(paragraph('a', lineBreak({ type: 'suggestionInsert' }), 'b'))).toBe('<p>ab</p>');
  });

  it('writes empty paragraphs and leaves out empty text', () => {
    expect(render(paragraph(), paragraph(text(''), text('', bold)))).toBe('<p></p><p></p>');
  });

  it('shifts heading levels by headingOffset, capped at 6', () => {
    const headings = [2, 3, 4, 6].map((level) => node('heading', [text(`Level ${level}`)], { level }));
    expect(renderDocumentHtml(doc(...headings), { headingOffset: 1 })).toBe(
      '<h3>Level 2</h3><h4>Level 3</h4><h5>Level 4</h5><h6>Level 6</h6>',
    );
    expect(renderDocumentHtml(doc(...headings), { headingOffset: 9 })).toBe(
      '<h6>Level 2</h6><h6>Level 3</h6><h6>Level 4</h6><h6>Level 6</h6>',
    );
    for (const headingOffset of [-2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(renderDocumentHtml(doc(headings[0] ?? paragraph()), { headingOffset })).toBe('<h2>Level 2</h2>');
    }
    expect(renderDocumentHtml(doc(headings[0] ?? paragraph()), { headingOffset: 1.7 })).toBe('<h3>Level 2</h3>');
  });

  it('treats a missing or invalid heading level as the schema default, 1', () => {
    for (const level of [undefined, 0, 7, 2.5, '2', '2" onclick="alert(1)', null]) {
      expect(render(node('heading', [text('Title')], { level }))).toBe('<h1>Title</h1>');
    }
    expect(renderDocumentHtml(doc(node('heading', [text('Title')])), { headingOffset: 1 })).toBe('<h2>Title</h2>');
  });

  it('writes only valid ordered-list starts and types', () => {
    const list = (attrs: Record<string, unknown>) =>
      render(node('orderedList', [node('listItem', [paragraph('x')])], attrs));
    expect(list({ start: 3 })).toBe('<ol start="3"><li><p>x</p></li></ol>');
    expect(list({ start: -2, type: 'i' })).toBe('<ol start="-2" type="i"><li><p>x</p></li></ol>');
    for (const attrs of [
      { start: 1 },
      { start: 1.5 },
      { start: '3" onclick="x' },
      { start: 1e300 },
      { type: 'disc' },
    ]) {
      expect(list(attrs)).toBe('<ol><li><p>x</p></li></ol>');
    }
  });

  it('writes table spans and alignment only when they are valid', () => {
    const cell = (attrs: Record<string, unknown>) =>
      render(node('table', [node('tableRow', [node('tableCell', [paragraph('x')], attrs)])]));
    const wrapped = (td: string) => `<table><tbody><tr>${td}<p>x</p></td></tr></tbody></table>`;
    expect(cell({ colspan: 2, rowspan: 3, align: 'center' })).toBe(
      wrapped('<td colspan="2" rowspan="3" style="text-align: center">'),
    );
    expect(cell({ colspan: 1e9, rowspan: 1e9 })).toBe(wrapped('<td colspan="1000" rowspan="65534">'));
    for (const attrs of [
      { colspan: '2' },
      { colspan: 0 },
      { rowspan: -1 },
      { colspan: 2.5 },
      { align: 'red; background: url(https://example.org/)' },
      { colwidth: [100], style: 'color: red' },
    ]) {
      expect(cell(attrs)).toBe(wrapped('<td>'));
    }
  });

  it('puts a first row of header cells in thead, and marks other header cells as row headers', () => {
    const header = (value: string) => node('tableHeader', [paragraph(value)]);
    const cell = (value: string) => node('tableCell', [paragraph(value)]);
    expect(render(node('table', [node('tableRow', [header('A'), header('B')])]))).toBe(
      '<table><thead><tr><th scope="col"><p>A</p></th><th scope="col"><p>B</p></th></tr></thead></table>',
    );
    expect(render(node('table', [node('tableRow', [header('A'), cell('1')])]))).toBe(
      '<table><tbody><tr><th scope="row"><p>A</p></th><td><p>1</p></td></tr></tbody></table>',
    );
  });

  it('shows a picture as a placeholder with its description, never as an image', () => {
    const picture = (attrs: Record<string, unknown>) => render({ type: 'chorusImage', attrs });
    expect(picture({ imageId: 'image-1', alt: '  A  drawing\n of a house ' })).toBe(
      '<div class="chorus-picture">Picture: A drawing of a house</div>',
    );
    for (const alt of ['', '   ', undefined, 42, { toString: 'x' }]) {
      expect(picture({ imageId: 'image-1', alt })).toBe(
        '<div class="chorus-picture" aria-hidden="true">Decorative picture</div>',
      );
    }
    const html = picture({
      imageId: '" src="https://example.org/track.png',
      alt: 'x',
      src: 'https://example.org/a.png',
    });
    expect(html).not.toMatch(/<img|src=|example\.org|image-id/);
  });

  it('labels a content warning without adding the label to the text', () => {
    const html = render(node('contentWarning', [paragraph('Mentions of abuse.')]));
    const aside = parseBody(html).querySelector('aside');
    expect(aside?.getAttribute('role')).toBe('note');
    expect(aside?.getAttribute('aria-label')).toBe('Content warning');
    expect(aside?.textContent).toBe('Mentions of abuse.');
    // The visible label comes from the page's stylesheet, as it does in the editor.
    expect(renderHtmlPage({ title: 'T', body: html })).toMatch(
      /aside\[data-type='content-warning'\]::before \{ content: 'Content warning'/,
    );
  });
});

describe('renderDocumentHtml: links', () => {
  it.each([
    ['https://example.org/path?q=1#part', 'https://example.org/path?q=1#part'],
    ['http://example.org', 'http://example.org/'],
    ['  https://EXAMPLE.org/a b  ', 'https://example.org/a%20b'],
    ['mailto:sam@example.org', 'mailto:sam@example.org'],
    ['https://example.org/"onmouseover="alert(1)', 'https://example.org/%22onmouseover=%22alert(1)'],
    ["https://example.org/?q=' onclick='alert(1)", 'https://example.org/?q=%27%20onclick=%27alert(1)'],
  ])('links %j as %j', (href, written) => {
    const html = render(paragraph(text('words', link(href))));
    expect(html).toBe(`<p><a href="${escapeHtml(written)}" rel="noopener noreferrer">words</a></p>`);
    const anchor = parseBody(html).querySelector('a');
    expect(anchor?.getAttribute('href')).toBe(written);
    expect(anchor?.getAttributeNames()).toEqual(['href', 'rel']);
  });

  it('keeps mailto addresses with quotes inside the attribute', () => {
    const html = render(paragraph(text('mail', link('mailto:a"b@example.org?subject="><script>alert(1)</script>'))));
    expectSafeMarkup(html);
    expectSafeDom(html);
    expect(parseBody(html).querySelector('a')?.getAttribute('href')).toMatch(/^mailto:a"b@example\.org\?subject=/);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.org/1',
    'ftp://example.org/',
    '/relative/path',
    '#top',
    '//example.org/protocol-relative',
    'https:example.org',
    'www.example.org',
    'mailto:',
    'mailto:two words@example.org',
    '',
    `https://example.org/${'a'.repeat(2048)}`,
  ])('renders the words of a link to %j without the link', (href) => {
    expect(render(paragraph(text('words', link(href), bold)))).toBe('<p><strong>words</strong></p>');
  });

  it('ignores links whose href is not a string', () => {
    for (const href of [undefined, null, 42, ['https://example.org'], { href: 'https://example.org' }]) {
      expect(render(paragraph(text('words', link(href))))).toBe('<p>words</p>');
    }
    expect(render(paragraph(text('words', { type: 'link' })))).toBe('<p>words</p>');
  });
});

describe('renderDocumentHtml: hostile documents', () => {
  it('escapes markup in text, headings and picture descriptions', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '</textarea><script>alert(1)</script>',
      '</title></style><svg onload=alert(1)>',
      '" onmouseover="alert(1)',
      "' onclick='alert(1)",
      '<!-- comment --><![CDATA[x]]>',
      '&lt;already escaped&gt;',
    ];
    for (const attack of attacks) {
      const html = render(
        paragraph(attack),
        node('heading', [text(attack, bold)], { level: 2 }),
        { type: 'chorusImage', attrs: { imageId: 'image-1', alt: attack } },
        node('table', [node('tableRow', [node('tableCell', [paragraph(attack)])])]),
      );
      expectSafeMarkup(html);
      expectSafeDom(html);
      const body = parseBody(html);
      expect(body.querySelector('p')?.textContent).toBe(attack);
      expect(body.querySelector('h2')?.textContent).toBe(attack);
      expect(body.querySelector('.chorus-picture')?.textContent).toBe(`Picture: ${attack}`);
    }
  });

  it('writes only whitelisted attributes of known nodes', () => {
    const attrs = { class: 'x', style: 'background: url(https://example.org/)', id: 'main', onclick: 'alert(1)' };
    expect(render(node('paragraph', [text('x')], attrs), node('blockquote', [paragraph('y')], attrs))).toBe(
      '<p>x</p><blockquote><p>y</p></blockquote>',
    );
  });

  it('renders unknown node types as their children, never as markup', () => {
    expect(
      render(
        node('script', [text('alert(1)')], { src: 'https://example.org/x.js' }),
        { type: 'img', attrs: { src: 'x', onerror: 'alert(1)' } },
        node('iframe', [paragraph('inside a frame')], { src: 'javascript:alert(1)' }),
        node('codeBlock', [text('const x = 1;')], { language: 'js' }),
        node('<b onclick="alert(1)">', [paragraph('odd type')]),
        node('__proto__', [paragraph('proto')]),
        node('constructor', [paragraph('constructor')]),
      ),
    ).toBe('alert(1)<p>inside a frame</p>const x = 1;<p>odd type</p><p>proto</p><p>constructor</p>');
  });

  it('ignores unknown marks, including the ones the schema turns off', () => {
    const marks: Mark[] = [
      { type: 'strike' },
      { type: 'code' },
      { type: 'textStyle', attrs: { style: 'color: red' } },
      { type: 'script' },
      { type: 'onclick', attrs: { onclick: 'alert(1)' } },
    ];
    expect(render(paragraph(text('plain', ...marks)))).toBe('<p>plain</p>');
  });

  it('never writes review marks: insertions are left out and deletions stay as plain text, as when stripped', () => {
    const anchor: Mark = { type: 'commentAnchor', attrs: { threadId: 'thread-1' } };
    const suggestion = (type: string): Mark => ({
      type,
      attrs: { suggestionId: 'suggestion-1', authorId: 'facilitator-1', createdAt: 5 },
    });
    const reviewed = doc(
      paragraph(
        text('Anchored words', anchor, bold),
        text(' suggested', suggestion('suggestionInsert')),
        text(' kept', suggestion('suggestionDelete')),
        text(' and more', suggestion('suggestionDelete'), italic, anchor),
      ),
    );
    const html = renderDocumentHtml(reviewed);
    expect(html).toBe('<p><strong>Anchored words</strong> kept<em> and more</em></p>');
    expect(html).not.toMatch(/suggest|facilitator|thread|comment|<ins|<del|<span/i);
    expect(renderDocumentHtml(stripReviewMarks(reviewed))).toBe(html);
  });

  it('survives JSON that does not have the shape of a document', () => {
    const cases: [unknown, string][] = [
      [null, ''],
      ['<script>alert(1)</script>', ''],
      [42, ''],
      [[paragraph('in an array')], ''],
      [{ type: 'doc', content: 'not a list' }, ''],
      [{ type: 'doc', content: [null, 1, 'text', [], {}, { type: 7 }] }, ''],
      [{ type: 'paragraph', content: [{ type: 'text', text: 42 }, { type: 'text' }, { text: 'no type' }] }, '<p></p>'],
      [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: 'bold' }] }, '<p>x</p>'],
      [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [null, 'bold', 1, { type: 2 }] }] },
        '<p>x</p>',
      ],
      [{ type: 'heading', attrs: 'level 2', content: [{ type: 'text', text: 'x' }] }, '<h1>x</h1>'],
      [
        { type: 'text', text: 'a bare <text> node', marks: [{ type: 'bold' }] },
        '<strong>a bare &lt;text&gt; node</strong>',
      ],
      [{ type: 'hardBreak', content: [{ type: 'text', text: 'after' }] }, '<br>'],
      [{ type: 'horizontalRule', content: [{ type: 'text', text: 'inside' }] }, '<hr>'],
      [
        { type: 'chorusImage', attrs: { alt: 'x' }, content: [{ type: 'text', text: 'inside' }] },
        '<div class="chorus-picture">Picture: x</div>',
      ],
    ];
    for (const [value, html] of cases) expect(renderDocumentHtml(hostile(value))).toBe(html);
  });

  it('reads only own properties, so a "__proto__" key in JSON changes nothing', () => {
    const parsed = JSON.parse(
      '{"type":"doc","content":[{"type":"orderedList","attrs":{"__proto__":{"start":5}},"content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"link","attrs":{"__proto__":{"href":"https://example.org"}}}]}]}]}]}]}',
    ) as unknown;
    expect(renderDocumentHtml(hostile(parsed))).toBe('<ol><li><p>x</p></li></ol>');
  });

  const wrappers: [string, (inner: DocumentNode, level: number) => DocumentNode][] = [
    ['blockquotes', (inner) => node('blockquote', [inner])],
    ['lists', (inner) => node('bulletList', [node('listItem', [paragraph('item'), inner])])],
    ['unknown nodes', (inner) => node('wrapper', [inner])],
    ['paragraphs in paragraphs', (inner) => node('paragraph', [text('p'), inner])],
    ['headings in headings', (inner) => node('heading', [text('h'), inner], { level: 2 })],
    ['tables in cells', (inner) => node('table', [node('tableRow', [node('tableCell', [inner])])])],
    [
      'mixed blocks',
      (inner, level) =>
        node(['contentWarning', 'inMyWords', 'orderedList', 'listItem', 'tableHeader'][level % 5] ?? 'doc', [inner]),
    ],
  ];

  it.each(wrappers)(
    'renders 10,000 levels of %s without overflowing the stack, and flattens below a safe depth',
    (_, wrap) => {
      let deep: DocumentNode = paragraph('the bottom');
      for (let level = 0; level < 10_000; level += 1) deep = wrap(deep, level);
      const html = renderDocumentHtml(doc(deep));
      expect(html).toContain('the bottom');
      expect(nestingDepth(html)).toBeLessThanOrEqual(110);
      expectSafeMarkup(html);
      expect(parseBody(html).textContent).toContain('the bottom');
    },
  );

  it('keeps paragraphs apart below the depth limit', () => {
    let deep: DocumentNode = paragraph('the bottom');
    for (let level = 0; level < 1_000; level += 1) deep = node('blockquote', [paragraph(`level ${level}`), deep]);
    const paragraphs = Array.from(parseBody(renderDocumentHtml(doc(deep))).querySelectorAll('p'), (p) => p.textContent);
    expect(paragraphs).toHaveLength(1_001);
    expect(paragraphs.at(-1)).toBe('the bottom');
    expect(paragraphs.at(-2)).toBe('level 0');
  });

  // Sizes that a quadratic writer would take minutes over, so the test's time-out catches one; how fast the writer
  // is belongs to the benchmarks, never to a test, which must not depend on the machine's speed.
  it('renders a 30,000-word document, with a text node per word', () => {
    const marks: Mark[][] = [[], [bold], [link('https://example.org/a'), italic], [{ type: 'highlight' }]];
    const paragraphs: DocumentNode[] = [];
    for (let start = 0; start < 30_000; start += 100) {
      const words = Array.from({ length: 100 }, (_, index) =>
        text(`word${start + index} `, ...(marks[index % 4] ?? [])),
      );
      paragraphs.push(paragraph(...words));
    }
    const html = renderDocumentHtml(doc(...paragraphs));
    expect(html).toContain('word29999');
    expect(html.match(/<p>/g)).toHaveLength(300);
  });

  it('renders a single text of a million HTML characters', () => {
    const html = render(paragraph('<"\'&>'.repeat(200_000)));
    expect(html).toHaveLength('<p></p>'.length + '&lt;&quot;&#39;&amp;&gt;'.length * 200_000);
  });
});

describe('renderDocumentHtml: properties', () => {
  const hostileString = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({
      unit: fc.constantFrom(
        '<',
        '>',
        '"',
        "'",
        '&',
        '=',
        '/',
        ' ',
        '\t',
        '\n',
        ':',
        ';',
        '#',
        '\u0000',
        'script',
        'on',
        'error',
        'javascript',
        'data',
        'https',
        '//',
        'x',
      ),
    }),
    fc.constantFrom(
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://example.org/" onmouseover="alert(1)',
      "https://example.org/' onclick='alert(1)",
      'mailto:a@example.org?subject="><script>alert(1)</script>',
      '</textarea><script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
    ),
  );
  const nodeTypes = [
    ...['doc', 'paragraph', 'text', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'hardBreak'],
    ...['horizontalRule', 'table', 'tableRow', 'tableHeader', 'tableCell', 'contentWarning', 'inMyWords'],
    ...['chorusImage', 'codeBlock', 'script', 'img', '__proto__', 'constructor'],
  ];
  const markTypes = [
    ...['bold', 'italic', 'underline', 'highlight', 'link', 'link', 'link', 'strike', 'code'],
    ...['commentAnchor', 'suggestionInsert', 'suggestionDelete', 'script', 'toString'],
  ];
  const anything = fc.oneof(hostileString, fc.integer(), fc.double(), fc.constant(null), fc.boolean());
  const attrs = fc.record(
    {
      level: anything,
      href: hostileString,
      alt: hostileString,
      imageId: hostileString,
      start: anything,
      type: hostileString,
      colspan: anything,
      rowspan: anything,
      align: fc.oneof(fc.constantFrom('left', 'center', 'right'), hostileString),
      onerror: hostileString,
      style: hostileString,
      class: hostileString,
    },
    { requiredKeys: [] },
  );
  const mark = fc.record({ type: fc.oneof(fc.constantFrom(...markTypes), hostileString), attrs });
  const textNode = fc.record({
    type: fc.constant('text'),
    text: hostileString,
    marks: fc.array(mark, { maxLength: 4 }),
  });
  const { tree } = fc.letrec<{ tree: DocumentNode }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      textNode,
      fc.record(
        {
          type: fc.oneof(fc.constantFrom(...nodeTypes), hostileString),
          text: hostileString,
          attrs,
          marks: fc.array(mark, { maxLength: 2 }),
          content: fc.array(tie('tree'), { maxLength: 5 }),
        },
        { requiredKeys: ['type'] },
      ),
    ),
  }));

  it('writes no script and no event handler for any strings in text, alt and href', () => {
    fc.assert(
      fc.property(hostileString, hostileString, hostileString, (words, alt, href) => {
        const html = render(
          paragraph(text(words), text(words, link(href)), text(words, link(href), bold)),
          { type: 'chorusImage', attrs: { imageId: href, alt } },
          node('heading', [text(alt)], { level: 2 }),
        );
        expectSafeMarkup(html);
        expectSafeDom(html);
      }),
    );
  });

  it('writes only whitelisted, well-nested markup for any tree of any node and mark types', () => {
    fc.assert(
      fc.property(tree, fc.integer({ min: -3, max: 9 }), (root, headingOffset) => {
        const html = renderDocumentHtml(root, { headingOffset });
        expectSafeMarkup(html);
        expectSafeDom(html);
      }),
    );
  });

  it('keeps the words of any text in a paragraph', () => {
    fc.assert(
      fc.property(hostileString, (words) => {
        fc.pre(!/[\0\r]/.test(words));
        expect(parseBody(render(paragraph(words))).textContent).toBe(words);
      }),
    );
  });
});

describe('renderHtmlPage', () => {
  it('is a complete page that loads and runs nothing', () => {
    const html = renderHtmlPage({
      title: 'Spotting grooming',
      lead: [
        { label: 'Approved', items: ['3 March 2025'] },
        { label: 'Audiences', items: ['Social workers', 'Teachers'] },
        { label: 'Left out', items: [] },
      ],
      body: renderDocumentHtml(everything),
    });
    expect(html.startsWith('<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    const page = parsePage(html);
    expect(page.documentElement.getAttribute('lang')).toBe('en-GB');
    expect(page.title).toBe('Spotting grooming');
    expect(page.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(page.querySelector('meta[name="viewport"]')?.getAttribute('content')).toBe(
      'width=device-width, initial-scale=1',
    );
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline'(;|$)/,
    );
    expect(page.querySelectorAll('script,[onerror],[onclick],link,img,iframe,object,embed,base,form')).toHaveLength(0);
    expect(page.querySelectorAll('style')).toHaveLength(1);
    expect(page.querySelector('style')?.textContent).not.toMatch(/url\(|@import/);

    expect(Array.from(page.querySelectorAll('h1'), (h1) => h1.textContent)).toEqual(['Spotting grooming']);
    expect(Array.from(page.querySelectorAll('dt'), (dt) => dt.textContent)).toEqual(['Approved', 'Audiences']);
    expect(Array.from(page.querySelectorAll('dd'), (dd) => dd.textContent)).toEqual([
      '3 March 2025',
      'Social workers',
      'Teachers',
    ]);

    const headings = Array.from(page.querySelectorAll('h1,h2,h3,h4,h5,h6'), (h) => `${h.localName} ${h.textContent}`);
    expect(headings).toEqual(['h1 Spotting grooming', 'h2 Before you read', 'h3 What happened', 'h4 Afterwards']);
    expect(page.querySelectorAll('.chorus-document > ul > li')).toHaveLength(2);
    expect(page.querySelector('.chorus-document > ul > li > ul > li')?.textContent).toBe('Nested');
    expect(page.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(page.querySelectorAll('table thead tr th[scope="col"]')).toHaveLength(2);
    expect(page.querySelectorAll('table tbody tr')).toHaveLength(2);
    expect(page.querySelector('table tbody th')?.getAttribute('scope')).toBe('row');
    expect(page.querySelector('td[colspan="2"]')?.textContent).toBe('Both');
    expect(page.querySelector('aside[role="note"]')?.getAttribute('aria-label')).toBe('Content warning');
    expect(page.querySelector('figure[aria-label="In my words"] > blockquote')?.querySelectorAll('p')).toHaveLength(2);
    expect(Array.from(page.querySelectorAll('.chorus-picture'), (picture) => picture.textContent)).toEqual([
      'Picture: A drawing of a house',
      'Decorative picture',
    ]);
    expect(Array.from(page.querySelectorAll('a'), (a) => a.getAttribute('rel'))).toEqual([
      'noopener noreferrer',
      'noopener noreferrer',
    ]);
  });

  it('escapes the title and the lead', () => {
    const attack = '</title><script>alert(1)</script><img src=x onerror=alert(1)>';
    const html = renderHtmlPage({ title: attack, lead: [{ label: attack, items: [attack] }], body: '' });
    expect(html).not.toMatch(/<script|<img/i);
    const page = parsePage(html);
    expect(page.title).toBe(attack);
    expect(page.querySelector('h1')?.textContent).toBe(attack);
    expect(page.querySelector('dt')?.textContent).toBe(attack);
    expect(page.querySelector('dd')?.textContent).toBe(attack);
    expect(page.querySelectorAll('script,[onerror],[onclick]')).toHaveLength(0);
  });

  it('leaves the lead out when there is nothing in it', () => {
    expect(renderHtmlPage({ title: 'T', body: '<p>x</p>' })).not.toContain('<dl');
    expect(renderHtmlPage({ title: 'T', lead: [{ label: 'None', items: [] }], body: '' })).not.toContain('<dl');
  });
});
