import { describe, expect, it } from 'vitest';
import { fixedClock } from '@core/clock';
import { base64ToBytes } from '@core/base64';
import type { ApprovedVersion } from '@core/repository/records';
import type { LibraryVersionRecord, PackItemView, PackView, SupportContactRecord } from '../../../renderer/src/db';
import {
  buildSessionPlan,
  canExport,
  exportBlockedReason,
  exportBlockers,
  exportOutcomeText,
  filterByTitle,
  itemState,
  libraryChoices,
  packExportRequest,
  positionMessage,
  withdrawnMessage,
} from '../../../renderer/src/features/packs/pack-rules';
import { describeUse, type PackUse } from '@core/co-production/consent';
import { packVersion } from '../db/packs-fixtures';

function record(approved: ApprovedVersion, withdrawnAt?: number): LibraryVersionRecord {
  return {
    id: approved.id,
    resourceId: approved.content.resourceId,
    version: approved.content.version,
    path: `resources/${approved.content.resourceId}/versions/x.json`,
    approved,
    pulledAt: 1,
    ...(withdrawnAt === undefined ? {} : { withdrawnAt }),
  };
}

function itemView(
  pinned: LibraryVersionRecord | undefined,
  options: { notes?: string; newest?: LibraryVersionRecord; withdrawnAt?: number } = {},
): PackItemView {
  return {
    item: {
      id: `item-${pinned?.resourceId ?? 'missing'}`,
      versionId: pinned?.id ?? 'gone',
      notes: options.notes ?? '',
    },
    pinned,
    newest: options.newest ?? pinned,
    withdrawnAt: options.withdrawnAt,
  };
}

/** A pack for social care, used in training sessions. */
const care = { audience: 'social-care', purpose: 'training-sessions' } as const;

function packView(items: PackItemView[], use: PackUse = care): PackView {
  return {
    pack: {
      id: 'p',
      name: 'Week one',
      description: 'For new starters',
      introduction: 'Welcome, everyone.',
      ...use,
      items: items.map((each) => each.item),
      createdAt: 1,
      updatedAt: 2,
    },
    items,
  };
}

const helpline: SupportContactRecord = {
  id: 's1',
  name: 'Helpline',
  description: 'Day and night',
  contact: '0800 000 000',
};

describe('which library resources a pack may take', () => {
  it('offers only resources consented for the pack’s audience, marks those already in it, and says which are not offered', async () => {
    const library = [
      record(await packVersion('both', { title: 'Both', consented: ['social-care', 'police'] })),
      record(await packVersion('care', { title: 'Care only', consented: ['social-care'] })),
      record(await packVersion('police', { title: 'Police only', consented: ['police'] })),
      record(await packVersion('gone', { title: 'Gone', consented: ['social-care'] }), 50),
    ];
    const forCare = libraryChoices(library, care, new Set(['care']));
    expect(forCare.offered.map((choice) => [choice.record.resourceId, choice.inPack])).toEqual([
      ['both', false],
      ['care', true],
    ]);
    expect(forCare.notConsented.map((each) => each.resourceId)).toEqual(['police']);

    const forHealth = libraryChoices(library, { audience: 'health', purpose: 'training-sessions' }, new Set());
    expect(forHealth.offered).toEqual([]);
    expect(forHealth.notConsented.map((each) => each.resourceId)).toEqual(['both', 'care', 'police']);
  });

  it('offers only resources consented for the pack’s use as well', async () => {
    const library = [
      record(await packVersion('sessions', { uses: ['training-sessions'] })),
      record(await packVersion('handout', { uses: ['written-materials'] })),
      record(await packVersion('either', { uses: ['written-materials', 'training-sessions'] })),
    ];
    const offered = (use: PackUse) =>
      libraryChoices(library, use, new Set()).offered.map((each) => each.record.resourceId);
    expect(offered(care)).toEqual(['sessions', 'either']);
    expect(offered({ audience: 'social-care', purpose: 'written-materials' })).toEqual(['handout', 'either']);
    expect(offered({ audience: 'social-care', purpose: 'online-learning' })).toEqual([]);
    // A pack made before packs had a use is held to its audience alone until the trainer chooses one.
    expect(offered({ audience: 'social-care' })).toEqual(['sessions', 'handout', 'either']);
    expect(describeUse(care)).toBe('Social care, in training sessions led by a trainer');
    expect(describeUse({ audience: 'police' })).toBe('Police');
  });

  it('filters by title, ignoring case and the spaces around the query', async () => {
    const choices = [
      { record: record(await packVersion('a', { title: 'Being Heard' })) },
      { record: record(await packVersion('b', { title: 'What helped' })) },
    ];
    expect(filterByTitle(choices, '  HEARD ').map((choice) => choice.record.resourceId)).toEqual(['a']);
    expect(filterByTitle(choices, '')).toHaveLength(2);
    expect(filterByTitle(choices, 'nothing')).toEqual([]);
  });
});

describe('item states', () => {
  it('offers a newer version, never takes it, and says when its consent does not cover the audience', async () => {
    const v1 = record(await packVersion('a', { version: 1 }));
    const v2 = record(await packVersion('a', { version: 2 }));
    const v3 = record(await packVersion('a', { version: 3, consented: ['police'] }));
    expect(itemState(itemView(v1), care)).toEqual({ kind: 'ready', newer: null });
    expect(itemState(itemView(v1, { newest: v2 }), care)).toEqual({
      kind: 'ready',
      newer: { id: v2.id, version: 2, consented: true },
    });
    expect(itemState(itemView(v1, { newest: v3 }), care)).toMatchObject({
      newer: { version: 3, consented: false },
    });
    expect(itemState(itemView(v1, { newest: v2, withdrawnAt: 99 }), care)).toEqual({
      kind: 'withdrawn',
      at: 99,
    });
    expect(itemState(itemView(undefined), care)).toEqual({ kind: 'missing' });
  });
});

describe('export blockers', () => {
  it('turns export off for an empty pack, a withdrawn item, a missing version or too many items, and says why', async () => {
    const a = record(await packVersion('a', { title: 'Being heard' }));
    const b = record(await packVersion('b', { title: 'What helped' }));
    const withdrawnOn = Date.UTC(2026, 0, 2, 12);

    const empty = exportBlockers(packView([]));
    expect(canExport(empty)).toBe(false);
    expect(exportBlockedReason(empty)).toBe('Add at least one resource before exporting.');

    const fine = exportBlockers(packView([itemView(a), itemView(b)]));
    expect(canExport(fine)).toBe(true);
    expect(exportBlockedReason(fine)).toBe('');

    const oneWithdrawn = exportBlockers(packView([itemView(a), itemView(b, { withdrawnAt: withdrawnOn })]));
    expect(canExport(oneWithdrawn)).toBe(false);
    expect(oneWithdrawn.withdrawn).toEqual([{ itemId: 'item-b', title: 'What helped', at: withdrawnOn }]);
    expect(exportBlockedReason(oneWithdrawn)).toBe(
      'Export is off: “What helped” was withdrawn. Remove it from the pack first.',
    );
    expect(withdrawnMessage('What helped', withdrawnOn, fixedClock(withdrawnOn))).toBe(
      '“What helped” was withdrawn on 2 January 2026. Remove it before exporting.',
    );

    const twoWithdrawn = exportBlockers(
      packView([itemView(a, { withdrawnAt: 1 }), itemView(b, { withdrawnAt: withdrawnOn })]),
    );
    expect(exportBlockedReason(twoWithdrawn)).toMatch(/^Export is off: 2 resources in this pack were withdrawn\./);

    const missing = exportBlockers(packView([itemView(a), itemView(undefined)]));
    expect(canExport(missing)).toBe(false);
    expect(exportBlockedReason(missing)).toMatch(/no longer on this device/);

    const many = Array.from({ length: 201 }, (_, index) => ({
      ...itemView(a),
      item: { id: `i${index}`, versionId: a.id, notes: '' },
    }));
    expect(exportBlockedReason(exportBlockers(packView(many)))).toMatch(/at most 200 resources/);
    expect(canExport(exportBlockers(packView(many.slice(0, 200))))).toBe(true);

    expect(packExportRequest('pdf', packView([itemView(a), itemView(b, { withdrawnAt: 5 })]), [])).toBeNull();
  });

  it('turns export off for a pack with no use yet, and for items whose consent does not cover its use', async () => {
    const sessions = record(await packVersion('a', { title: 'Being heard' }));
    const handout = record(await packVersion('b', { title: 'What helped', uses: ['written-materials'] }));
    const noUse = exportBlockers(packView([itemView(sessions), itemView(handout)], { audience: 'social-care' }));
    expect(canExport(noUse)).toBe(false);
    expect(exportBlockedReason(noUse)).toBe('Export is off: choose how this pack will be used first.');

    const chosen = exportBlockers(packView([itemView(sessions), itemView(handout)], care));
    expect(itemState(itemView(handout), care)).toEqual({ kind: 'not-consented' });
    expect(chosen.notConsented).toEqual([{ itemId: 'item-b', title: 'What helped' }]);
    expect(canExport(chosen)).toBe(false);
    expect(exportBlockedReason(chosen)).toBe(
      'Export is off: the consent for “What helped” does not cover how this pack will be used. Remove it from the pack first.',
    );
    expect(packExportRequest('docx', packView([itemView(sessions), itemView(handout)], care), [])).toBeNull();
    expect(canExport(exportBlockers(packView([itemView(sessions)], care)))).toBe(true);
    const two = exportBlockers(
      packView(
        [itemView(handout), { ...itemView(handout), item: { id: 'i2', versionId: handout.id, notes: '' } }],
        care,
      ),
    );
    expect(exportBlockedReason(two)).toMatch(/^Export is off: the consent for 2 resources in this pack does not cover/);
  });
});

describe('session plan and export request', () => {
  it('gathers every content warning once, with the resources it comes from, in pack order', async () => {
    const a = await packVersion('a', { title: 'Being heard', warnings: ['Describes grooming', 'Self-harm'] });
    const b = await packVersion('b', { title: 'What helped', warnings: ['describes  GROOMING ', 'Police custody'] });
    const c = await packVersion('c', { title: '  ', warnings: ['Self-harm', '  '] });
    const plan = buildSessionPlan([a, b, c], [helpline]);
    expect(plan.warnings).toEqual([
      { text: 'Describes grooming', sources: ['Being heard', 'What helped'] },
      { text: 'Self-harm', sources: ['Being heard', 'Untitled'] },
      { text: 'Police custody', sources: ['What helped'] },
    ]);
    expect(plan.support).toEqual([helpline]);
    expect(buildSessionPlan([], []).warnings).toEqual([]);
  });

  it('builds the export.create request from the pinned versions with their notes, in order', async () => {
    const a = record(await packVersion('a', { warnings: ['Describes grooming'] }));
    const b = record(await packVersion('b', { warnings: ['Describes grooming', 'Self-harm'] }));
    const request = packExportRequest(
      'docx',
      packView([itemView(b, { notes: 'Start with this' }), itemView(a, { notes: '' })]),
      [helpline],
    );
    expect(request).toEqual({
      format: 'docx',
      kind: 'pack',
      title: 'Week one',
      description: 'For new starters',
      use: { audience: 'social-care', purpose: 'training-sessions' },
      introduction: 'Welcome, everyone.',
      sessionPlan: {
        contentWarnings: ['Describes grooming', 'Self-harm'],
        support: [{ name: 'Helpline', description: 'Day and night', contact: '0800 000 000' }],
      },
      items: [
        { version: b.approved, notes: 'Start with this' },
        { version: a.approved, notes: '' },
      ],
    });
  });
});

describe('words on screen', () => {
  it('says where an item moved and how an export ended', () => {
    expect(positionMessage('Being heard', 1, 3)).toBe('“Being heard” is now 2 of 3.');
    expect(exportOutcomeText({ outcome: 'saved', fileName: 'Week one.docx' })).toBe('Saved Week one.docx');
    expect(
      exportOutcomeText({ outcome: 'download', fileName: 'Week one.pdf', mimeType: 'application/pdf', data: '' }),
    ).toBe('Downloaded Week one.pdf');
    expect(exportOutcomeText({ outcome: 'cancelled' })).toBe('Export cancelled. Nothing was saved.');
    expect(exportOutcomeText({ outcome: 'failed', message: 'Export is not available yet.' })).toBe(
      'Export is not available yet.',
    );
  });

  it('decodes a download’s base64 bytes exactly', () => {
    const bytes = Uint8Array.from([0, 1, 127, 128, 255, 80, 75]);
    expect([...base64ToBytes(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
  });
});
