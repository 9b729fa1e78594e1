/** The real command as a child process: `node build/cli/main.js`, built once per test file. */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..');
export const MAIN = join(ROOT, 'build', 'cli', 'main.js');

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function cli(args: readonly string[], cwd = ROOT): RunResult {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const LOCK = join(ROOT, 'build', '.test-build-lock');

/**
 * npm run build:cli; call from a beforeAll with a long timeout. Test files run in parallel:
 * one builds while the others wait, so none runs the command while tsc rewrites it.
 */
export function buildCli(): void {
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      else if (waitForUnlock()) return; // built by another test file just now
    }
  }
  try {
    // Already built from the sources as they are (by another test file of this run): building
    // again would rewrite the files while that test file's commands are running.
    if (isFresh()) return;
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
    writeFileSync(STAMP, '');
  } catch (e) {
    // tsc still emits when another module has a type error; only a missing build is fatal.
    if (!existsSync(MAIN)) throw e;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

const STAMP = join(ROOT, 'build', '.test-build-stamp');

function isFresh(): boolean {
  const stamp = statSync(STAMP, { throwIfNoEntry: false });
  return stamp !== undefined && existsSync(MAIN) && newestSource(join(ROOT, 'src')) < stamp.mtimeMs;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function waitForUnlock(): boolean {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (existsSync(LOCK)) Atomics.wait(sleeper, 0, 0, 200);
  return isFresh();
}

/** Three English words in a row: a library's message that reached the user untranslated. */
export const ENGLISH_SENTENCE = /\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\b/;
