/** The session's one queue: jobs in order, one at a time, none dropped; replaceable jobs coalesce. */
import { ActionQueue } from '../../src/session/queue';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ActionQueue', () => {
  it('runs jobs one at a time in the order asked, and drops none', async () => {
    const q = new ActionQueue<'a' | 'b' | 'c'>();
    const log: string[] = [];
    const gate = deferred();
    const first = q.enqueue({ kind: 'a', run: async () => (log.push('a start'), await gate.promise, void log.push('a end')) });
    const second = q.enqueue({ kind: 'b', run: async () => void log.push('b') });
    const third = q.enqueue({ kind: 'c', run: async () => void log.push('c') });
    await tick();
    expect(log).toEqual(['a start']);
    expect(q.kinds()).toEqual(['a', 'b', 'c']);
    gate.resolve();
    await Promise.all([first, second, third]);
    expect(log).toEqual(['a start', 'a end', 'b', 'c']);
    expect(q.idle).toBe(true);
  });

  it('a replaceable job stands in for a pending one of its kind; both callers hear when it ran', async () => {
    const q = new ActionQueue<'check' | 'follow'>();
    const log: string[] = [];
    const gate = deferred();
    const running = q.enqueue({ kind: 'check', run: () => gate.promise });
    const older = q.enqueue({ kind: 'follow', replaceable: true, run: async () => void log.push('older') });
    const newer = q.enqueue({ kind: 'follow', replaceable: true, run: async () => void log.push('newer') });
    expect(q.kinds()).toEqual(['check', 'follow']);
    gate.resolve();
    await Promise.all([running, older, newer]);
    expect(log).toEqual(['newer']);
  });

  it('a running job is never replaced: the next one of its kind waits for it', async () => {
    const q = new ActionQueue<'follow'>();
    const log: string[] = [];
    const gate = deferred();
    const first = q.enqueue({ kind: 'follow', replaceable: true, run: async () => (await gate.promise, void log.push('first')) });
    await tick();
    const second = q.enqueue({ kind: 'follow', replaceable: true, run: async () => void log.push('second') });
    gate.resolve();
    await Promise.all([first, second]);
    expect(log).toEqual(['first', 'second']);
  });

  it('a failing job rejects its caller and the queue goes on', async () => {
    const q = new ActionQueue<'x' | 'y'>();
    const failing = q.enqueue({ kind: 'x', run: () => Promise.reject(new Error('boom')) });
    const after = q.enqueue({ kind: 'y', run: () => Promise.resolve() });
    await expect(failing).rejects.toThrow('boom');
    await expect(after).resolves.toBeUndefined();
  });

  it('tells its listener when the running job or the pending list changes', async () => {
    const seen: string[][] = [];
    const q = new ActionQueue<'a' | 'b'>(() => seen.push(q.kinds()));
    await Promise.all([q.enqueue({ kind: 'a', run: () => Promise.resolve() }), q.enqueue({ kind: 'b', run: () => Promise.resolve() })]);
    expect(seen[0]).toEqual(['a']);
    expect(seen).toContainEqual(['a', 'b']);
    expect(seen[seen.length - 1]).toEqual([]);
  });
});
