/** A content warning once, with the titles of the resources that carry it, in their order. */
export interface GatheredWarning {
  text: string;
  sources: string[];
}

/**
 * Every content warning of some resources once: the same words in another case or spacing count as
 * the same warning, and the first spelling is kept. The pack's session plan on screen and in every
 * export is built from this, so both list the same warnings from the same resources. Warnings
 * given without a title are gathered too, with no source of their own.
 */
export function gatherWarnings(
  resources: readonly { title?: string; warnings: readonly string[] }[],
): GatheredWarning[] {
  const byKey = new Map<string, GatheredWarning>();
  for (const { title, warnings } of resources) {
    for (const raw of warnings) {
      const text = raw.replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      const key = text.toLocaleLowerCase('en-GB');
      const gathered = byKey.get(key) ?? { text, sources: [] };
      if (title !== undefined && !gathered.sources.includes(title)) gathered.sources.push(title);
      byKey.set(key, gathered);
    }
  }
  return [...byKey.values()];
}

/** "Describes grooming — from “Being heard”, “What helped”", as a line of a session plan. */
export function warningLine(warning: GatheredWarning): string {
  if (warning.sources.length === 0) return warning.text;
  return `${warning.text} — from ${warning.sources.map((title) => `“${title}”`).join(', ')}`;
}
