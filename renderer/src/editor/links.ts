import { allowedLinkHref } from '@core/document/links';

/** Whether a link address is allowed in a Chorus document; the rule is {@link allowedLinkHref}. */
export function isAllowedLinkHref(href: string): boolean {
  return allowedLinkHref(href) !== null;
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
