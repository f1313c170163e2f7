import type { CheckedFinding } from '@core/findings/check';
import {
  checkAnswerSchema,
  checkLimits,
  checkRequestSchema,
  type CheckAnswer,
  type CheckRequest,
} from './check-protocol';

/** What one check came to. `inPage`: it ran on the page itself because the worker could not. */
export type CheckOutcome =
  | { status: 'done'; findings: CheckedFinding[]; inPage: boolean }
  | { status: 'failed'; message: string }
  | { status: 'cancelled' };

export type CheckInput = Omit<CheckRequest, 'type' | 'seq'>;

export interface IdentifyingCheck {
  /** Checks `input`, cancelling a check still running: that one resolves as `cancelled`. */
  run(input: CheckInput): Promise<CheckOutcome>;
  /** Stops the check running, if any. */
  cancel(): void;
  dispose(): void;
}

export const checkFailedMessages: Record<Exclude<CheckAnswer, { ok: true }>['reason'] | 'too-large', string> = {
  refused: 'The check could not read this draft. Read it through together for names, places and dates instead.',
  unreadable: 'The check could not read this draft’s text. Read it through together for names, places and dates.',
  failed: 'The check stopped before it finished. Read the draft through together, and try again later.',
  'too-large':
    'This draft is longer than the check can read in one go. Read it through together for names, places and dates.',
};

export type WorkerFactory = () => Worker;

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'chorus-check' });

interface Running {
  seq: number;
  request: CheckRequest;
  settle: (outcome: CheckOutcome) => void;
}

/**
 * The identifying-details check, off the page's main thread: each check is posted to a worker, and
 * its answer is parsed before it is used. A new check while one runs stops the worker (the detector
 * cannot be interrupted part-way through a text) and starts a fresh one, once the worker has loaded. If the worker cannot start
 * or fails, or answers something that is not an answer, the check runs on the page instead, and the
 * outcome says so.
 */
export function createIdentifyingCheck(createWorker: WorkerFactory | null = defaultWorker): IdentifyingCheck {
  let worker: Worker | null = null;
  /** Whether the worker has answered once: it has loaded the detector, and starting another costs more. */
  let warm = false;
  let broken = createWorker === null || typeof Worker === 'undefined';
  let seq = 0;
  let running: Running | null = null;

  const stopWorker = () => {
    worker?.terminate();
    worker = null;
    warm = false;
  };

  const inPage = async (request: CheckRequest): Promise<CheckOutcome> => {
    // Loaded only when needed: the detector is large, and the worker has its own copy.
    const { handleCheckMessage } = await import('./check-handler');
    // Let the page draw "Checking…" before the check holds it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return toOutcome(handleCheckMessage(request), true);
  };

  const fallBack = (current: Running) => {
    broken = true;
    stopWorker();
    void inPage(current.request).then((outcome) => finish(current.seq, outcome));
  };

  const finish = (forSeq: number, outcome: CheckOutcome) => {
    if (running === null || running.seq !== forSeq) return;
    const { settle } = running;
    running = null;
    settle(outcome);
  };

  const start = (): Worker | null => {
    if (broken || createWorker === null) return null;
    if (worker !== null) return worker;
    try {
      worker = createWorker();
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const answer = checkAnswerSchema.safeParse(event.data);
      const current = running;
      if (current === null) {
        warm ||= answer.success;
        return;
      }
      if (!answer.success) {
        fallBack(current);
        return;
      }
      warm = true;
      if (answer.data.seq === current.seq) finish(current.seq, toOutcome(answer.data, false));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (running !== null) fallBack(running);
      else {
        broken = true;
        stopWorker();
      }
    };
    return worker;
  };

  const cancel = () => {
    if (running === null) return;
    const { settle } = running;
    running = null;
    // The worker is busy with a check nobody wants. Once it has loaded the detector it is stopped, and
    // the next check starts another; while it is still loading, stopping it would only start the
    // loading again, so it finishes and its answer is ignored (the worker skips requests overtaken).
    if (warm) stopWorker();
    settle({ status: 'cancelled' });
  };

  return {
    run(input) {
      cancel();
      seq += 1;
      const request: CheckRequest = { type: 'check', seq, ...input };
      if (input.docJson.length > checkLimits.docJson || !checkRequestSchema.safeParse(request).success) {
        return Promise.resolve({ status: 'failed', message: checkFailedMessages['too-large'] });
      }
      return new Promise<CheckOutcome>((settle) => {
        const current: Running = { seq, request, settle };
        running = current;
        const target = start();
        if (target === null) {
          void inPage(request).then((outcome) => finish(current.seq, outcome));
          return;
        }
        try {
          target.postMessage(request);
        } catch {
          fallBack(current);
        }
      });
    },
    cancel,
    dispose() {
      cancel();
      stopWorker();
    },
  };
}

let shared: IdentifyingCheck | null = null;

/**
 * The page's one check, kept for the life of the page, so opening another review does not load the
 * detector again. Each screen cancels its own check when it goes.
 */
export function sharedIdentifyingCheck(): IdentifyingCheck {
  shared ??= createIdentifyingCheck();
  return shared;
}

function toOutcome(answer: CheckAnswer, inPage: boolean): CheckOutcome {
  return answer.ok
    ? { status: 'done', findings: answer.findings, inPage }
    : { status: 'failed', message: checkFailedMessages[answer.reason] };
}
