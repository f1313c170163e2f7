import MiniSearch from 'minisearch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { filterLibrary, noLibraryFilters } from '../../../renderer/src/features/library/library';
import { foldTerm, libraryIndexFor, LibrarySearchIndex } from '../../../renderer/src/features/library/library-search';
import { unhashedRecord } from './library-fixtures';

const grooming = unhashedRecord('a', {
  title: 'What grooming looked like',
  summary: 'How an older man made me feel special.',
  text: 'He bought me a phone and told me nobody else understood me.',
  topics: ['Grooming'],
});
const police = unhashedRecord('b', {
  title: 'Being arrested instead of helped',
  summary: 'A night in the cells.',
  text: 'The officer called me a prostitute. I was fourteen and being exploited.',
  topics: ['Police response'],
});
const school = unhashedRecord('c', {
  title: 'The teacher who noticed',
  summary: 'Small things that made a difference at school.',
  text: 'She asked how I was, and waited for the answer. The café after school was where he found us.',
  topics: ['Education', 'Trust'],
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('library search index', () => {
  it('finds words from the title, summary, text and topics', async () => {
    const index = new LibrarySearchIndex();
    await index.update([grooming, police, school]);
    expect(index.search('phone')).toEqual(['a']);
    expect(index.search('cells')).toEqual(['b']);
    expect(index.search('trust')).toEqual(['c']);
    expect(index.search('teacher')).toEqual(['c']);
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('finds the start of a word, a word with a typo, and words without their accents', async () => {
    const index = new LibrarySearchIndex();
    await index.update([grooming, police, school]);
    expect(index.search('exploi')).toEqual(['b']);
    expect(index.search('groomnig')).toEqual(['a']);
    expect(index.search('prostitue')).toEqual(['b']);
    expect(index.search('cafe')).toEqual(['c']);
    expect(index.search('CAFÉ')).toEqual(['c']);
    expect(foldTerm('Café')).toBe('cafe');
  });

  it('needs every word, so more words narrow the results', async () => {
    const index = new LibrarySearchIndex();
    await index.update([grooming, police, school]);
    expect(index.search('me').sort()).toEqual(['a', 'b']);
    expect(index.search('me phone')).toEqual(['a']);
    expect(index.search('phone cells')).toEqual([]);
  });

  it('ranks a match in the title above the same word in the text', async () => {
    const inText = unhashedRecord('text', { title: 'Another story', text: 'A word about trust, once.' });
    const inTitle = unhashedRecord('title', { title: 'Learning to trust', text: 'Nothing else here.' });
    const index = new LibrarySearchIndex();
    await index.update([inText, inTitle]);
    expect(index.search('trust')).toEqual(['title', 'text']);
  });

  it('keeps up by difference: adds only new versions and discards the ones that left', async () => {
    const add = vi.spyOn(MiniSearch.prototype, 'add');
    const discard = vi.spyOn(MiniSearch.prototype, 'discard');
    const index = new LibrarySearchIndex();
    await index.update([grooming, police]);
    expect(add).toHaveBeenCalledTimes(2);
    expect(index.search('cells')).toEqual(['b']);

    // The police resource was withdrawn, and the school one arrived.
    await index.update([grooming, school]);
    expect(add).toHaveBeenCalledTimes(3);
    expect(discard).toHaveBeenCalledTimes(1);
    expect(discard).toHaveBeenCalledWith('b');
    expect(index.search('cells')).toEqual([]);
    expect(index.search('teacher')).toEqual(['c']);
    expect(index.size).toBe(2);

    // The same list again changes nothing and says nothing.
    const listener = vi.fn();
    index.subscribe(listener);
    await index.update([grooming, school]);
    expect(add).toHaveBeenCalledTimes(3);
    expect(listener).not.toHaveBeenCalled();

    // A newer version replaces the older one under its own id.
    const newer = unhashedRecord('a2', {
      title: 'What grooming looked like',
      text: 'Rewritten: a tablet, not a phone.',
    });
    await index.update([newer, school]);
    expect(index.search('tablet')).toEqual(['a2']);
    expect(index.search('bought')).toEqual([]);
    expect(listener).toHaveBeenCalled();
  });

  it('indexes a large library in slices, saying when it has caught up; a later list takes over', async () => {
    const many = Array.from({ length: 300 }, (_, n) =>
      unhashedRecord(`m${n}`, { title: `Story ${n}`, text: `${'word '.repeat(2000)} marker${n}` }),
    );
    const index = new LibrarySearchIndex();
    const states: boolean[] = [];
    index.subscribe(() => states.push(index.state().ready));
    const first = index.update(many);
    expect(index.state().ready).toBe(false);
    expect(index.size).toBeLessThan(many.length);
    // Before the first list is done, the library changes: the index ends up holding the second.
    const second = index.update([...many.slice(1), grooming]);
    expect(second).toBe(first);
    await second;
    expect(index.state().ready).toBe(true);
    expect(states).toEqual([false, true]);
    expect(index.size).toBe(300);
    expect(index.search('marker0')).not.toContain('m0');
    expect(index.search('marker299')[0]).toBe('m299');
    expect(index.search('phone')).toEqual(['a']);
  });

  it('keeps one index per database', () => {
    const db = {};
    expect(libraryIndexFor(db)).toBe(libraryIndexFor(db));
    expect(libraryIndexFor({})).not.toBe(libraryIndexFor(db));
  });
});

describe('search and filters together', () => {
  const today = '2027-06-01';
  const records = [
    unhashedRecord('p1', {
      title: 'Night shift',
      text: 'Taxi drivers saw us every weekend.',
      consented: ['police', 'licensing-night-time-economy'],
      topics: ['Night-time economy'],
      warnings: ['Describes sexual violence'],
      reviewBy: '2027-01-01',
    }),
    unhashedRecord('p2', {
      title: 'The taxi rank',
      text: 'A driver who asked if I was alright.',
      consented: ['licensing-night-time-economy'],
      topics: ['night-time  economy'],
      warnings: [],
      reviewBy: '2028-01-01',
    }),
    unhashedRecord('p3', {
      title: 'Hospital visits',
      text: 'Nobody asked why I kept coming back, or who the taxi driver was.',
      consented: ['health', 'police'],
      topics: ['Health'],
      warnings: ['Mentions self-harm', 'describes sexual violence'],
      reviewBy: '',
    }),
  ];
  const ids = (list: readonly { id: string }[]) => list.map((record) => record.id);

  it('narrows by consented audience, topic, warnings left out and review date, with or without a search', async () => {
    const index = new LibrarySearchIndex();
    await index.update(records);
    const taxi = index.search('taxi');
    expect(taxi.sort()).toEqual(['p1', 'p2', 'p3']);

    expect(ids(filterLibrary(records, { ...noLibraryFilters, audience: 'police' }, today, null))).toEqual(['p1', 'p3']);
    expect(ids(filterLibrary(records, { ...noLibraryFilters, topic: 'night-time economy' }, today, null))).toEqual([
      'p1',
      'p2',
    ]);
    expect(
      ids(filterLibrary(records, { ...noLibraryFilters, leaveOut: ['describes sexual violence'] }, today, null)),
    ).toEqual(['p2']);
    expect(ids(filterLibrary(records, { ...noLibraryFilters, leaveOut: ['mentions self-harm'] }, today, null))).toEqual(
      ['p1', 'p2'],
    );
    expect(ids(filterLibrary(records, { ...noLibraryFilters, leaveOutAllWarnings: true }, today, null))).toEqual([
      'p2',
    ]);
    expect(ids(filterLibrary(records, { ...noLibraryFilters, review: 'due' }, today, null))).toEqual(['p1']);
    expect(ids(filterLibrary(records, { ...noLibraryFilters, review: 'not-due' }, today, null))).toEqual(['p2', 'p3']);

    const combined = { ...noLibraryFilters, query: 'taxi', audience: 'police' as const, review: 'not-due' as const };
    expect(ids(filterLibrary(records, combined, today, index.search('taxi')))).toEqual(['p3']);
    expect(ids(filterLibrary(records, { ...combined, leaveOut: ['mentions self-harm'] }, today, taxi))).toEqual([]);
  });

  it('lists search results best first, and only those still in the library', async () => {
    const index = new LibrarySearchIndex();
    await index.update(records);
    const matches = index.search('taxi');
    expect(matches[0]).toBe('p2');
    expect(ids(filterLibrary(records.slice(1), noLibraryFilters, today, matches))).not.toContain('p1');
  });
});

/** Deterministic words: common ones often, rare ones seldom, like real writing. */
describe('a larger library', () => {
  // How fast indexing and searching are is measured in bench/benchmarks/library-search.ts, against MiniSearch
  // itself in the same run; here only what the index does with more than one slice of work.
  it('indexes 300 versions, answers queries of every kind, and keeps up by difference', async () => {
    const words = ['river', 'station', 'harbour', 'lantern', 'meadow', 'orchard', 'quarry', 'thicket'];
    const text = (n: number) =>
      Array.from({ length: 200 }, (_, index) => words[(n * 7 + index * 3) % words.length] ?? '').join(' ');
    const records = Array.from({ length: 300 }, (_, n) =>
      unhashedRecord(`s${n}`, { title: `Resource ${n} ${words[n % words.length] ?? ''}`, text: [text(n)] }),
    );
    const index = new LibrarySearchIndex();
    await index.update(records);
    expect(index.size).toBe(300);
    expect(index.state().ready).toBe(true);
    expect(index.search('lantern').length).toBeGreaterThan(0);
    expect(index.search('lant').length).toBeGreaterThan(0);
    expect(index.search('lanterx').length).toBeGreaterThan(0);
    expect(index.search('zzzzzz')).toEqual([]);

    const oneMore = unhashedRecord('extra', { title: 'Resource extra', text: ['a word found nowhere else: kestrel'] });
    await index.update([...records.slice(1), oneMore]);
    expect(index.size).toBe(300);
    expect(index.search('kestrel')).toEqual(['extra']);
    expect(index.search('Resource 0 river').includes('s0')).toBe(false);
  });
});
