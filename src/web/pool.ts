/**
 * A small pool of page workers with a FIFO queue: one request per worker at a time, so a
 * batch of hundreds of workbooks streams through without flooding memory. A request may carry
 * a time budget: past it, its worker is ended (a workbook that never finishes cannot hold the
 * batch), the request fails with a PoolFailure, and a fresh worker takes the next request.
 */
import type { WithoutId, WorkerRequest, WorkerResponse } from './protocol';

type Pending = {
  readonly req: WithoutId<WorkerRequest>;
  readonly transfer: Transferable[];
  readonly timeoutMs: number | undefined;
  readonly resolve: (r: WorkerResponse) => void;
  readonly reject: (e: Error) => void;
};

/** Why a request got no answer: its worker ran out of time, died, or the request was dropped. */
export class PoolFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'crashed' | 'cancelled',
    message: string,
  ) {
    super(message);
  }
}

export type WorkerFactory = () => Worker;

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Map<Worker, Pending & { id: number; timer: ReturnType<typeof setTimeout> | null }>();
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
  run(req: WithoutId<WorkerRequest>, transfer: Transferable[] = [], urgent = false, timeoutMs?: number): Promise<WorkerResponse> {
    return new Promise((resolve, reject) => {
      const p: Pending = { req, transfer, timeoutMs, resolve, reject };
      if (urgent) this.queue.unshift(p);
      else this.queue.push(p);
      this.pump();
    });
  }

  /** Drops queued requests (a new batch replaces the old one); running ones finish. */
  clearQueue(): void {
    for (const p of this.queue.splice(0)) p.reject(new PoolFailure('cancelled', '已取消'));
  }

  /** Ends every worker; queued and running requests fail as cancelled. */
  terminate(): void {
    this.clearQueue();
    for (const [w, p] of this.inFlight) {
      if (p.timer) clearTimeout(p.timer);
      p.reject(new PoolFailure('cancelled', '已取消'));
      this.inFlight.delete(w);
    }
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
      this.crash(fresh, new PoolFailure('crashed', '后台核对进程出错退出'));
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
      const timer =
        p.timeoutMs === undefined
          ? null
          : setTimeout(() => this.crash(w, new PoolFailure('timeout', `核对超过 ${p.timeoutMs! / 1000} 秒仍未完成`)), p.timeoutMs);
      this.inFlight.set(w, { ...p, id, timer });
      w.postMessage({ ...p.req, id }, p.transfer);
    }
  }

  private settle(w: Worker, res: WorkerResponse): void {
    const p = this.inFlight.get(w);
    if (!p || p.id !== res.id) return;
    if (p.timer) clearTimeout(p.timer);
    this.inFlight.delete(w);
    this.idle.push(w);
    p.resolve(res);
    this.pump();
  }

  /**
   * A worker died (a parser crash) or ran past its request's budget: end it, fail its request;
   * the next request gets a fresh worker.
   */
  private crash(w: Worker, failure: PoolFailure): void {
    const p = this.inFlight.get(w);
    if (p?.timer) clearTimeout(p.timer);
    this.inFlight.delete(w);
    w.terminate();
    const i = this.all.indexOf(w);
    if (i >= 0) this.all.splice(i, 1);
    const idle = this.idle.indexOf(w);
    if (idle >= 0) this.idle.splice(idle, 1);
    p?.reject(failure);
    this.pump();
  }
}

export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, cores - 1));
}
