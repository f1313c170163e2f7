import { describe, expect, it } from 'vitest';
import { failedAnswer } from '../../renderer/src/db/document-writer-protocol';

describe("the document writer's answer for a failed save", () => {
  it('keeps a full disk a full disk, however the error wraps it', () => {
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    });
    expect(failedAnswer(3, wrapped)).toEqual({
      seq: 3,
      ok: false,
      name: 'QuotaExceededError',
      message: 'Transaction aborted',
    });
    expect(failedAnswer(4, new DOMException('Full.', 'QuotaExceededError'))).toMatchObject({
      name: 'QuotaExceededError',
    });
  });

  it('passes any other failure on by its own name, and a thrown value as an Error', () => {
    expect(failedAnswer(5, new TypeError('bad'))).toEqual({ seq: 5, ok: false, name: 'TypeError', message: 'bad' });
    expect(failedAnswer(6, 'odd')).toEqual({ seq: 6, ok: false, name: 'Error', message: 'odd' });
  });
});
