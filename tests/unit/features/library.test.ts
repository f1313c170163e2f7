import { describe, expect, it } from 'vitest';
import {
  audienceList,
  filtersFromParams,
  filtersToParams,
  isFiltering,
  isReviewDue,
  labelKey,
  noLibraryFilters,
  topicChoices,
  warningChoices,
  withdrawnNotice,
} from '../../../renderer/src/features/library/library';
import { unhashedRecord } from './library-fixtures';

describe('library helpers', () => {
  it('is due for review only once the review-by day has passed', () => {
    expect(isReviewDue('2027-03-31', '2027-03-31')).toBe(false);
    expect(isReviewDue('2027-03-30', '2027-03-31')).toBe(true);
    expect(isReviewDue('', '2027-03-31')).toBe(false);
  });

  it('writes audiences in plain en-GB words', () => {
    expect(audienceList(['police', 'licensing-night-time-economy'])).toBe('Police, Licensing and night-time economy');
  });
});

describe('library filters', () => {
  it('treats topics and warnings that differ only in capitals, accents or spaces as one choice', () => {
    const records = [
      unhashedRecord('a', { topics: ['Grooming', 'Online  safety'], warnings: ['Self-harm'] }),
      unhashedRecord('b', { topics: ['grooming', 'Café culture'], warnings: ['self-harm ', 'Abuse'] }),
    ];
    expect(labelKey('  Café   Culture ')).toBe('cafe culture');
    expect(topicChoices(records)).toEqual([
      { key: 'cafe culture', label: 'Café culture' },
      { key: 'grooming', label: 'Grooming' },
      { key: 'online safety', label: 'Online  safety' },
    ]);
    expect(warningChoices(records)).toEqual([
      { key: 'abuse', label: 'Abuse' },
      { key: 'self-harm', label: 'Self-harm' },
    ]);
  });

  it('keeps the search and filters in the address, and ignores values it does not know', () => {
    const filters = {
      query: 'taxi driver',
      audience: 'police' as const,
      topic: 'night-time economy',
      leaveOut: ['self-harm', 'abuse'],
      leaveOutAllWarnings: false,
      review: 'due' as const,
    };
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
    expect(filtersToParams(noLibraryFilters).toString()).toBe('');
    expect(filtersFromParams(new URLSearchParams('audience=aliens&review=soon&warnings=none'))).toEqual({
      ...noLibraryFilters,
      leaveOutAllWarnings: true,
    });
    expect(isFiltering(noLibraryFilters)).toBe(false);
    expect(isFiltering({ ...noLibraryFilters, query: '  ' })).toBe(false);
    expect(isFiltering({ ...noLibraryFilters, review: 'not-due' })).toBe(true);
  });
});

describe('withdrawnNotice', () => {
  it('names what was withdrawn, calmly, and nothing when nothing was', () => {
    expect(withdrawnNotice([])).toBeNull();
    expect(withdrawnNotice(['Being heard'])).toBe(
      '“Being heard” was withdrawn by its author, so it is no longer shown here. If you have copies, stop using them.',
    );
    expect(withdrawnNotice(['A', 'B'])).toContain('“A” and “B” were withdrawn by their authors, so they are');
    expect(withdrawnNotice(['A', 'B', 'C', 'D', 'E'])).toContain('“A”, “B”, “C” and 2 more were withdrawn');
  });
});
