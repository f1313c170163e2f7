import { handleCheckMessage } from './check-handler';
import type { CheckAnswer } from './check-protocol';

/** The parts of a dedicated worker's global scope this uses (the renderer's types are the page's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: CheckAnswer): void;
}

const scope = globalThis as unknown as WorkerScope;

let pending: { message: unknown } | null = null;

/**
 * Runs the identifying-details check off the page's main thread (check-handler.ts). Requests that
 * arrived while a check ran are read after it, and only the newest is checked: the page has
 * cancelled the others, and ignores any answer but the one to its latest request.
 */
scope.onmessage = (event) => {
  const first = pending === null;
  pending = { message: event.data };
  if (!first) return;
  setTimeout(() => {
    const newest = pending;
    pending = null;
    if (newest !== null) scope.postMessage(handleCheckMessage(newest.message));
  }, 0);
};
