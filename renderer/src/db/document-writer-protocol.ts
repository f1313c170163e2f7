import { z } from 'zod';
import { isQuotaError } from './storage';

const serializedBlockSchema = z.object({
  json: z.string(),
  texts: z.array(z.string()).readonly(),
  words: z.number().int().min(0),
});

/**
 * A save handed to the document writer: what changed since the message numbered `base` (the
 * blocks the worker keeps for the draft), or the whole draft when `base` is null, and the key if
 * locked. `keep` hands the worker a draft just opened, to keep without writing it, so that the
 * first save sends only what was typed.
 */
export const writeRequestSchema = z.object({
  kind: z.enum(['save', 'keep']),
  seq: z.number().int(),
  databaseName: z.string(),
  resourceId: z.string(),
  base: z.number().int().nullable(),
  head: z.string(),
  change: z.object({
    from: z.number().int().min(0),
    removed: z.number().int().min(0),
    added: z.array(serializedBlockSchema),
  }),
  now: z.number(),
  key: z.instanceof(CryptoKey).nullable(),
  sealing: z.boolean(),
});
export type WriteRequest = z.infer<typeof writeRequestSchema>;

/** The draft is closed: the worker lets go of its blocks. */
export const forgetRequestSchema = z.object({
  kind: z.literal('forget'),
  databaseName: z.string(),
  resourceId: z.string(),
});
export type ForgetRequest = z.infer<typeof forgetRequestSchema>;

export const writerRequestSchema = z.discriminatedUnion('kind', [writeRequestSchema, forgetRequestSchema]);

export const writeAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ seq: z.number().int(), ok: z.literal(true), savedAt: z.number() }),
  z.object({ seq: z.number().int(), ok: z.literal(false), name: z.string(), message: z.string() }),
]);
export type WriteAnswer = z.infer<typeof writeAnswerSchema>;

/**
 * The answer when the worker does not hold the blocks a change was made against (it started
 * afresh, say): the page sends the whole draft instead. Nothing was written.
 */
export const outOfStep = 'OutOfStep';

/** The answer for a save that failed: a full disk keeps its name however the error wraps it. */
export function failedAnswer(seq: number, error: unknown): WriteAnswer {
  const failure = error instanceof Error ? error : new Error(String(error));
  return {
    seq,
    ok: false,
    name: isQuotaError(failure) ? 'QuotaExceededError' : failure.name,
    message: failure.message,
  };
}
