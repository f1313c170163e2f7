import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addKnownDetail,
  createResource,
  decideFinding,
  getDocument,
  getResource,
  KnownDetailRefused,
  listKnownDetails,
  removeKnownDetail,
  replaceEverywhere,
  saveDocument,
  updateDetails,
  type ChorusDb,
} from '../../../renderer/src/db';
import { listDecisions } from '../../../renderer/src/db/findings';
import { createProfile } from '../../../renderer/src/db/profiles';
import { openTestDb, paragraphs } from '../../helpers/db';

let db: ChorusDb;

beforeEach(() => {
  db = openTestDb();
});

afterEach(async () => {
  await db.delete();
});

async function facilitator() {
  const profile = await db.profiles.get(await createProfile(db, 'Sam', 'facilitator'));
  if (profile === undefined) throw new Error('no profile');
  return profile;
}

describe('identifying-details decisions', () => {
  it('replaces a finding everywhere, logs it locally and records the decision', async () => {
    const profile = await db.profiles.get(await createProfile(db, 'Sam', 'facilitator'));
    if (profile === undefined) throw new Error('no profile');
    const id = await createResource(db, { doc: paragraphs('Call 07700 900123.', 'Or 07700 900123 again.') });
    const finding = { kind: 'phone', text: '07700 900123' };
    expect(await replaceEverywhere(db, id, finding, '[phone number removed]', profile, 10)).toBe(2);
    expect((await getDocument(db, id))?.text).toBe('Call [phone number removed].\n\nOr [phone number removed] again.');
    expect(await db.anonymisationLog.toArray()).toMatchObject([
      { resourceId: id, original: '07700 900123', replacement: '[phone number removed]' },
    ]);
    expect(await db.decisions.toArray()).toMatchObject([{ findingKey: 'phone:07700 900123', decision: 'replaced' }]);
    await decideFinding(
      db,
      id,
      { kind: 'name', text: 'Robin' },
      { decision: 'kept', replacement: '', reason: 'Chosen name' },
      profile,
    );
    expect(await db.decisions.count()).toBe(2);
  });
});

describe("the consultee's list of people and places", () => {
  it('keeps entries in the order written, once each in any case, and removes them', async () => {
    const jade = await addKnownDetail(db, '  Jade   Okafor ', 'person', 1);
    await addKnownDetail(db, 'Telford', 'place', 2);
    expect(await addKnownDetail(db, 'JADE okafor', 'person', 3)).toBe(jade);
    expect((await listKnownDetails(db)).map(({ text, kind }) => [text, kind])).toEqual([
      ['Jade Okafor', 'person'],
      ['Telford', 'place'],
    ]);
    await removeKnownDetail(db, jade);
    expect((await listKnownDetails(db)).map(({ text }) => text)).toEqual(['Telford']);
  });

  it('refuses an empty entry or one too long, in words fit to show', async () => {
    await expect(addKnownDetail(db, '   ', 'person')).rejects.toThrow(KnownDetailRefused);
    await expect(addKnownDetail(db, 'x'.repeat(121), 'place')).rejects.toThrow(/longer than 120 characters/);
    expect(await listKnownDetails(db)).toEqual([]);
  });
});

describe('decisions on findings everywhere that is shared', () => {
  it('replaces in the title, summary, topics, content warnings and picture descriptions too', async () => {
    const profile = await facilitator();
    const id = await createResource(db, {
      title: 'Jade and me',
      doc: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Jade said.' }] },
          { type: 'chorusImage', attrs: { imageId: 'img-1', alt: 'Jade at the park' } },
        ],
      },
    });
    await updateDetails(db, id, { summary: 'About Jade.', topics: ['Jade'], contentWarnings: ['Jade hurt'] });
    expect(await replaceEverywhere(db, id, { kind: 'person', text: 'Jade' }, 'Sky', profile, 10)).toBe(6);
    expect(await getResource(db, id)).toMatchObject({
      title: 'Sky and me',
      summary: 'About Sky.',
      topics: ['Sky'],
      contentWarnings: ['Sky hurt'],
    });
    expect(JSON.stringify((await getDocument(db, id))?.doc)).toContain('Sky at the park');
  });

  it('keeps a "keep, with a reason" decision when other text is edited, found by its kind and words', async () => {
    const profile = await facilitator();
    const id = await createResource(db, { doc: paragraphs('I grew up in Telford.') });
    await decideFinding(
      db,
      id,
      { kind: 'place', text: 'Telford' },
      { decision: 'kept', replacement: '', reason: 'A large town.' },
      profile,
    );
    await saveDocument(db, id, paragraphs('Before anything else: I grew up in Telford, near the park.'), 20);
    expect((await listDecisions(db, id)).map((each) => [each.findingKey, each.decision, each.reason])).toEqual([
      ['place:Telford', 'kept', 'A large town.'],
    ]);
  });
});
