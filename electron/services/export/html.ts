import { escapeHtml, pageHead, pageStyles, renderDocumentHtml } from '@core/document/html';
import type { Inline } from '@core/document/export-blocks';
import {
  trainerNotesTitle,
  type CoverPart,
  type ExportOutline,
  type Fact,
  type IntroductionPart,
  type ResourcePart,
  type SessionPlanPart,
} from './outline';

export interface ExportHtmlOptions {
  /**
   * The print stylesheet (`resources/print.css`), added after the page's own styles when the page
   * is printed to PDF, together with a running header naming the export.
   */
  printStyles?: string;
}

/**
 * Added to the document page's styles (`pageStyles`, which label content warnings and "in my words"
 * through CSS) for what only an export has: the skip link, the cover, contents, session plan and
 * trainer notes.
 */
const exportStyles = `
.skip-link { position: absolute; left: 0.5rem; top: -4rem; padding: 0.5rem 1rem; background: #fff; color: #0b4fa8; border: 2px solid #0b4fa8; border-radius: 4px; z-index: 1; }
.skip-link:focus { top: 0.5rem; }
body > header, body > nav, body > main { max-width: 44rem; margin: 0 auto; padding: 0 1.25rem; }
body > header { padding-top: 2rem; }
body > main { padding-bottom: 4rem; }
main:focus { outline: none; }
.cover-label { margin: 0 0 0.25rem; font-weight: 700; color: #4a4a52; text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.875rem; }
.cover-use { margin: 0 0 1rem; font-weight: 700; }
.cover-warnings { margin: 1.5rem 0; padding: 0.75rem 1rem; background: #fdf3dc; border-left: 6px solid #a86b00; }
.cover-warnings h2 { margin: 0 0 0.5rem; font-size: 1.125rem; }
.cover-warnings ul { margin: 0; }
.contents ol { padding-left: 1.5rem; }
.contents li { margin-bottom: 0.5rem; }
.contents .contents-detail { display: block; color: #4a4a52; font-size: 0.9375rem; }
.resource, .session-plan, .introduction { margin-top: 3rem; }
.lead .warnings { padding: 0.5rem 0.75rem; margin: -0.25rem -0.5rem 0.5rem; background: #fdf3dc; border-left: 6px solid #a86b00; }
.support li { margin-bottom: 0.5rem; }
.trainer-notes { margin-top: 2rem; padding: 0.75rem 1rem; border: 2px solid #4a4a52; border-radius: 6px; background: #f6f6f8; }
.trainer-notes h3 { margin-top: 0; }
.trainer-notes > :last-child, .cover-warnings > :last-child { margin-bottom: 0; }
@media print { .skip-link { display: none; } body > header, body > nav, body > main { max-width: none; padding: 0; } }
`;

function inlineHtml(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.kind === 'break' ? '<br>' : escapeHtml(inline.text))).join('');
}

function paragraphsHtml(paragraphs: readonly Inline[][]): string {
  return paragraphs.map((paragraph) => `<p>${inlineHtml(paragraph)}</p>`).join('');
}

function listHtml(items: readonly string[]): string {
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function factsHtml(facts: readonly Fact[]): string {
  if (facts.length === 0) return '';
  const rows = facts.map((fact) => {
    const className = fact.label === 'Content warnings' ? ' class="warnings"' : '';
    const items = fact.items.map((item) => `<dd>${escapeHtml(item)}</dd>`).join('');
    return `<div${className}><dt>${escapeHtml(fact.label)}</dt>${items}</div>`;
  });
  return `<dl class="lead">${rows.join('')}</dl>`;
}

function coverHtml(cover: CoverPart, resources: readonly ResourcePart[]): string {
  const parts = [
    `<p class="cover-label">${escapeHtml(cover.label)}</p>`,
    `<h1>${escapeHtml(cover.title)}</h1>`,
    cover.use === '' ? '' : `<p class="cover-use">${escapeHtml(cover.use)}</p>`,
    paragraphsHtml(cover.description),
  ];
  if (cover.contentWarnings.length > 0) {
    parts.push(
      '<section class="cover-warnings" aria-labelledby="cover-warnings">',
      '<h2 id="cover-warnings">Content warnings</h2>',
      listHtml(cover.contentWarnings),
      '</section>',
    );
  }
  // A single resource has no contents list, so its version and attribution are shown here.
  const [only] = resources;
  if (cover.resources.length === 1 && only !== undefined) {
    parts.push(factsHtml(only.facts.filter((fact) => fact.label === 'Attribution' || fact.label === 'Version')));
  }
  return `<header class="cover">${parts.join('')}</header>`;
}

function contentsHtml(outline: ExportOutline): string {
  const entries = outline.parts.flatMap((part) => {
    switch (part.kind) {
      case 'session-plan':
        return [`<li><a href="#session-plan">${escapeHtml(part.title)}</a></li>`];
      case 'introduction':
        return [`<li><a href="#introduction">${escapeHtml(part.title)}</a></li>`];
      case 'resource': {
        const cover = outline.parts[0].resources.find((resource) => resource.anchor === part.anchor);
        const detail = [cover?.version ?? '', cover?.attribution ?? ''].filter((text) => text !== '').join('. ');
        return [
          `<li><a href="#${part.anchor}">${escapeHtml(part.title)}</a>`,
          detail === '' ? '' : `<span class="contents-detail">${escapeHtml(detail)}</span>`,
          '</li>',
        ].join('');
      }
      default:
        return [];
    }
  });
  return [
    '<nav class="contents" aria-labelledby="contents-title">',
    '<h2 id="contents-title">Contents</h2>',
    `<ol>${entries.join('')}</ol>`,
    '</nav>',
  ].join('');
}

function sessionPlanHtml(part: SessionPlanPart): string {
  const parts = [
    '<section id="session-plan" class="session-plan" aria-labelledby="session-plan-title">',
    `<h2 id="session-plan-title">${escapeHtml(part.title)}</h2>`,
  ];
  if (part.contentWarnings.length > 0) {
    parts.push('<h3>Content warnings in this session</h3>', listHtml(part.contentWarnings));
  }
  if (part.support.length > 0) {
    parts.push('<h3>Support</h3>', '<ul class="support">');
    for (const contact of part.support) {
      const lines = [
        contact.name === '' ? '' : `<strong>${escapeHtml(contact.name)}</strong>`,
        escapeHtml(contact.description),
        escapeHtml(contact.contact),
      ].filter((line) => line !== '');
      parts.push(`<li>${lines.join('<br>')}</li>`);
    }
    parts.push('</ul>');
  }
  parts.push('</section>');
  return parts.join('');
}

function introductionHtml(part: IntroductionPart): string {
  return [
    '<section id="introduction" class="introduction" aria-labelledby="introduction-title">',
    `<h2 id="introduction-title">${escapeHtml(part.title)}</h2>`,
    paragraphsHtml(part.paragraphs),
    '</section>',
  ].join('');
}

function resourceHtml(part: ResourcePart): string {
  const parts = [
    `<article id="${part.anchor}" class="resource" aria-labelledby="${part.anchor}-title">`,
    `<h2 id="${part.anchor}-title">${escapeHtml(part.title)}</h2>`,
    factsHtml(part.facts),
    // The document's own headings start at h2, one level under this article's.
    `<div class="chorus-document">${renderDocumentHtml(part.document, { headingOffset: 1 })}</div>`,
  ];
  if (part.trainerNotes.length > 0) {
    parts.push(
      `<section class="trainer-notes" aria-labelledby="${part.anchor}-notes">`,
      `<h3 id="${part.anchor}-notes">${trainerNotesTitle}</h3>`,
      paragraphsHtml(part.trainerNotes),
      '</section>',
    );
  }
  parts.push('</article>');
  return parts.join('');
}

/**
 * Text as a CSS string: quotes and backslashes escaped, line breaks as `\A`, and `<` written as an
 * escape so the text can never close the `<style>` element it sits in.
 */
export function cssString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/</g, '\\3c ')
    .replace(/\r\n?|\n/g, '\\a ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '');
  return `"${escaped}"`;
}

/** The running header names the export; the cover page has none (Chromium lets the later rule win, so it comes last). */
function printHeaderStyles(title: string): string {
  return [
    `@page { @top-left { content: ${cssString(title)}; } }`,
    '@page :first { @top-left { content: none; } @bottom-right { content: none; } }',
  ].join('\n');
}

/**
 * The export as one self-contained, accessible HTML page: a skip link, the cover with its content
 * warnings, contents for a pack, then the session plan, introduction and resources, each resource
 * with its warnings first and its trainer notes in a section of their own. It loads nothing and
 * runs nothing, and its security policy says so to the browser as well.
 */
export function renderExportHtml(outline: ExportOutline, options: ExportHtmlOptions = {}): string {
  const [cover, ...rest] = outline.parts;
  const resources = rest.filter((part): part is ResourcePart => part.kind === 'resource');
  const body = rest.map((part) => {
    switch (part.kind) {
      case 'session-plan':
        return sessionPlanHtml(part);
      case 'introduction':
        return introductionHtml(part);
      case 'resource':
        return resourceHtml(part);
      default:
        return '';
    }
  });
  const styles = [pageStyles, exportStyles];
  if (options.printStyles !== undefined) styles.push(options.printStyles, printHeaderStyles(outline.title));
  return [
    ...pageHead(outline.title, styles),
    '<body>',
    '<a class="skip-link" href="#content">Skip to content</a>',
    coverHtml(cover, resources),
    outline.kind === 'pack' ? contentsHtml(outline) : '',
    '<main id="content" tabindex="-1">',
    body.join('\n'),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
