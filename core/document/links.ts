/** Link addresses may be at most this long; longer ones are almost always pasted junk. */
const maxHrefLength = 2048;

/**
 * The address a link in a Chorus document may point to, in its WHATWG form, or null: web pages
 * over http or https with a host, and email addresses with `mailto:`. Everything else is refused:
 * `javascript:`, `data:`, `file:`, `vbscript:`, relative addresses and any other scheme, because
 * documents travel to trainers' machines and into exports where such links could run code or
 * reach local files. The editor and every renderer of documents use this one rule.
 */
export function allowedLinkHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const candidate = href.trim();
  if (candidate.length === 0 || candidate.length > maxHrefLength) return null;
  // Browsers ignore tabs and newlines inside a scheme ("java\tscript:"), so control characters are refused outright.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    // "https:example.org" parses, but it is not what anyone meant, so the slashes are required.
    return /^https?:\/\//i.test(candidate) && url.hostname.length > 0 ? url.href : null;
  }
  if (url.protocol === 'mailto:') return /^mailto:\S+$/i.test(candidate) ? url.href : null;
  return null;
}
