/**
 * Checks files in a pool of worker threads (one per core by default): each file is read and
 * checked inside a worker with a heap limit and a time budget, so a workbook that exhausts
 * memory, crashes its parser or never finishes costs only its own report — an `unreadable` one
 * saying why — and a fresh worker takes the next file. The batch always completes.
 */
import { availableParallelism, totalmem } from 'os';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { failedReport } from '../core/report';
import { baseName } from '../host/file/bytes';
import type { CheckOutcome, CheckTask } from './task';
import type { WorkerMessage } from './worker';

export interface PoolOptions {
  /** Workers at most (never more than there are files). */
  readonly jobs: number;
  /** Heap limit of each worker, MB (V8's old generation). */
  readonly heapMb: number;
  /** Time budget per file, ms, from the moment its worker starts on it. */
  readonly timeoutMs: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 120;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Half the machine's memory shared among the workers, between 512 MB and 2 GB each. */
export function defaultHeapMb(jobs: number): number {
  const share = Math.floor(totalmem() / (1024 * 1024) / 2 / Math.max(1, jobs));
  return Math.max(512, Math.min(2048, share));
}

export type TaskInput = Omit<CheckTask, 'id'>;

/**
 * Runs every task; `onDone(index, outcome)` is called once per task, as each finishes (in any
 * order). Resolves when all are done and every worker has ended.
 */
export async function checkInPool(tasks: readonly TaskInput[], options: PoolOptions, onDone: (index: number, outcome: CheckOutcome) => void): Promise<void> {
  let next = 0;
  const lanes = Math.max(1, Math.min(options.jobs, tasks.length));
  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    try {
      while (next < tasks.length) {
        const index = next++;
        worker ??= startWorker(options.heapMb);
        const { outcome, workerGone } = await runOn(worker, { ...tasks[index]!, id: index + 1 }, options);
        if (workerGone) worker = null; // ended or dying; the next file gets a fresh one
        onDone(index, outcome);
      }
    } finally {
      if (worker) await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/** The compiled worker next to this file; under ts-node or ts-jest, its TypeScript source. */
function startWorker(heapMb: number): Worker {
  const options = {
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
    // Piped to us and dropped: nothing a library prints reaches the terminal or the JSON.
    stdout: true,
    stderr: true,
  };
  const worker = __filename.endsWith('.ts')
    ? new Worker(
        `require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(join(__dirname, '..', '..', 'tsconfig.json'))} });` +
          `require(${JSON.stringify(join(__dirname, 'worker.ts'))});`,
        { ...options, eval: true },
      )
    : new Worker(join(__dirname, 'worker.js'), options);
  worker.stdout.resume();
  worker.stderr.resume();
  // A dying worker emits 'error'; without a listener that would end the whole command.
  worker.on('error', () => undefined);
  return worker;
}

/** How long a worker may take to load its modules before it starts on its first file. */
const START_BUDGET_MS = 60_000;

function runOn(worker: Worker, task: CheckTask, options: PoolOptions): Promise<{ outcome: CheckOutcome; workerGone: boolean }> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: CheckOutcome, workerGone: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (workerGone) void worker.terminate();
      resolve({ outcome, workerGone });
    };
    const overTime = () => finish(skipped(task.path, `核对超过 ${seconds(options.timeoutMs)} 秒仍未完成`), true);
    let timer = setTimeout(overTime, START_BUDGET_MS + options.timeoutMs);
    const onMessage = (m: WorkerMessage) => {
      if (m.id !== task.id) return;
      if (m.type === 'started') {
        clearTimeout(timer);
        timer = setTimeout(overTime, options.timeoutMs);
      } else {
        finish({ report: m.report, pendingWarnings: m.pendingWarnings, annotated: m.annotated, annotateError: m.annotateError }, false);
      }
    };
    const onError = (e: unknown) => {
      const oom = e && typeof e === 'object' && (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(skipped(task.path, oom ? `核对时所需内存超过 ${options.heapMb} MB 的上限` : '读取时核对进程出错退出'), true);
    };
    const onExit = (code: number) => finish(skipped(task.path, `读取时核对进程意外退出（退出码 ${code}）`), true);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(task);
  });
}

function skipped(path: string, reason: string): CheckOutcome {
  const message = `工作簿过大或结构异常，已跳过：“${baseName(path)}”${reason}。请在 Excel 或 WPS 中打开检查，删去无关内容后另存再核对。`;
  return { report: failedReport(path, 'unreadable', message), pendingWarnings: 0, annotated: null, annotateError: message };
}

function seconds(ms: number): string {
  return String(ms / 1000);
}
