import { ChorusDb } from './database';
import { createWriteHandler } from './document-writer-handler';
import type { WriteAnswer } from './document-writer-protocol';

/** The parts of a dedicated worker's global scope this uses (the renderer's types are the page's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: WriteAnswer): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createWriteHandler((databaseName) => new ChorusDb(databaseName));

/** Writes drafts for the page, off its main thread (document-writer-handler.ts). */
scope.onmessage = (event) => {
  void handle(event.data).then((answer) => {
    if (answer !== null) scope.postMessage(answer);
  });
};
