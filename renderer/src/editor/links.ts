/** Link addresses may be at most this long; longer ones are almost always pasted junk. */
const MAX_HREF_LENGTH = 2048;

/**
 * Whether a link address is allowed in a Chorus document: web pages over http or https with a host,
 * and email addresses with `mailto:`. Everything else is refused: `javascript:`, `data:`, `file:`,
 * `vbscript:`, relative addresses and any other scheme, because documents travel to trainers'
 * machines and into exports where such links could run code or reach local files.
 */
export function isAllowedLinkHref(href: string): boolean {
  const candidate = href.trim();
  if (candidate.length === 0 || candidate.length > MAX_HREF_LENGTH) return false;
  // Browsers ignore tabs and newlines inside a scheme ("java\tscript:"), so control characters are refused outright.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    // "https:example.org" parses, but it is not what anyone meant, so the slashes are required.
    return /^https?:\/\//i.test(candidate) && url.hostname.length > 0;
  }
  if (url.protocol === 'mailto:') {
    return /^mailto:[^\s]+$/i.test(candidate);
  }
  return false;
}

/**
 * Turns what someone typed into the link dialog into an allowed address, or null. People often leave
 * out the scheme, so "www.example.org" becomes "https://www.example.org" and "sam@example.org" becomes
 * "mailto:sam@example.org".
 */
export function normaliseLinkInput(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length === 0) return null;
  if (isAllowedLinkHref(trimmed)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/?#]+\.[^:/?#]+:\d/.test(trimmed)) {
    // It names a scheme that is not allowed; guessing another one would change what the person meant.
    return null;
  }
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(trimmed)) return `mailto:${trimmed}`;
  if (/^[^\s/@]+\.[^\s/@]+/.test(trimmed)) {
    const guess = `https://${trimmed}`;
    return isAllowedLinkHref(guess) ? guess : null;
  }
  return null;
}
