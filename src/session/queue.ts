/**
 * One queue for everything a session does to the workbook: jobs run one at a time, in the order
 * they were asked for, and none is dropped. Two host calls of different actions never interleave
 * (a re-check's read between 一键重算's snapshot and its writes), and a click while something else
 * runs waits its turn instead of being ignored.
 *
 * A job may be `replaceable`: a newer job of the same kind that has not started yet stands in
 * for it (a burst of edits gives one re-check; the last finding clicked is the one selected).
 */

export interface JobSpec<K extends string> {
  readonly kind: K;
  /** A pending job of the same kind that has not started yet is dropped in favour of this one. */
  readonly replaceable?: boolean;
  readonly run: () => Promise<void>;
}

interface Job<K extends string> extends JobSpec<K> {
  readonly done: Array<{ resolve: () => void; reject: (e: unknown) => void }>;
}

export class ActionQueue<K extends string> {
  private running: Job<K> | null = null;
  private readonly pending: Array<Job<K>> = [];

  /** Called whenever the running job or the pending list changes. */
  constructor(private readonly onChange: () => void = () => undefined) {}

  /** The kinds of the running job (first) and of the pending ones, in order. */
  kinds(): K[] {
    return [...(this.running ? [this.running.kind] : []), ...this.pending.map((j) => j.kind)];
  }

  get idle(): boolean {
    return this.running === null && this.pending.length === 0;
  }

  /**
   * Adds a job; resolves when it has run (or when the job that stood in for it has), rejects
   * with its error. A replaceable job replaces a pending one of its kind: both callers are told
   * when the one that runs has finished.
   */
  enqueue(spec: JobSpec<K>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter = { resolve, reject };
      const same = spec.replaceable ? this.pending.findIndex((j) => j.kind === spec.kind) : -1;
      if (same >= 0) {
        const old = this.pending[same]!;
        this.pending[same] = { ...spec, done: [...old.done, waiter] };
      } else {
        this.pending.push({ ...spec, done: [waiter] });
      }
      this.onChange();
      this.next();
    });
  }

  /** Resolves once nothing runs and nothing waits. */
  async drained(): Promise<void> {
    while (!this.idle) await (this.running ? this.settled(this.running) : Promise.resolve());
  }

  private settled(job: Job<K>): Promise<void> {
    return new Promise<void>((resolve) => job.done.push({ resolve, reject: () => resolve() }));
  }

  private next(): void {
    if (this.running || this.pending.length === 0) return;
    const job = this.pending.shift()!;
    this.running = job;
    this.onChange();
    job.run().then(
      () => this.finish(job, (w) => w.resolve()),
      (e: unknown) => this.finish(job, (w) => w.reject(e)),
    );
  }

  private finish(job: Job<K>, tell: (w: Job<K>['done'][number]) => void): void {
    this.running = null;
    for (const w of job.done) tell(w);
    this.onChange();
    this.next();
  }
}
