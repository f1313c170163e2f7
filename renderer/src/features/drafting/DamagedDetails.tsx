import { useId } from 'react';

/** What each field of a draft's details is called on screen, for saying which could not be read. */
const fieldNames: Readonly<Record<string, string>> = {
  title: 'title',
  summary: 'summary',
  audiences: 'audiences',
  topics: 'topics',
  contentWarnings: 'content warnings',
  reviewBy: 'review date',
  status: 'status',
  version: 'version number',
  wordCount: 'word count',
  createdAt: 'date it was started',
  updatedAt: 'date it was last edited',
  inTrash: 'whether it is in the Trash',
  trashedAt: 'date it was moved to the Trash',
};

/** "title, audiences and status": the damaged fields in words. */
export function damagedFieldsText(fields: readonly string[]): string {
  const names = fields.map((field) => fieldNames[field] ?? field);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/**
 * A "Damaged" badge and what it means, for a row of a list of drafts whose details could not all
 * be read. `id` names the explanation, so the row's link can point to it (`aria-describedby`).
 */
export function DamagedBadge({ id, fields }: { id: string; fields: readonly string[] }) {
  return (
    <p className="resource-summary" id={id}>
      <span className="badge badge-due">Damaged</span> Some of this draft’s details could not be read (
      {damagedFieldsText(fields)}), so Chorus shows safe ones instead. Check them when you next open it.
    </p>
  );
}

/** A unique id for `DamagedBadge`, or undefined when the draft is whole (so nothing points to it). */
export function useDamageId(damaged: readonly string[] | undefined): string | undefined {
  const id = useId();
  return damaged === undefined ? undefined : `${id}-damaged`;
}
