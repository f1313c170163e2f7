import type { ApprovedVersion } from '../repository/records';

/** The consultee's choice: anonymous, a chosen name, a group (or role, or area), or their own name. */
type Credit = ApprovedVersion['consent']['choices']['attribution'];

/**
 * Words that start a description of someone rather than a name ("a survivor from Shropshire",
 * "the young people's forum", "members of …"): such a credit reads after "Written by" as it is,
 * with its first word in lower case, and is not called a name.
 */
const describingWords = new Set(['a', 'an', 'the', 'one', 'some', 'someone', 'somebody', 'members', 'people']);

function tidy(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]+$/, '')
    .trim();
}

function isDescription(value: string): boolean {
  const first = value.split(' ', 1)[0] ?? '';
  return describingWords.has(first.toLowerCase());
}

/** "A survivor …" becomes "a survivor …" mid-sentence; "THE FORUM" and "iPhone users" are left alone. */
function asPhrase(value: string): string {
  return value.replace(/^[A-Z][a-z]*\b/, (word) => word.toLowerCase());
}

/**
 * How a resource is credited, in one sentence that reads naturally wherever it is shown (the
 * consent wording, the library, packs and every export):
 * - anonymous: "Written anonymously by a person with lived experience";
 * - a chosen name: "Written under the name Robin", or for a description, "Written by a survivor
 *   from Shropshire";
 * - a group, role or area: "Written by the Telford Young People's Forum";
 * - their own name: "Written by Jo Bloggs".
 * An empty name never shows as "Written by": it reads as anonymous.
 */
export function creditLine(credit: Credit): string {
  const value = tidy(credit.value);
  if (credit.kind === 'anonymous' || value === '') return 'Written anonymously by a person with lived experience';
  if (isDescription(value)) return `Written by ${asPhrase(value)}`;
  if (credit.kind === 'pseudonym') return `Written under the name ${value}`;
  return `Written by ${value}`;
}

/**
 * The credit of an approved version, composed from the consultee's choice. Versions frozen before
 * the wording changed keep their old line in `attribution` (it is part of their hash), so every
 * screen and export shows this instead.
 */
export function creditOf(version: Pick<ApprovedVersion, 'consent'>): string {
  return creditLine(version.consent.choices.attribution);
}
