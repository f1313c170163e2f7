import { checkShared, type CheckedFinding, type Detect } from '@core/findings/check';
import { isWithinDocumentDepth } from '@core/document/model';
import { checkAnswerSchema, checkRequestSchema, checkLimits, sequenceOf, type CheckAnswer } from './check-protocol';

/**
 * What the identifying-details worker does with one message, as a plain function (the worker is a
 * few lines around it): parse the request, read the document within its limits, check, and answer
 * in the protocol's shape. It never throws.
 */
export function handleCheckMessage(message: unknown, detect?: Detect): CheckAnswer {
  const request = checkRequestSchema.safeParse(message);
  if (!request.success) return { seq: sequenceOf(message), ok: false, reason: 'refused' };
  const { seq, details, docJson, known, replacements } = request.data;
  let doc: unknown;
  try {
    doc = JSON.parse(docJson);
  } catch {
    return { seq, ok: false, reason: 'unreadable' };
  }
  if (typeof doc !== 'object' || doc === null || !isWithinDocumentDepth(doc)) {
    return { seq, ok: false, reason: 'unreadable' };
  }
  let findings: CheckedFinding[];
  try {
    findings = checkShared({ details, doc, known, replacements }, detect);
  } catch {
    return { seq, ok: false, reason: 'failed' };
  }
  const answer: CheckAnswer = { seq, ok: true, findings: findings.slice(0, checkLimits.findings) };
  // The answer is checked here too, so a finding the protocol cannot carry is a failure, not a surprise.
  return checkAnswerSchema.safeParse(answer).success ? answer : { seq, ok: false, reason: 'failed' };
}
