import { describe, expect, it } from 'vitest';
import { areasFor } from '../../renderer/src/app/areas';

describe('areasFor', () => {
  it('offers a trainer only what a trainer can use, and everyone else every area', () => {
    const labels = (role: Parameters<typeof areasFor>[0]) => areasFor(role).map((area) => area.label);
    expect(labels('trainer')).toEqual(['Library', 'Training packs', 'Sync', 'Settings']);
    expect(labels('consultee')).toContain('Drafts');
    expect(labels('facilitator')).toContain('Review');
    expect(labels(undefined)).toHaveLength(6);
  });
});
