import { hashContent, isSealed, recordId } from '../repository/record-hashes';
import { creditLine } from './credit';
import type { ApprovedVersion, ConsentRecord, VersionContent, Withdrawal } from '../repository/records';

export type { Approval, ApprovedVersion, ConsentRecord, VersionContent, Withdrawal } from '../repository/records';

export { hashContent };

/** Freezes an approved version: hashes the content, then hashes the whole record for its id. */
export async function freezeApprovedVersion(input: {
  content: VersionContent;
  consent: ConsentRecord;
  facilitator: { name: string; at: number };
}): Promise<ApprovedVersion> {
  const hash = await hashContent(input.content);
  const attribution = creditLine(input.consent.choices.attribution);
  const withoutId = {
    format: 1 as const,
    contentHash: hash,
    content: input.content,
    consent: input.consent,
    attribution,
    approvals: [
      { role: 'consultee' as const, name: attribution, at: input.consent.agreedAt },
      { role: 'facilitator' as const, name: input.facilitator.name, at: input.facilitator.at },
    ],
  };
  return { id: await recordId(withoutId), ...withoutId };
}

/** Checks that a record's id and content hash match what it holds. */
export function verifyApprovedVersion(version: ApprovedVersion): Promise<boolean> {
  return isSealed(version);
}

/** A withdrawal as it is shared: which resource, and from when. Its id is the hash of the rest. */
export async function freezeWithdrawal(input: { resourceId: string; at: number }): Promise<Withdrawal> {
  const withoutId = { format: 1 as const, resourceId: input.resourceId, at: input.at };
  return { id: await recordId(withoutId), ...withoutId };
}
