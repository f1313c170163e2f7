import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleCheckMessage } from '../../../renderer/src/features/review/check-handler';
import { checkAnswerSchema, type CheckRequest } from '../../../renderer/src/features/review/check-protocol';
import { createIdentifyingCheck, type CheckInput } from '../../../renderer/src/features/review/identifying-check';

const input: CheckInput = {
  details: { title: 'Me', summary: '', topics: [], contentWarnings: [] },
  docJson: JSON.stringify({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Jade said.' }] }],
  }),
  known: [{ text: 'Jade', kind: 'person' }],
  replacements: [],
};

/** A stand-in for the worker: records what it is sent and answers with whatever the test says. */
class FakeWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: unknown[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: unknown) {
    this.onmessage?.({ data } as MessageEvent<unknown>);
  }
  fail() {
    this.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
  }
}

function withFakeWorkers() {
  const workers: FakeWorker[] = [];
  // The check runs where `Worker` exists; in Node it does not, so one is lent for these tests.
  (globalThis as { Worker?: unknown }).Worker ??= FakeWorker;
  const check = createIdentifyingCheck(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { check, workers };
}

const lastSeq = (worker: FakeWorker | undefined) => (worker?.sent.at(-1) as CheckRequest).seq;

describe("the identifying-details worker's messages", () => {
  it('the page accepts only answers of the protocol, whatever a worker sends', () => {
    fc.assert(
      fc.property(fc.anything(), (message) => {
        const parsed = checkAnswerSchema.safeParse(message);
        if (parsed.success && parsed.data.ok) {
          for (const finding of parsed.data.findings) {
            expect(finding.place.to - finding.place.from).toBe(finding.text.length);
          }
        }
      }),
    );
    const finding = {
      kind: 'person',
      text: 'Jade',
      suggestion: 'a friend',
      explanation: '',
      source: 'list',
      place: { area: 'text', index: 0, from: 0, to: 4 },
    };
    expect(checkAnswerSchema.safeParse({ seq: 1, ok: true, findings: [finding] }).success).toBe(true);
    for (const bad of [
      { ...finding, kind: 'passport' },
      { ...finding, place: { ...finding.place, to: 9 } },
      { ...finding, place: { ...finding.place, from: -1 } },
      { ...finding, place: { ...finding.place, area: '__proto__' } },
      { ...finding, extra: 'field' },
      { ...finding, text: 'x'.repeat(6000), place: { ...finding.place, to: 6000 } },
    ]) {
      expect(checkAnswerSchema.safeParse({ seq: 1, ok: true, findings: [bad] }).success).toBe(false);
    }
  });

  it('the worker answers anything it is sent, refusing what is not a request, and never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (message) => {
        const answer = handleCheckMessage(message);
        expect(checkAnswerSchema.safeParse(answer).success).toBe(true);
        expect(answer.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('the worker refuses a document it cannot read or nested too deeply, before walking it', () => {
    const request = { type: 'check', seq: 4, ...input };
    expect(handleCheckMessage({ ...request, docJson: '{"type":' })).toEqual({
      seq: 4,
      ok: false,
      reason: 'unreadable',
    });
    const deep = '{"content":['.repeat(5000) + ']}'.repeat(5000);
    expect(handleCheckMessage({ ...request, docJson: deep })).toEqual({ seq: 4, ok: false, reason: 'unreadable' });
    expect(handleCheckMessage({ ...request, known: [{ text: 'x'.repeat(500), kind: 'person' }] })).toEqual({
      seq: 4,
      ok: false,
      reason: 'refused',
    });
  });

  it('the worker checks a request and answers with findings from the list and where they are', () => {
    const answer = handleCheckMessage({ type: 'check', seq: 7, ...input });
    expect(answer).toMatchObject({ seq: 7, ok: true });
    expect(answer.ok && answer.findings.find((each) => each.source === 'list')).toMatchObject({
      kind: 'person',
      text: 'Jade',
      place: { area: 'text', index: 0, from: 0, to: 4 },
    });
  });
});

describe('the check on the page', () => {
  it("posts each check to the worker and resolves with its answer, ignoring an older check's", async () => {
    const { check, workers } = withFakeWorkers();
    const outcome = check.run(input);
    const worker = workers[0];
    const seq = lastSeq(worker);
    worker?.answer({ seq: seq + 100, ok: true, findings: [] });
    worker?.answer(handleCheckMessage(worker.sent[0]));
    expect(await outcome).toMatchObject({ status: 'done', inPage: false, findings: [{ text: 'Jade' }] });
    check.dispose();
  });

  it('cancels a check still running when a new one starts, stopping its worker once it has loaded', async () => {
    const { check, workers } = withFakeWorkers();
    const first = check.run(input);
    const second = check.run(input);
    expect(await first).toEqual({ status: 'cancelled' });
    // Still loading: stopping it would only load again, so it is kept and its late answer ignored.
    expect(workers).toHaveLength(1);
    const worker = workers[0];
    worker?.answer(handleCheckMessage(worker.sent[0]));
    worker?.answer(handleCheckMessage(worker.sent[1]));
    expect(await second).toMatchObject({ status: 'done', findings: [{ text: 'Jade' }] });
    const third = check.run(input);
    const fourth = check.run(input);
    expect(await third).toEqual({ status: 'cancelled' });
    expect(worker?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    workers[1]?.answer(handleCheckMessage(workers[1].sent[0]));
    expect(await fourth).toMatchObject({ status: 'done' });
    check.dispose();
  });

  it('falls back to checking on the page, and says so, when the worker answers nonsense or fails', async () => {
    const hostile = withFakeWorkers();
    const outcome = hostile.check.run(input);
    hostile.workers[0]?.answer({ seq: lastSeq(hostile.workers[0]), ok: true, findings: 'all clear' });
    expect(await outcome).toMatchObject({ status: 'done', inPage: true, findings: [{ text: 'Jade' }] });
    // Once broken, it stays on the page: no new worker is started.
    expect(await hostile.check.run(input)).toMatchObject({ status: 'done', inPage: true });
    expect(hostile.workers).toHaveLength(1);

    const failing = withFakeWorkers();
    const afterError = failing.check.run(input);
    failing.workers[0]?.fail();
    expect(await afterError).toMatchObject({ status: 'done', inPage: true });
  });

  it('says plainly when a draft is too long to check, without starting a worker', async () => {
    const { check, workers } = withFakeWorkers();
    const outcome = await check.run({ ...input, replacements: Array.from({ length: 6000 }, () => 'x') });
    expect(outcome.status === 'failed' && outcome.message).toContain('longer than the check can read');
    expect(workers).toHaveLength(0);
  });
});
