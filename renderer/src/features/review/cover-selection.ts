import type { FindingPlace } from '@core/findings/segments';

/**
 * Selects a finding's words in the preview's cover (the title, summary, a topic or a content warning)
 * and brings them into view. The cover marks each detail with `data-finding-area` and, for lists,
 * `data-finding-index`. Returns false when the words are not there.
 */
export function selectInCover(cover: HTMLElement, place: FindingPlace): boolean {
  const selector =
    place.area === 'title' || place.area === 'summary'
      ? `[data-finding-area="${place.area}"]`
      : `[data-finding-area="${place.area}"][data-finding-index="${place.index}"]`;
  const element = cover.querySelector(selector);
  const text = element?.firstChild;
  if (element === null || text === null || text === undefined || text.nodeType !== Node.TEXT_NODE) return false;
  if ((text.textContent ?? '').length < place.to) return false;
  const range = element.ownerDocument.createRange();
  range.setStart(text, place.from);
  range.setEnd(text, place.to);
  const selection = element.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  element.scrollIntoView({ block: 'center', behavior: 'auto' });
  return true;
}
