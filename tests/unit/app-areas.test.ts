import { describe, expect, it } from 'vitest';
import { areasFor, redirectFor } from '../../renderer/src/app/areas';

describe('areasFor', () => {
  it('offers a trainer only what a trainer can use, and everyone else every area', () => {
    const labels = (role: Parameters<typeof areasFor>[0]) => areasFor(role).map((area) => area.label);
    expect(labels('trainer')).toEqual(['Library', 'Training packs', 'Sync', 'Settings']);
    expect(labels('consultee')).toContain('Drafts');
    expect(labels('facilitator')).toContain('Review');
    expect(labels(undefined)).toHaveLength(6);
  });
});

describe('redirectFor', () => {
  it('sends a trainer from an area they do not use to the Library, and leaves every other address alone', () => {
    expect(redirectFor('trainer', '/drafts')).toBe('/library');
    expect(redirectFor('trainer', '/review/abc')).toBe('/library');
    expect(redirectFor('trainer', '/library/res-1')).toBeNull();
    expect(redirectFor('trainer', '/settings')).toBeNull();
    expect(redirectFor('consultee', '/drafts')).toBeNull();
    expect(redirectFor('facilitator', '/review/abc')).toBeNull();
    expect(redirectFor(undefined, '/drafts')).toBeNull();
    // Not an area at all: the router's own fallback deals with it.
    expect(redirectFor('trainer', '/nowhere')).toBeNull();
  });
});
