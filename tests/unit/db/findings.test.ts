import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createResource, decideFinding, getDocument, replaceEverywhere, type ChorusDb } from '../../../renderer/src/db';
import { createProfile } from '../../../renderer/src/db/profiles';
import { openTestDb, paragraphs } from '../../helpers/db';

let db: ChorusDb;

beforeEach(() => {
  db = openTestDb();
});

afterEach(async () => {
  await db.delete();
});

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
