import { describe, expect, it } from 'vitest';
import {
  freezeApprovedVersion,
  hashContent,
  verifyApprovedVersion,
  type VersionContent,
} from '@core/co-production/approved-version';
import { consentProblems, consentWording, type ConsentChoices } from '@core/co-production/consent';
import { creditLine } from '@core/co-production/credit';

const choices: ConsentChoices = {
  audiences: ['police', 'social-care'],
  purposes: ['training-sessions'],
  attribution: { kind: 'pseudonym', value: ' Robin ' },
};

const content: VersionContent = {
  resourceId: 'r1',
  version: 2,
  title: 'What I wish you knew',
  summary: 'For first contact.',
  audiences: ['police'],
  topics: ['first contact'],
  contentWarnings: ['exploitation'],
  reviewBy: '2027-11-01',
  document: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ask twice.' }] }] },
};

describe('consent', () => {
  it('words the agreement for this version only, with audiences, purposes, attribution and withdrawal', () => {
    const wording = consentWording(choices, { title: 'What I wish you knew', version: 2 });
    expect(wording).toContain('version 2 of “What I wish you knew”');
    expect(wording).toContain('police and social care');
    expect(wording).toContain('training sessions led by a trainer');
    expect(wording).toContain('“Written under the name Robin”');
    expect(wording).toContain('I can withdraw it at any time');
    expect(wording).toContain('copies already handed out cannot be recalled');
    expect(wording).not.toContain('picture');
  });

  it('says that pictures are not shared, only when there are some', () => {
    const resource = { title: 'What I wish you knew', version: 2 };
    expect(consentWording(choices, resource, 1)).toContain(
      'It has one picture. It is not shared: trainers will see the description written for each picture instead.',
    );
    expect(consentWording(choices, resource, 3)).toContain('It has 3 pictures. They are not shared:');
    expect(consentWording(choices, resource, 0)).toBe(consentWording(choices, resource));
  });

  it('says what is missing before agreeing', () => {
    expect(consentProblems(choices)).toEqual([]);
    expect(consentProblems({ audiences: [], purposes: [], attribution: { kind: 'name', value: ' ' } })).toHaveLength(3);
    expect(consentProblems({ ...choices, attribution: { kind: 'anonymous', value: '' } })).toEqual([]);
  });

  it('never puts a name on an anonymous attribution', () => {
    expect(creditLine({ kind: 'anonymous', value: 'Jane Smith' })).not.toContain('Jane');
  });
});

describe('approved versions', () => {
  it('freeze the exact content with both sign-offs, the consultee only by attribution', async () => {
    const version = await freezeApprovedVersion({
      content,
      consent: {
        choices: { ...choices, attribution: { kind: 'anonymous', value: '' } },
        wording: 'I agree…',
        agreedAt: 10,
      },
      facilitator: { name: 'Sam Facilitator', at: 20 },
    });
    expect(version.contentHash).toBe(await hashContent(content));
    expect(version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(version.approvals).toEqual([
      { role: 'consultee', name: 'Written anonymously by a person with lived experience', at: 10 },
      { role: 'facilitator', name: 'Sam Facilitator', at: 20 },
    ]);
    expect(await verifyApprovedVersion(version)).toBe(true);
  });

  it('detect any change to what was frozen', async () => {
    const version = await freezeApprovedVersion({
      content,
      consent: { choices, wording: 'I agree…', agreedAt: 10 },
      facilitator: { name: 'Sam', at: 20 },
    });
    const tampered = { ...version, content: { ...content, title: 'Changed' } };
    expect(await verifyApprovedVersion(tampered)).toBe(false);
    const reordered = {
      ...version,
      content: Object.fromEntries(Object.entries(content).reverse()) as unknown as VersionContent,
    };
    expect(await hashContent(reordered.content)).toBe(version.contentHash);
  });
});
