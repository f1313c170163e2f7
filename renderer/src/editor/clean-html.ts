import { isSafeImageId } from './image-store';
import { isAllowedLinkHref } from './links';

export interface CleanHtmlOptions {
  /**
   * Which `<img data-image-id>` references survive. Paste keeps them (they were copied from a Chorus
   * document on this device); an import keeps only the ids it assigned itself, so a file cannot point
   * at pictures of another resource.
   */
  keepImageRef: (imageId: string) => boolean;
  /**
   * Whether `data:` and `blob:` pictures are kept (with their `src`) for the caller to store, or
   * dropped. Either way the returned HTML must not reach a document before they are replaced.
   */
  keepEmbeddedImages: boolean;
  /**
   * Whether `h1` stays (an import reads the title from it) or becomes `h2` (in a document the page's
   * only `h1` is the resource title).
   */
  keepHeading1: boolean;
  /** Whether ProseMirror's `data-pm-slice` marker stays, so copying within Chorus keeps partial paragraphs. */
  keepSliceMarker: boolean;
}

export interface CleanedHtml {
  /** The cleaned content, in a detached element that never runs scripts or loads anything. */
  body: HTMLElement;
  /** The `img` elements whose `src` is a `data:` or `blob:` URL still to be stored. */
  embeddedImages: HTMLImageElement[];
}

const defaults: CleanHtmlOptions = {
  keepImageRef: () => false,
  keepEmbeddedImages: false,
  keepHeading1: false,
  keepSliceMarker: false,
};

/** Elements removed with everything in them: code, styling, metadata, embedded content and forms. */
const removedWithContent = new Set([
  'applet',
  'area',
  'audio',
  'base',
  'button',
  'canvas',
  'col',
  'colgroup',
  'datalist',
  'dialog',
  'embed',
  'form',
  'frame',
  'frameset',
  'head',
  'iframe',
  'input',
  'link',
  'map',
  'math',
  'meta',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'optgroup',
  'option',
  'param',
  'script',
  'select',
  'source',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'track',
  'video',
  'xml',
]);

/** Elements replaced by their content: they only carry presentation. */
const unwrapped = new Set(['font', 'span', 'center', 'big', 'small', 'blink', 'marquee', 'picture', 'label']);

/** Attributes each element may keep; every other attribute (class, style, id, on*, target…) goes. */
const allowedAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['alt', 'data-image-id'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
  aside: ['data-type'],
  figure: ['data-type'],
};

/** The only `data-type` values that mean something: the two Chorus blocks. */
const allowedDataTypes: Readonly<Record<string, string>> = { aside: 'content-warning', figure: 'in-my-words' };

type Formatting = 'strong' | 'em' | 'u' | 'mark';

/** The CSS declarations of a `style` attribute, by lower-case property name. */
function declarations(style: string | null): Map<string, string> {
  const result = new Map<string, string>();
  if (style === null) return result;
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    result.set(
      declaration.slice(0, colon).trim().toLowerCase(),
      declaration
        .slice(colon + 1)
        .trim()
        .toLowerCase(),
    );
  }
  return result;
}

/**
 * Formatting that Word and Google Docs express with inline styles on `span`s rather than with
 * `b`/`i`/`u`. It is turned into elements before styles are removed, so bold stays bold.
 */
function formattingFromStyle(style: Map<string, string>): Formatting[] {
  const result: Formatting[] = [];
  const weight = style.get('font-weight');
  if (weight !== undefined && /^(bold|bolder|[6-9]00)\b/.test(weight)) result.push('strong');
  const fontStyle = style.get('font-style');
  if (fontStyle !== undefined && /^(italic|oblique)\b/.test(fontStyle)) result.push('em');
  const decoration = style.get('text-decoration') ?? style.get('text-decoration-line');
  if (decoration?.includes('underline') === true) result.push('u');
  const msoHighlight = style.get('mso-highlight');
  const background = style.get('background-color') ?? style.get('background');
  if (
    (msoHighlight !== undefined && msoHighlight !== 'none') ||
    (background !== undefined && /^(yellow|#ff0|#ffff00)\b/.test(background))
  ) {
    result.push('mark');
  }
  return result;
}

function isHidden(element: Element, style: Map<string, string>): boolean {
  return (
    element.hasAttribute('hidden') ||
    style.get('display') === 'none' ||
    style.get('mso-hide') === 'all' ||
    style.get('visibility') === 'hidden'
  );
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function rename(element: Element, tagName: string): Element {
  const replacement = element.ownerDocument.createElement(tagName);
  for (const attribute of Array.from(element.attributes)) replacement.setAttribute(attribute.name, attribute.value);
  replacement.append(...Array.from(element.childNodes));
  element.replaceWith(replacement);
  return replacement;
}

function wrapContent(element: Element, formatting: readonly Formatting[]): void {
  const document = element.ownerDocument;
  const outer = document.createElement(formatting[0] ?? 'span');
  let inner = outer;
  for (const tag of formatting.slice(1)) {
    const next = document.createElement(tag);
    inner.append(next);
    inner = next;
  }
  inner.append(...Array.from(element.childNodes));
  element.replaceWith(outer);
}

function stripAttributes(element: Element, options: CleanHtmlOptions): void {
  const tag = element.tagName.toLowerCase();
  const allowed = allowedAttributes[tag] ?? [];
  for (const { name } of Array.from(element.attributes)) {
    if (allowed.includes(name)) continue;
    // Only embedded pictures still have a src here (cleanImage removed every other one), and they
    // need it until they are stored.
    if (tag === 'img' && name === 'src' && /^(data:image\/|blob:)/i.test(element.getAttribute('src') ?? '')) continue;
    if (name === 'data-pm-slice' && options.keepSliceMarker) continue;
    element.removeAttribute(name);
  }
  const dataType = element.getAttribute('data-type');
  if (dataType !== null && dataType !== allowedDataTypes[tag]) element.removeAttribute('data-type');
  for (const span of ['colspan', 'rowspan']) {
    const value = element.getAttribute(span);
    if (value !== null && !/^[1-9]\d{0,2}$/.test(value.trim())) element.removeAttribute(span);
  }
  const start = element.getAttribute('start');
  if (start !== null && !/^\d{1,6}$/.test(start.trim())) element.removeAttribute('start');
}

function cleanLink(link: Element): void {
  const href = link.getAttribute('href');
  if (href === null || !isAllowedLinkHref(href)) {
    // The words stay; only the unsafe or unusable link (javascript:, relative, #anchor) goes.
    unwrap(link);
    return;
  }
  link.setAttribute('href', href.trim());
}

function cleanImage(image: HTMLImageElement, options: CleanHtmlOptions, embedded: HTMLImageElement[]): void {
  const imageId = image.getAttribute('data-image-id');
  if (imageId !== null && isSafeImageId(imageId) && options.keepImageRef(imageId)) {
    image.removeAttribute('src');
    return;
  }
  image.removeAttribute('data-image-id');
  const src = (image.getAttribute('src') ?? '').trim();
  if (options.keepEmbeddedImages && /^(data:image\/|blob:)/i.test(src)) {
    embedded.push(image);
    return;
  }
  // Remote pictures are never fetched (the app stays offline and leaks nothing), and file: or
  // relative pictures cannot be read, so they are left out.
  image.remove();
}

const msoListPattern = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const orderedMarker = /^\(?(\d+(\.\d+)*[.)]?|[a-z][.)]|[ivxlcdm]+[.)])$/i;

interface ListFrame {
  level: number;
  listId: string;
  ordered: boolean;
  list: HTMLElement;
  lastItem: HTMLElement | null;
}

function wordListInfo(paragraph: Element): { listId: string; level: number } | null {
  const match = msoListPattern.exec(paragraph.getAttribute('style') ?? '');
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { listId: match[1].toLowerCase(), level: Number(match[2]) };
}

/** Reads and removes the marker Word writes as text before a list paragraph ("·", "1.", "a)"). */
function takeWordListMarker(paragraph: Element): string {
  const marker = Array.from(paragraph.querySelectorAll('span')).find((span) =>
    /mso-list:\s*ignore/i.test(span.getAttribute('style') ?? ''),
  );
  if (marker === undefined) return '';
  const text = marker.textContent.replace(/[\s\u00a0]+/g, '');
  marker.remove();
  return text;
}

function isWhitespaceText(node: Node | null): boolean {
  return node !== null && node.nodeType === node.TEXT_NODE && /^[\s\u00a0]*$/.test(node.textContent ?? '');
}

/**
 * Word copies numbered and bulleted paragraphs as `<p style="mso-list:l0 level1 lfo1">` with the
 * bullet as text, not as `ul`/`ol`. Runs of such paragraphs become real, nested lists. The `mso-list`
 * style is the signal rather than the `MsoListParagraph` class, because Word also uses that class for
 * indented paragraphs that are not in a list, and uses `MsoNormal` for some list paragraphs.
 */
function convertWordLists(body: HTMLElement): void {
  const document = body.ownerDocument;
  const paragraphs = Array.from(body.querySelectorAll('p')).filter((paragraph) => wordListInfo(paragraph) !== null);
  const converted = new Set<Element>();

  for (const first of paragraphs) {
    if (converted.has(first)) continue;
    const group: Element[] = [first];
    let sibling: Node | null = first.nextSibling;
    for (;;) {
      while (isWhitespaceText(sibling)) sibling = sibling?.nextSibling ?? null;
      if (!(sibling instanceof Element) || sibling.tagName !== 'P' || wordListInfo(sibling) === null) break;
      group.push(sibling);
      sibling = sibling.nextSibling;
    }

    const roots: HTMLElement[] = [];
    const stack: ListFrame[] = [];
    for (const paragraph of group) {
      converted.add(paragraph);
      const info = wordListInfo(paragraph) ?? { listId: '', level: 1 };
      const marker = takeWordListMarker(paragraph);
      const ordered = orderedMarker.test(marker);
      while ((stack.at(-1)?.level ?? 0) > info.level) stack.pop();
      let top = stack.at(-1);
      if (
        top !== undefined &&
        top.level === info.level &&
        (top.ordered !== ordered || (stack.length === 1 && top.listId !== info.listId))
      ) {
        stack.pop();
        top = stack.at(-1);
      }
      if (top === undefined || top.level < info.level) {
        const list = document.createElement(ordered ? 'ol' : 'ul');
        const start = /^\(?(\d+)/.exec(marker)?.[1];
        if (ordered && start !== undefined && start !== '1') list.setAttribute('start', start);
        if (top?.lastItem) top.lastItem.append(list);
        else roots.push(list);
        top = { level: info.level, listId: info.listId, ordered, list, lastItem: null };
        stack.push(top);
      }
      const item = document.createElement('li');
      const content = document.createElement('p');
      content.append(...Array.from(paragraph.childNodes));
      item.append(content);
      top.list.append(item);
      top.lastItem = item;
    }

    first.before(...roots);
    for (const paragraph of group) paragraph.remove();
  }
}

function removeComments(body: HTMLElement): void {
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

function isEmptyBlock(element: Element): boolean {
  return element.querySelector('img, br, hr, table') === null && /^[\s\u00a0\u200b]*$/.test(element.textContent);
}

/**
 * Parses HTML into a detached element. Template contents are inert: scripts never run, and pictures
 * and frames never load, whatever the HTML holds. A whole clipboard document (html, head, body)
 * parses too; its head elements are then removed like any other.
 */
function parseInert(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const container = template.content.ownerDocument.createElement('div');
  container.append(template.content);
  return container;
}

/**
 * Reduces HTML from the clipboard or from a converted file to what the Chorus schema means, and
 * removes everything that could run, load or hide something. Used by paste and by every import, so
 * both keep exactly the same content.
 *
 * Word's conditional comments (`<!--[if …]>…<![endif]-->`) and downlevel-revealed markers are
 * comments to the HTML parser, so removing comments removes them with the `<xml>` inside.
 */
export function cleanHtml(html: string, options: Partial<CleanHtmlOptions> = {}): CleanedHtml {
  const settings: CleanHtmlOptions = { ...defaults, ...options };
  const body = parseInert(html);
  const embeddedImages: HTMLImageElement[] = [];

  removeComments(body);
  convertWordLists(body);

  for (const element of Array.from(body.querySelectorAll('*'))) {
    // An ancestor removed earlier takes its descendants with it.
    if (!body.contains(element)) continue;
    // tagName keeps Office prefixes ("O:P") in every DOM; localName drops them in some.
    const tag = element.tagName.toLowerCase();
    const style = declarations(element.getAttribute('style'));

    if (removedWithContent.has(tag) || isHidden(element, style)) {
      element.remove();
      continue;
    }
    if (tag.includes(':')) {
      // Office's namespaced elements: `o:p` only holds spacing, `v:` and `w:` are drawings and
      // settings; others (such as `st1:` smart tags) wrap real words.
      const prefix = tag.slice(0, tag.indexOf(':'));
      if (prefix === 'v' || prefix === 'w' || prefix === 'm' || (tag === 'o:p' && isEmptyBlock(element))) {
        element.remove();
      } else {
        unwrap(element);
      }
      continue;
    }
    if (unwrapped.has(tag)) {
      const formatting = formattingFromStyle(style);
      if (formatting.length > 0) wrapContent(element, formatting);
      else unwrap(element);
      continue;
    }
    if (
      ((tag === 'b' || tag === 'strong') && style.get('font-weight') === 'normal') ||
      ((tag === 'i' || tag === 'em') && style.get('font-style') === 'normal')
    ) {
      // Google Docs wraps a whole copied fragment in <b style="font-weight:normal">.
      unwrap(element);
      continue;
    }

    let current: Element = element;
    if (tag === 'a') {
      cleanLink(element);
      if (!body.contains(element)) continue;
    } else if (tag === 'img') {
      cleanImage(element as HTMLImageElement, settings, embeddedImages);
      if (!body.contains(element)) continue;
    } else if ((tag === 'h1' && !settings.keepHeading1) || tag === 'h5' || tag === 'h6') {
      current = rename(element, tag === 'h1' ? 'h2' : 'h4');
    } else if (tag === 'caption') {
      // A table caption has no place in the schema's tables; it stays as a paragraph before the table.
      const table = element.closest('table');
      const paragraph = rename(element, 'p');
      if (table !== null) table.before(paragraph);
      current = paragraph;
    }
    stripAttributes(current, settings);
  }

  for (const paragraph of Array.from(body.querySelectorAll('p'))) {
    if (isEmptyBlock(paragraph)) paragraph.remove();
  }

  return { body, embeddedImages };
}
