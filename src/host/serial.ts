/**
 * Runs host operations one after another: a second 核对 clicked while the first still paints
 * must not snapshot the first one's colours as "original" fills.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

