import MiniSearch, { type SearchOptions } from 'minisearch';
import type { LibraryVersionRecord } from '../../db';
import { documentText } from '@core/document/text';

/** What the index holds of one version: its words only. Nothing is stored; results are ids. */
interface SearchDocument {
  id: string;
  title: string;
  summary: string;
  text: string;
  topics: string;
}

const beyondAscii = /[\u0080-\uffff]/;

/**
 * Lower case without accents, so "cafe" finds "Café" and "Cafe" finds "café". Most words are
 * plain ASCII and skip the Unicode normalisation, which is most of the cost of indexing a word.
 */
export function foldTerm(term: string): string {
  const lower = term.toLowerCase();
  return beyondAscii.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

const searchOptions: SearchOptions = {
  // A word in the title says most about what a resource is; topics were chosen to describe it too.
  boost: { title: 3, topics: 2, summary: 1.5 },
  // Every word typed must be found, so adding a word narrows the list, as in the Drafts search.
  combineWith: 'AND',
  // Each word may be the start of a longer one (the search runs while typing), except a single
  // letter, which would match a good part of every document.
  prefix: (term) => term.length >= 2,
  // One typo in a word of four to seven letters, two in longer ones. Short words must be exact:
  // a typo there would match too many others ("the", "she", "her").
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
  maxFuzzy: 2,
};

/** How long one slice of indexing may hold the main thread before letting the page respond. */
const sliceMs = 12;

/** Whether the index has caught up with the library. */
export interface IndexState {
  /** Whether it holds exactly the library, so every result is there. */
  ready: boolean;
  /** Goes up each time what the index holds changes, so searches made before can be made again. */
  generation: number;
}

function waitForNextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Full-text search over the library with MiniSearch, kept up to date by difference rather than
 * rebuilt.
 *
 * The index is keyed by version id, and a version never changes (its id is the hash of what it
 * holds), so keeping up only means adding versions not seen before and discarding those that
 * have left the list (a newer version arrived, or the resource was withdrawn). MiniSearch's
 * auto-vacuum then cleans discarded ones out of its tree a little at a time.
 *
 * Indexing a thousand long resources takes seconds, so it runs in slices of about 12 ms with the
 * page free to respond in between. Searching meanwhile answers from what is indexed so far, and
 * {@link LibrarySearchIndex.state} says whether that is everything.
 */
export class LibrarySearchIndex {
  private readonly index = new MiniSearch<SearchDocument>({
    fields: ['title', 'summary', 'text', 'topics'],
    storeFields: [],
    processTerm: foldTerm,
    searchOptions,
  });
  private readonly indexed = new Set<string>();
  private wanted: readonly LibraryVersionRecord[] = [];
  private busy = false;
  private caughtUp: Promise<void> = Promise.resolve();
  private current: IndexState = { ready: true, generation: 0 };
  private readonly listeners = new Set<() => void>();

  /**
   * Makes the index hold exactly `records` (adding and discarding only what changed); resolves
   * once it does. A later call takes over from an earlier one that is still catching up.
   */
  update(records: readonly LibraryVersionRecord[]): Promise<void> {
    this.wanted = records;
    if (!this.busy) {
      this.busy = true;
      this.caughtUp = this.catchUp();
    }
    return this.caughtUp;
  }

  /** Ids of the versions that match every word of `query`, best match first. */
  search(query: string): string[] {
    if (query.trim() === '') return [];
    return this.index.search(query).map((result) => result.id as string);
  }

  /** How many versions the index holds now. */
  get size(): number {
    return this.indexed.size;
  }

  /** Whether the index has caught up; the same object until something changes. */
  readonly state = (): IndexState => this.current;

  /** Calls `listener` whenever {@link state} changes; returns how to stop. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs until the index holds what was last asked for. `busy` is cleared in the task of the last check. */
  private async catchUp(): Promise<void> {
    try {
      await this.catchUpLoop();
    } finally {
      this.busy = false;
    }
  }

  private async catchUpLoop(): Promise<void> {
    let changed = false;
    for (;;) {
      const target = this.wanted;
      const wantedIds = new Set(target.map((record) => record.id));
      for (const id of this.indexed) {
        if (wantedIds.has(id)) continue;
        this.index.discard(id);
        this.indexed.delete(id);
        changed = true;
      }
      const fresh = target.filter((record) => !this.indexed.has(record.id));
      const started = performance.now();
      for (const record of fresh) {
        this.index.add(searchDocument(record));
        this.indexed.add(record.id);
        changed = true;
        if (performance.now() - started > sliceMs) break;
      }
      if (fresh.every((record) => this.indexed.has(record.id))) break;
      // Said once when a long catch-up starts, not after every slice: each change re-renders the list.
      if (this.current.ready) this.publish({ ready: false, generation: this.current.generation + 1 });
      await waitForNextTask();
    }
    if (changed || !this.current.ready) this.publish({ ready: true, generation: this.current.generation + 1 });
  }

  private publish(next: IndexState): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}

function searchDocument(record: LibraryVersionRecord): SearchDocument {
  const { content } = record.approved;
  return {
    id: record.id,
    title: content.title,
    summary: content.summary,
    text: documentText(content.document),
    topics: content.topics.join(' '),
  };
}

/**
 * One index per database for the life of the page, so leaving the Library and coming back does
 * not index everything again; a WeakMap lets a closed database take its index with it.
 */
const indexes = new WeakMap<object, LibrarySearchIndex>();

export function libraryIndexFor(db: object): LibrarySearchIndex {
  let index = indexes.get(db);
  if (index === undefined) {
    index = new LibrarySearchIndex();
    indexes.set(db, index);
  }
  return index;
}
