import { z } from 'zod';
import { isQuotaError } from './storage';

/** A save handed to the document writer: the draft, already serialised, and the key if locked. */
export const writeRequestSchema = z.object({
  seq: z.number().int(),
  databaseName: z.string(),
  resourceId: z.string(),
  json: z.string(),
  text: z.string(),
  wordCount: z.number().int().min(0),
  now: z.number(),
  key: z.instanceof(CryptoKey).nullable(),
  sealing: z.boolean(),
});
export type WriteRequest = z.infer<typeof writeRequestSchema>;

export const writeAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ seq: z.number().int(), ok: z.literal(true), savedAt: z.number() }),
  z.object({ seq: z.number().int(), ok: z.literal(false), name: z.string(), message: z.string() }),
]);
export type WriteAnswer = z.infer<typeof writeAnswerSchema>;

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
