import type { Audience, ApprovedVersion } from '@core/repository/records';
import { storePulled, type ChorusDb } from '../../../renderer/src/db';
import { freezeApprovedVersion, freezeWithdrawal } from '@core/co-production/approved-version';
import { consentWording, type Purpose } from '@core/co-production/consent';

/**
 * An approved version whose consent covers `consented` (social care unless said) and `uses`
 * (training sessions unless said), with its own content warnings.
 */
export function packVersion(
  resourceId: string,
  options: { version?: number; title?: string; consented?: Audience[]; uses?: Purpose[]; warnings?: string[] } = {},
): Promise<ApprovedVersion> {
  const version = options.version ?? 1;
  const title = options.title ?? `Resource ${resourceId}`;
  const choices = {
    audiences: options.consented ?? ['social-care' as const],
    purposes: options.uses ?? ['training-sessions' as const],
    attribution: { kind: 'pseudonym' as const, value: 'Sam' },
  };
  return freezeApprovedVersion({
    content: {
      resourceId,
      version,
      title,
      summary: '',
      audiences: choices.audiences,
      topics: [],
      contentWarnings: options.warnings ?? [],
      reviewBy: '',
      document: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: title }] }] },
    },
    consent: { choices, wording: consentWording(choices, { title, version }), agreedAt: 1_767_225_600_000 },
    facilitator: { name: 'Facilitator Fay', at: 1_767_225_601_000 },
  });
}

/** Puts versions into the library as a pull would; answers their library ids. */
export async function pullVersions(db: ChorusDb, versions: readonly ApprovedVersion[], now = 1000): Promise<string[]> {
  await storePulled(
    db,
    {
      items: versions.map((record) => ({
        kind: 'version' as const,
        path: `resources/${record.content.resourceId}/versions/${String(record.content.version).padStart(4, '0')}-${record.id.slice(0, 12)}.json`,
        record,
      })),
      skipped: [],
    },
    now,
  );
  return versions.map((version) => version.id);
}

/** A withdrawal of a resource, pulled as sync pulls it. */
export async function pullWithdrawal(db: ChorusDb, resourceId: string, at: number): Promise<void> {
  const record = await freezeWithdrawal({ resourceId, at });
  await storePulled(
    db,
    {
      items: [
        { kind: 'withdrawal', path: `resources/${resourceId}/withdrawals/${record.id.slice(0, 12)}.json`, record },
      ],
      skipped: [],
    },
    at,
  );
}
