/**
 * A small pool of page workers with a FIFO queue: one request per worker at a time, so a
 * batch of hundreds of workbooks streams through without flooding memory.
 */
import type { WithoutId, WorkerRequest, WorkerResponse } from './protocol';

type Pending = {
  readonly req: WithoutId<WorkerRequest>;
  readonly transfer: Transferable[];
  readonly resolve: (r: WorkerResponse) => void;
  readonly reject: (e: Error) => void;
};

export type WorkerFactory = () => Worker;

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Map<Worker, Pending & { id: number }>();
  private nextId = 1;

  constructor(
    private readonly factory: WorkerFactory,
    /** How many workers at most. */
    readonly size: number,
  ) {}

  /**
   * Sends a request to the next free worker; resolves with its response. `urgent` requests
   * (the workbook the reviewer just opened, a download) go ahead of a running batch's queue.
   */
  run(req: WithoutId<WorkerRequest>, transfer: Transferable[] = [], urgent = false): Promise<WorkerResponse> {
    return new Promise((resolve, reject) => {
      const p: Pending = { req, transfer, resolve, reject };
      if (urgent) this.queue.unshift(p);
      else this.queue.push(p);
      this.pump();
    });
  }

  /** Drops queued requests (a new batch replaces the old one); running ones finish. */
  clearQueue(): void {
    for (const p of this.queue.splice(0)) p.reject(new Error('cancelled'));
  }

  terminate(): void {
    this.clearQueue();
    for (const w of this.all) w.terminate();
    this.all.length = 0;
    this.idle.length = 0;
  }

  private worker(): Worker | undefined {
    const w = this.idle.pop();
    if (w) return w;
    if (this.all.length >= this.size) return undefined;
    const fresh = this.factory();
    fresh.onmessage = (ev: MessageEvent<WorkerResponse>) => this.settle(fresh, ev.data);
    fresh.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      this.crash(fresh, ev.message || '后台核对进程出错');
    };
    this.all.push(fresh);
    return fresh;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const w = this.worker();
      if (!w) return;
      const p = this.queue.shift()!;
      const id = this.nextId++;
      this.inFlight.set(w, { ...p, id });
      w.postMessage({ ...p.req, id }, p.transfer);
    }
  }

  private settle(w: Worker, res: WorkerResponse): void {
    const p = this.inFlight.get(w);
    this.inFlight.delete(w);
    this.idle.push(w);
    if (p && p.id === res.id) p.resolve(res);
    this.pump();
  }

  /** A worker died (out of memory, a parser crash): fail its request, replace it. */
  private crash(w: Worker, message: string): void {
    const p = this.inFlight.get(w);
    this.inFlight.delete(w);
    w.terminate();
    this.all.splice(this.all.indexOf(w), 1);
    p?.reject(new Error(message));
    this.pump();
  }
}

export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, cores - 1));
}
