/**
 * makeFolders is mkdir -p without Node 20's recursive mkdirSync, which spins for ever where a
 * folder cannot be made under an existing parent (under /proc); the test runs it in a child
 * process with a time limit, so a spin is a failure and not a hung suite.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { makeFolders } from '../../src/cli/make-folders';

const MODULE = join(__dirname, '..', '..', 'src', 'cli', 'make-folders.ts');

function inChild(dir: string): { status: number | null; signal: string | null; stderr: string } {
  const script = `require(${JSON.stringify(MODULE)}).makeFolders(${JSON.stringify(dir)})`;
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, signal: r.signal, stderr: r.stderr };
}

test('makes every missing level, and leaves existing ones alone', () => {
  const root = mkdtempSync(join(tmpdir(), 'selfeval-folders-'));
  mkdirSync(join(root, '甲'));
  makeFolders(join(root, '甲', '乙', '丙'));
  expect(statSync(join(root, '甲', '乙', '丙')).isDirectory()).toBe(true);
  makeFolders(join(root, '甲', '乙', '丙')); // again: nothing to do, no error
});

test('throws at once where a level is a file', () => {
  const root = mkdtempSync(join(tmpdir(), 'selfeval-folders-'));
  writeFileSync(join(root, 'file'), '');
  expect(() => makeFolders(join(root, 'file', 'x'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
});

(existsSync('/proc/1') ? test : test.skip)('throws, instead of spinning, where a folder cannot be made under an existing parent (/proc)', () => {
  const r = inChild('/proc/1/selfeval-x/y');
  expect(r.signal).toBeNull(); // not killed by the time limit
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(/ENOENT|EACCES|EPERM/);
});
