/**
 * A check worker (worker_threads): takes one file at a time from the main thread (pool.ts) and
 * answers with its report and, when asked, its annotated copy. It runs with a heap limit and
 * under a time budget; when a workbook exhausts either, the main thread ends this worker and
 * reports the file, and a fresh worker takes the next one.
 */
import { parentPort } from 'worker_threads';
import { internalErrorReport, runCheckTask } from './check-task';
import type { CheckOutcome, CheckTask, TaskResult } from './task';

// Libraries print warnings in English (ExcelJS, SAX); nothing of theirs reaches the user's
// terminal, and the report on stdout stays clean JSON.
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[method] = () => undefined;

export type WorkerMessage = { readonly type: 'started'; readonly id: number } | ({ readonly type: 'done' } & TaskResult);

const port = parentPort;
if (port) {
  port.on('message', (task: CheckTask) => {
    port.postMessage({ type: 'started', id: task.id } satisfies WorkerMessage);
    const send = (outcome: CheckOutcome) => {
      const copy = outcome.annotated;
      // Handed over without a copy when the bytes fill their own buffer.
      const transfer = copy && copy.byteOffset === 0 && copy.byteLength === copy.buffer.byteLength ? [copy.buffer as ArrayBuffer] : [];
      port.postMessage({ type: 'done', id: task.id, ...outcome } satisfies WorkerMessage, transfer);
    };
    runCheckTask(task.path, task.profile, task.annotate)
      .catch((e: unknown) => internalErrorReport(task.path, e))
      .then(send)
      // The answer itself could not be posted: the file still gets a report (no copy), never silence.
      .catch((e: unknown) => send(internalErrorReport(task.path, e)));
  });
}
