import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createResource, saveDocument, updateDetails, type ChorusDb } from '../../../renderer/src/db';
import { createProfile, getActiveProfile, setActiveProfile } from '../../../renderer/src/db/profiles';
import {
  auditTrail,
  cancelStaleSignOffs,
  moveResource,
  ReviewRefused,
  signOff,
  withdrawResource,
} from '../../../renderer/src/db/review';
import { verifyApprovedVersion } from '@core/co-production/approved-version';
import { consentWording, type ConsentChoices } from '@core/co-production/consent';
import { openTestDb, paragraphs } from '../../helpers/db';

let db: ChorusDb;
const none = { unresolvedFindings: 0, pendingSuggestions: 0 };
const choices: ConsentChoices = {
  audiences: ['police'],
  purposes: ['training-sessions'],
  attribution: { kind: 'anonymous', value: '' },
};
const consent = { choices, wording: consentWording(choices, { title: 'T', version: 1 }) };
const checklist = { 'no-identifying-details': true, 'jigsaw-checked': true };

beforeEach(() => {
  db = openTestDb();
});

afterEach(async () => {
  await db.delete();
});

async function profile(name: string, role: 'consultee' | 'facilitator' | 'trainer') {
  const found = await db.profiles.get(await createProfile(db, name, role));
  if (found === undefined) throw new Error('profile not stored');
  return found;
}

async function setup() {
  const consultee = await profile('Alex', 'consultee');
  const facilitator = await profile('Sam', 'facilitator');
  const trainer = await profile('Tess', 'trainer');
  const resourceId = await createResource(db, { title: 'T', doc: paragraphs('Ask twice.') }, 1);
  return { consultee, facilitator, trainer, resourceId };
}

describe('profiles', () => {
  it('remembers the active profile on this device', async () => {
    const id = await createProfile(db, '  Alex  ', 'consultee');
    expect(await getActiveProfile(db)).toBeNull();
    await setActiveProfile(db, id);
    expect(await getActiveProfile(db)).toMatchObject({ displayName: 'Alex', role: 'consultee' });
    await expect(createProfile(db, ' ', 'trainer')).rejects.toThrow('A profile needs a name.');
  });
});

describe('review', () => {
  it('approves only when both sides sign the same content, freezing the version and queuing it once', async () => {
    const { consultee, facilitator, resourceId } = await setup();
    await moveResource(db, resourceId, 'submit', consultee, 2);
    expect(await signOff(db, resourceId, facilitator, none, { checklist }, 3)).toEqual({ approved: false });

    // An edit after a sign-off cancels it.
    await saveDocument(db, resourceId, paragraphs('Ask twice. Then wait.'), 4);
    expect(await cancelStaleSignOffs(db, resourceId, consultee, 5)).toBe(1);
    expect(await signOff(db, resourceId, consultee, none, { consent }, 6)).toEqual({ approved: false });
    expect(await signOff(db, resourceId, facilitator, none, { checklist }, 7)).toEqual({ approved: true });

    expect((await db.resources.get(resourceId))?.status).toBe('approved');
    const versions = await db.approvedVersions.toArray();
    expect(versions).toHaveLength(1);
    const version = versions[0]?.approved;
    expect(version?.content.document).toEqual(paragraphs('Ask twice. Then wait.'));
    expect(version?.approvals.map((a) => a.name)).toEqual([
      'Written anonymously by a person with lived experience',
      'Sam',
    ]);
    expect(JSON.stringify(version)).not.toContain('Alex');
    if (version === undefined) throw new Error('no version');
    expect(await verifyApprovedVersion(version)).toBe(true);
    expect(await db.outbox.toArray()).toMatchObject([{ kind: 'version', itemId: version.id, attempts: 0 }]);
    expect((await auditTrail(db, resourceId)).map((e) => e.action)).toEqual([
      'submitted',
      'signed-off',
      'sign-offs-cancelled',
      'signed-off',
      'signed-off',
      'approved',
    ]);
  });

  it('freezes what would be shared: comment anchors removed, pending suggestions rejected', async () => {
    const { consultee, facilitator, resourceId } = await setup();
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Ask ', marks: [{ type: 'commentAnchor', attrs: { threadId: 'thread1' } }] },
            {
              type: 'text',
              text: 'twice',
              marks: [{ type: 'suggestionDelete', attrs: { suggestionId: 's1', authorId: 'p', createdAt: 1 } }],
            },
            {
              type: 'text',
              text: 'once',
              marks: [{ type: 'suggestionInsert', attrs: { suggestionId: 's1', authorId: 'p', createdAt: 1 } }],
            },
            { type: 'text', text: '.' },
          ],
        },
      ],
    };
    await saveDocument(db, resourceId, doc);
    await moveResource(db, resourceId, 'submit', consultee);
    await signOff(db, resourceId, consultee, none, { consent });
    await signOff(db, resourceId, facilitator, none, { checklist });
    const [record] = await db.approvedVersions.toArray();
    const frozen = JSON.stringify(record?.approved.content.document);
    expect(frozen).not.toContain('commentAnchor');
    expect(frozen).not.toContain('thread1');
    expect(frozen).not.toContain('once');
    expect(record?.approved.content.document).toEqual(paragraphs('Ask twice.'));
  });

  it('refuses sign-off with open findings or suggestions, and without consent or checklist', async () => {
    const { consultee, facilitator, resourceId } = await setup();
    await moveResource(db, resourceId, 'submit', facilitator);
    await expect(signOff(db, resourceId, consultee, { ...none, unresolvedFindings: 1 }, { consent })).rejects.toThrow(
      'The identifying-details check has findings that are not resolved yet.',
    );
    await expect(signOff(db, resourceId, consultee, none, {})).rejects.toBeInstanceOf(ReviewRefused);
    await expect(signOff(db, resourceId, facilitator, none, {})).rejects.toBeInstanceOf(ReviewRefused);
    expect(await db.signOffs.count()).toBe(0);
  });

  it('starts version 2 after approval, with no sign-offs carried over', async () => {
    const { consultee, facilitator, resourceId } = await setup();
    await moveResource(db, resourceId, 'submit', consultee);
    await signOff(db, resourceId, consultee, none, { consent });
    await signOff(db, resourceId, facilitator, none, { checklist });
    await moveResource(db, resourceId, 'start-editing', consultee);
    expect(await db.resources.get(resourceId)).toMatchObject({ status: 'draft', version: 2 });
    expect(await db.signOffs.count()).toBe(0);
    await updateDetails(db, resourceId, { title: 'T2' });
  });

  it('lets only the consultee withdraw, once a version is approved, and queues the withdrawal', async () => {
    const { consultee, facilitator, trainer, resourceId } = await setup();
    await expect(withdrawResource(db, resourceId, facilitator, '')).rejects.toThrow(
      'Only the consultee can withdraw their resource.',
    );
    await expect(moveResource(db, resourceId, 'submit', trainer)).rejects.toBeInstanceOf(ReviewRefused);
    // Nothing approved yet, so nothing was shared: there is nothing to withdraw, and nothing is queued.
    await expect(withdrawResource(db, resourceId, consultee, '')).rejects.toThrow('there is nothing to withdraw');
    expect(await db.withdrawals.count()).toBe(0);
    expect((await db.resources.get(resourceId))?.status).toBe('draft');

    await moveResource(db, resourceId, 'submit', consultee);
    await signOff(db, resourceId, consultee, none, { consent });
    await signOff(db, resourceId, facilitator, none, { checklist });
    await db.outbox.clear();
    await withdrawResource(db, resourceId, consultee, '  I have changed my mind. ', 9);
    expect((await db.resources.get(resourceId))?.status).toBe('withdrawn');
    const [withdrawal] = await db.withdrawals.toArray();
    expect(withdrawal).toMatchObject({ resourceId, reason: 'I have changed my mind.' });
    expect(withdrawal?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.outbox.toArray()).toMatchObject([{ kind: 'withdrawal', itemId: withdrawal?.id }]);
    expect((await auditTrail(db, resourceId)).find((event) => event.action === 'withdrawn')).toMatchObject({
      profileName: 'Alex',
      at: 9,
    });
  });
});
