/**
 * The hostile corpus mixed with good workbooks through the real command (`node
 * build/cli/main.js`): the batch finishes, with one report per input, every hostile file
 * `unreadable` with its Chinese reason (or checked where it is legitimate), the good ones
 * checked with exactly their hand-written findings, no input changed (sha256), nothing in
 * English on stderr, and the peak memory of the whole run under a stated bound.
 */
import { findRule } from '../../src/core/rules/registry';
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { copyFileSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { makeTempDir, seedWorkbook } from '../cli/batch-folder';
import { ENGLISH_SENTENCE } from '../cli/cli-process';
import { FINDINGS_CAP } from '../../src/report/bounded';
import { buildHostileCorpus, FORGED_UNIT, makeSpecialEntries, SEED_FILE, type HostileCase, type SpecialEntry } from './build-hostile';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'build', 'cli', 'main.js');
/** Peak RSS of the whole run, all processes and threads: the bound this test states. */
const MAX_RSS_MB = 768;
/** The run is killed past this: a hang fails the test instead of stalling the suite. */
const KILL_AFTER_MS = 240_000;

const expected = (name: string): unknown[] => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'expected', `${name}.json`), 'utf8')) as unknown[];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let corpus: HostileCase[];
let specials: SpecialEntry[];
let dir: string;
let out: string;
let stdoutBytes: number;
let elapsedMs: number;
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
  specials = makeSpecialEntries(dir, makeTempDir('selfeval-hostile-outside-'));
  before = snapshot(dir);
  out = makeTempDir('selfeval-hostile-out-');

  const rssFile = join(makeTempDir('selfeval-rss-'), 'rss.txt');
  const t0 = Date.now();
  const run = spawnSync(process.execPath, [MAIN, '--format', 'json', '--annotate', join(out, 'copies'), '--summary', join(out, '汇总.xlsx'), dir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: KILL_AFTER_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: `--require ${join(__dirname, 'max-rss.js')}`, SELFEVAL_RSS_FILE: rssFile },
  });
  if (run.error) throw run.error;
  elapsedMs = Date.now() - t0;
  stdoutBytes = Buffer.byteLength(run.stdout);
  stderr = run.stderr;
  reports = JSON.parse(run.stdout) as Json[];
  const lines = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n') : [];
  peakMb = Math.max(0, ...lines.map((l) => Number(l.split(' ')[1]) / 1024));
}, KILL_AFTER_MS + 180_000);

describe('a batch of hostile files mixed with good workbooks', () => {
  it('gives one report per input, special entries included, and finishes', () => {
    const names = reports.map((r) => relative(dir, String(r.file)));
    const inputs = Object.keys(before).filter((k) => !k.startsWith('dag') && k !== 'root');
    expect(names.sort()).toEqual(inputs.sort());
    expect(elapsedMs).toBeLessThan(KILL_AFTER_MS);
  });

  it('never opens a FIFO or a device, never follows a link, and says so in Chinese', () => {
    for (const s of specials) {
      const r = reports.find((x) => relative(dir, String(x.file)) === s.file)!;
      if (s.expect.ok) {
        expect({ file: s.file, status: r.status }).toEqual({ file: s.file, status: 'checked' });
        continue;
      }
      expect({ file: s.file, status: r.status }).toEqual({ file: s.file, status: 'unreadable' });
      for (const m of s.expect.mentions) expect(r.error).toContain(m);
    }
    // The link to a workbook outside the folder got no copy; the links to / and the DAG are named, not walked.
    expect(stderr).toMatch(/个符号链接未跟随/);
    expect(readdirSync(join(out, 'copies')).some((n) => n.startsWith('outside'))).toBe(false);
  });

  it('bounds a report whatever the workbook holds, the cut said', () => {
    const r = reports.find((x) => String(x.file).endsWith('shared-30000-text.xlsx'))!;
    expect(r.status).toBe('checked');
    expect(r.findings.length).toBeLessThanOrEqual(FINDINGS_CAP);
    expect(r.summary.errors + r.summary.warnings + r.summary.infos).toBeGreaterThan(r.findings.length);
    expect(JSON.stringify(r).length).toBeLessThan(8 * 1024 * 1024);
    expect(r.findings.some((f: Json) => String(f.message).includes('…（已截断，原文 30000 字）') && String(f.entered).endsWith('…（已截断，原文 30000 字）'))).toBe(true);
    expect(stdoutBytes).toBeLessThan(64 * 1024 * 1024);
  });

  it('writes nothing a terminal would obey, and no forged 已写出 line', () => {
    // eslint-disable-next-line no-control-regex -- the controls a terminal obeys
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    for (const line of stderr.split('\n')) expect(line).not.toMatch(/^已写出 标注副本：\/tmp\/伪造/);
    expect(stderr).toContain('evil\\n已写出');
    const unit = reports.find((x) => String(x.file).endsWith('forged-unit.xlsx'))!;
    expect(unit.status).toBe('checked');
    expect(unit.department).toContain('全部通过，0 个错误');
    expect(unit.department).toContain(FORGED_UNIT.slice(0, 4));
  });

  it('leaves nothing behind: only whole copies and the summary, no temporary or reserved file', () => {
    const written = readdirSync(out, { recursive: true }).map(String);
    expect(written.filter((n) => /\.tmp$|\.probe$/.test(n))).toEqual([]);
    for (const n of written) {
      const st = statSync(join(out, n));
      if (st.isFile()) expect({ n, size: st.size > 0 }).toEqual({ n, size: true });
    }
    const copies = readdirSync(join(out, 'copies'));
    const readable = reports.filter((r) => r.status !== 'unreadable').length;
    expect(copies).toHaveLength(readable);
    expect(existsSync(join(out, '汇总.xlsx'))).toBe(true);
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

  it('leaves every input unchanged (sha256; links and FIFOs as they were)', () => {
    expect(snapshot(dir)).toEqual(before);
  });

  it('says every refusal in Chinese', () => {
    for (const r of reports) if (r.error) expect({ file: r.file, english: ENGLISH_SENTENCE.test(String(r.error).replace(String(r.file), '')) }).toEqual({ file: r.file, english: false });
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

/** Every entry under `root` without following links or opening anything but regular files. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = lstatSync(full);
      const key = relative(root, full);
      if (st.isSymbolicLink()) out[key] = `link → ${readlinkSync(full)}`;
      else if (st.isDirectory()) walk(full);
      else if (st.isFile()) out[key] = createHash('sha256').update(readFileSync(full)).digest('hex');
      else out[key] = 'special';
    }
  };
  walk(root);
  return out;
}
