import { z } from 'zod';
import { findingKinds } from '@core/identifying-details/index';
import { blockHolders, findingAreas } from '@core/findings/segments';
import { knownDetailKinds, maxKnownDetailLength, maxKnownDetails } from '@core/findings/known-details';

/**
 * The messages between the review page and the identifying-details worker. Both sides parse what
 * they receive with these schemas, and every string and list has a limit, checked before anything
 * walks it: the page never trusts an answer it did not expect, and the worker never starts on a
 * request larger than a draft can be.
 */
export const checkLimits = {
  /** A document's JSON, in UTF-16 units: several times the longest draft anyone writes. */
  docJson: 40_000_000,
  field: 50_000,
  listItems: 1_000,
  listItem: 5_000,
  replacements: 5_000,
  findings: 50_000,
  findingText: 5_000,
} as const;

const boundedText = (max: number) => z.string().max(max);

export const checkRequestSchema = z.strictObject({
  type: z.literal('check'),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  details: z.strictObject({
    title: boundedText(checkLimits.field),
    summary: boundedText(checkLimits.field),
    topics: z.array(boundedText(checkLimits.listItem)).max(checkLimits.listItems),
    contentWarnings: z.array(boundedText(checkLimits.listItem)).max(checkLimits.listItems),
  }),
  /** The document as it would be shared, as JSON: its length is checked before it is parsed. */
  docJson: boundedText(checkLimits.docJson),
  known: z
    .array(z.strictObject({ text: boundedText(maxKnownDetailLength), kind: z.enum(knownDetailKinds) }))
    .max(maxKnownDetails),
  replacements: z.array(boundedText(checkLimits.listItem)).max(checkLimits.replacements),
});
export type CheckRequest = z.infer<typeof checkRequestSchema>;

const placeSchema = z
  .strictObject({
    area: z.enum(findingAreas),
    index: z.number().int().min(0).max(10_000_000),
    from: z.number().int().min(0).max(checkLimits.docJson),
    to: z.number().int().min(1).max(checkLimits.docJson),
    holder: z.enum(blockHolders).optional(),
  })
  .refine((place) => place.from < place.to, 'A place ends after it starts.');

export const checkedFindingSchema = z
  .strictObject({
    kind: z.enum(findingKinds),
    text: z.string().min(1).max(checkLimits.findingText),
    suggestion: boundedText(checkLimits.findingText),
    explanation: boundedText(checkLimits.findingText),
    source: z.enum(['detector', 'list']),
    place: placeSchema,
  })
  .refine((finding) => finding.text.length === finding.place.to - finding.place.from, 'The words fill the place.');

export const checkAnswerSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    seq: z.number().int().min(0),
    ok: z.literal(true),
    findings: z.array(checkedFindingSchema).max(checkLimits.findings),
  }),
  z.strictObject({
    seq: z.number().int().min(0),
    ok: z.literal(false),
    /** `refused`: the request broke the protocol; `unreadable`: the document could not be read; `failed`: anything else. */
    reason: z.enum(['refused', 'unreadable', 'failed']),
  }),
]);
export type CheckAnswer = z.infer<typeof checkAnswerSchema>;

/** The sequence number of a message, if it has one, so a refusal can still be answered to the right request. */
export function sequenceOf(message: unknown): number {
  if (typeof message !== 'object' || message === null) return 0;
  const seq = (message as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? seq : 0;
}
