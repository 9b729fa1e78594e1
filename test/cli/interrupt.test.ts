/**
 * The real command as child processes: two runs into one --annotate folder at the same moment
 * never replace each other's copies (names reserved with O_EXCL), and a run interrupted by
 * SIGINT or SIGTERM in the middle of a batch leaves no temporary or reserved file behind and
 * ends by that signal.
 */
import { spawn } from 'child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { makeTempDir } from './batch-folder';
import { buildCli, MAIN, ROOT } from './cli-process';
import { SEED_FILE } from '../hostile/build-hostile';

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

function start(args: readonly string[]): { done: Promise<Exit>; kill: (s: NodeJS.Signals) => void } {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { done, kill: (s) => child.kill(s) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every file under `dir`, with its size. */
function files(dir: string): Array<[string, number]> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((n) => statSync(join(dir, n)).isFile())
    .map((n) => [n, statSync(join(dir, n)).size] as [string, number])
    .sort();
}

beforeAll(() => buildCli(), 300_000);

describe('two runs into one --annotate folder at once', () => {
  it('never replace each other: the second copy of a name becomes <name> (2).checked.xlsx', async () => {
    const inputs = makeTempDir('selfeval-concurrent-in-');
    for (const n of ['a', 'b', 'c']) copyFileSync(SEED_FILE, join(inputs, `${n}.xlsx`));
    const out = makeTempDir('selfeval-concurrent-out-');
    const runs = [start(['--jobs', '1', '--annotate', out, inputs]), start(['--jobs', '1', '--annotate', out, inputs])];
    const [one, two] = await Promise.all(runs.map((r) => r.done));
    const written = (e: Exit) => e.stderr.split('\n').filter((l) => l.startsWith('已写出 标注副本：')).map((l) => l.slice('已写出 标注副本：'.length));
    const all = [...written(one!), ...written(two!)];
    expect(all).toHaveLength(6);
    expect(new Set(all).size).toBe(6); // each run wrote its own files
    expect(files(out).map(([n]) => n)).toEqual(['a (2).checked.xlsx', 'a.checked.xlsx', 'b (2).checked.xlsx', 'b.checked.xlsx', 'c (2).checked.xlsx', 'c.checked.xlsx']);
    for (const [, size] of files(out)) expect(size).toBeGreaterThan(1000);
    // Each whole copy is a zip package (never a file written half by one run and half by the other).
    for (const [n] of files(out)) expect(readFileSync(join(out, n)).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 180_000);
});

describe.each(['SIGINT', 'SIGTERM'] as const)('%s in the middle of a batch', (signal) => {
  it('removes the temporary files and reserved names, keeps whole copies, and ends by the signal', async () => {
    const inputs = makeTempDir('selfeval-interrupt-in-');
    for (let i = 0; i < 40; i++) copyFileSync(SEED_FILE, join(inputs, `${String(i).padStart(2, '0')}.xlsx`));
    const out = makeTempDir('selfeval-interrupt-out-');
    const run = start(['--jobs', '1', '--annotate', join(out, 'copies'), '--out', join(out, 'report.json'), '--summary', join(out, 'summary.xlsx'), inputs]);
    // Mid-batch: some copies written, most names still reserved (empty).
    for (let i = 0; i < 600 && !files(join(out, 'copies')).some(([, size]) => size > 0); i++) await sleep(100);
    expect(files(join(out, 'copies')).some(([, size]) => size > 0)).toBe(true);
    run.kill(signal);
    const exit = await run.done;
    expect(exit.signal).toBe(signal);
    const left = files(out);
    expect(left.filter(([n]) => /\.tmp$/.test(n))).toEqual([]);
    expect(left.filter(([, size]) => size === 0)).toEqual([]); // no reserved name left empty
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(40);
    expect(existsSync(join(out, 'report.json'))).toBe(false);
    expect(existsSync(join(out, 'summary.xlsx'))).toBe(false);
  }, 180_000);
});
