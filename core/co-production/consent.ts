import { attributionKinds, describeUse, purposeLabels, purposes } from '../repository/records';
import { audienceLabels, type Audience } from './audiences';
import { creditLine } from './credit';

export { attributionKinds, describeUse, purposeLabels, purposes };
export type Purpose = (typeof purposes)[number];

export type AttributionKind = (typeof attributionKinds)[number];

export interface Attribution {
  kind: AttributionKind;
  /** The pseudonym, group or name; empty for anonymous. */
  value: string;
}

export interface ConsentChoices {
  audiences: Audience[];
  purposes: Purpose[];
  attribution: Attribution;
}

/**
 * Who a training pack is for and how it will be used. Packs made before Chorus asked about their
 * use have no purpose until the trainer chooses one.
 */
export interface PackUse {
  audience: Audience;
  purpose?: Purpose;
}

/**
 * Whether the consultee agreed to this use: the pack's audience, and its purpose once it has one.
 * Consent is for both, so a resource agreed for training sessions never becomes a handout.
 */
export function consentCovers(choices: Pick<ConsentChoices, 'audiences' | 'purposes'>, use: PackUse): boolean {
  return (
    choices.audiences.includes(use.audience) && (use.purpose === undefined || choices.purposes.includes(use.purpose))
  );
}

/** What is missing before the consultee can agree; empty when the choices are complete. */
export function consentProblems(choices: ConsentChoices): string[] {
  const problems: string[] = [];
  if (choices.audiences.length === 0) problems.push('Choose at least one group of professionals who may see it.');
  if (choices.purposes.length === 0) problems.push('Choose at least one way it may be used.');
  if (choices.attribution.kind !== 'anonymous' && choices.attribution.value.trim() === '') {
    problems.push('Write the name you want to be credited with, or choose “anonymous”.');
  }
  return problems;
}

function list(items: readonly string[]): string {
  if (items.length === 0) return '(none chosen yet)';
  if (items.length === 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** Pictures are not published yet (docs/repository-format.md), and consent must not suggest they are. */
function picturesLine(pictures: number): string {
  const count = pictures === 1 ? 'one picture. It is' : `${pictures} pictures. They are`;
  return `It has ${count} not shared: trainers will see the description written for each picture instead.`;
}

/**
 * The exact words the consultee agrees to, for this version only (with `pictures`, how many
 * pictures it has). They are stored with the approved version, so what was agreed can always be
 * shown word for word.
 */
export function consentWording(
  choices: ConsentChoices,
  resource: { title: string; version: number },
  pictures = 0,
): string {
  return [
    `I agree that version ${resource.version} of “${resource.title.trim()}”, exactly as shown to me, can be shared with trainers through the shared repository.`,
    ...(pictures === 0 ? [] : [picturesLine(pictures)]),
    `It may be seen by professionals in: ${list(choices.audiences.map((audience) => audienceLabels[audience].toLowerCase()))}.`,
    `It may be used in ${list(choices.purposes.map((purpose) => purposeLabels[purpose]))}.`,
    `It will be credited as: “${creditLine(choices.attribution)}”.`,
    'This agreement is only for this version. I can withdraw it at any time, and Chorus will stop it being used from then on. I understand that copies already handed out cannot be recalled.',
  ].join('\n\n');
}
