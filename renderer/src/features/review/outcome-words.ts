import type { Role } from '@core/co-production/workflow';

/**
 * Whether approved versions will reach anyone: a shared repository is set up (true), none is
 * (false), or it is not known yet (undefined, while the settings are read).
 */
export type Sharing = boolean | undefined;

function sharingSentence(sharing: Sharing): string {
  if (sharing === true) {
    return 'It is queued for the shared repository and goes the next time Chorus syncs: the Sync page shows when it has gone.';
  }
  if (sharing === false) {
    return 'No shared repository is set up, so it stays on this device and nobody else can see it yet. It will be shared once a repository is set up in Sync.';
  }
  return '';
}

/** What the workflow panel says of an approved version: only what will really happen to it. */
export function approvedNextStep(sharing: Sharing): string {
  return [
    'This version is approved, so it cannot change.',
    sharingSentence(sharing),
    'To change it, start a new version.',
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');
}

/** What is said once a sign-off is given: what happened, and what happens next. */
export function signOffOutcome(outcome: {
  approved: boolean;
  role: Role;
  title: string;
  version: number;
  sharing: Sharing;
}): string {
  if (outcome.approved) {
    return [
      `Approved. Version ${outcome.version} of “${outcome.title}” has both sign-offs and is now frozen.`,
      sharingSentence(outcome.sharing),
    ]
      .filter((sentence) => sentence !== '')
      .join(' ');
  }
  return outcome.role === 'consultee'
    ? 'Your consent is recorded for this exact version. The facilitator signs the safeguarding checklist next.'
    : 'The safeguarding checklist is signed for this exact version. The consultee gives consent next.';
}

/**
 * Open comments do not block a sign-off (they are never shared), but they may be about something to
 * change first: the reminder before signing, or null when there are none.
 */
export function openCommentsReminder(open: number): string | null {
  if (open === 0) return null;
  const them = open === 1 ? 'It is' : 'They are';
  return `${open === 1 ? 'There is 1 open comment' : `There are ${open} open comments`} on this draft. ${them} never shared, but may be about something to change before signing off.`;
}

/** Why signing off is refused: open comments not yet looked at and set aside on purpose; else null. */
export function openCommentsRefusal(open: number, setAside: boolean): string | null {
  if (open === 0 || setAside) return null;
  return `Look at the ${open === 1 ? 'open comment' : `${open} open comments`} first, or tick “Sign off with the open comments as they are”.`;
}

/** What a withdrawal will do, said truthfully for whether approved versions go to a shared repository now. */
export function withdrawalWords(title: string, sharing: Sharing): string {
  const what = `Every version of “${title}” will be withdrawn.`;
  const recall = 'Copies already exported or handed out cannot be recalled.';
  if (sharing === false) {
    return `${what} No shared repository is set up now, so trainers can only be told once one is. ${recall}`;
  }
  return `${what} When this device is next online, trainers will be told and it will stop appearing in their library and exports. ${recall}`;
}
