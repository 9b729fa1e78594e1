/**
 * The hostile corpus mixed with good workbooks through the real command (`node
 * build/cli/main.js`): the batch finishes, with one report per input, every hostile file
 * `unreadable` with its Chinese reason (or checked where it is legitimate), the good ones
 * checked with exactly their hand-written findings, no input changed (sha256), nothing in
 * English on stderr, and the peak memory of the whole run under a stated bound.
 */
import { findRule } from '../../src/core/rules/registry';
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { hashTree, makeTempDir, seedWorkbook } from '../cli/batch-folder';
import { buildHostileCorpus, SEED_FILE, type HostileCase } from './build-hostile';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'build', 'cli', 'main.js');
/** Peak RSS of the whole run, all processes and threads: the bound this test states. */
const MAX_RSS_MB = 768;
/** The run is killed past this: a hang fails the test instead of stalling the suite. */
const KILL_AFTER_MS = 240_000;

const expected = (name: string): unknown[] => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'expected', `${name}.json`), 'utf8')) as unknown[];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let corpus: HostileCase[];
let dir: string;
let before: Record<string, string>;
let reports: Json[];
let stderr: string;
let peakMb: number;
const good: Record<string, unknown[]> = {};

beforeAll(async () => {
  try {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    if (!existsSync(MAIN)) throw e; // tsc still emits when another module has a type error
  }
  corpus = buildHostileCorpus();
  dir = makeTempDir('selfeval-hostile-');
  for (const c of corpus) writeFileSync(join(dir, c.file), c.bytes);
  // Good workbooks in between: the committed sample and the consistent workbook.
  copyFileSync(SEED_FILE, join(dir, 'good-seed-004.xlsx'));
  good['good-seed-004.xlsx'] = expected('seed-004');
  writeFileSync(join(dir, 'good-consistent.xlsx'), await seedWorkbook(true));
  good['good-consistent.xlsx'] = expected('consistent');
  for (const c of corpus) if (c.expect.ok && c.file.startsWith('dimension-')) good[c.file] = expected('seed-004');
  before = hashTree(dir);

  const rssFile = join(makeTempDir('selfeval-rss-'), 'rss.txt');
  const run = spawnSync(process.execPath, [MAIN, '--format', 'json', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: KILL_AFTER_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: `--require ${join(__dirname, 'max-rss.js')}`, SELFEVAL_RSS_FILE: rssFile },
  });
  if (run.error) throw run.error;
  stderr = run.stderr;
  reports = JSON.parse(run.stdout) as Json[];
  const lines = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n') : [];
  peakMb = Math.max(0, ...lines.map((l) => Number(l.split(' ')[1]) / 1024));
}, KILL_AFTER_MS + 180_000);

describe('a batch of hostile files mixed with good workbooks', () => {
  it('gives one report per input', () => {
    const names = reports.map((r) => String(r.file).split(/[\\/]/).pop());
    expect(names.sort()).toEqual(Object.keys(before).sort());
  });

  it('refuses each hostile file with its Chinese reason, naming the file', () => {
    for (const c of corpus) {
      const r = reports.find((x) => String(x.file).endsWith(c.file))!;
      if (c.expect.ok) {
        expect({ file: c.file, status: r.status }).not.toEqual({ file: c.file, status: 'unreadable' });
        continue;
      }
      expect({ file: c.file, status: r.status }).toEqual({ file: c.file, status: 'unreadable' });
      expect(r.error).toContain(c.file);
      for (const m of c.expect.mentions) expect(r.error).toContain(m);
    }
  });

  it('checks the good workbooks exactly as their hand-written findings say', () => {
    for (const [file, findings] of Object.entries(good)) {
      const r = reports.find((x) => String(x.file).endsWith(file))!;
      expect({ file, status: r.status }).toEqual({ file, status: 'checked' });
      // Whole findings, as the JSON report writes them (the title is the rule's own).
      const whole = (findings as Array<{ ruleId: string }>).map((f) => ({ ...f, title: findRule(f.ruleId)!.title }));
      expect({ file, findings: r.findings }).toEqual({ file, findings: whole });
    }
  });

  it('leaves every input unchanged (sha256)', () => {
    expect(hashTree(dir)).toEqual(before);
  });

  it('prints no library message on stderr', () => {
    expect(stderr).not.toMatch(/warn|error|exceeds|needs a row|at \w+ \(/i);
  });

  it(`stays under ${MAX_RSS_MB} MB of peak memory`, () => {
    expect(peakMb).toBeGreaterThan(0); // measured
    expect(peakMb).toBeLessThan(MAX_RSS_MB);
    writeFileSync(join(makeTempDir('selfeval-rss-'), 'peak.txt'), `${peakMb.toFixed(0)} MB\n`);
  });
});
