/**
 * `npm run bench`: speed is measured here, not in timed tests. Prints a table per section;
 * the README quotes the figures. Each section states its goal beside what it measured.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../src/engine';
import { readWorkbook } from '../src/host/file/read';
import { DEFAULT_READ_LIMITS } from '../src/host/file/limits';
import { scanPackage } from '../src/host/file/package-scan';
import { syntheticSelfEval } from '../test/support/synthetic';
import { measureSyncs } from '../test/host/measure-syncs';
import { measurePage } from '../test/browser/measure-page';
import { docxVsXlsx } from './bench-docx';

const ROOT = join(__dirname, '..');

async function median(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await fn(); // warm-up: JIT and lazy module loading are not what we measure
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function engineAlone(): Promise<void> {
  console.log('\n## Engine alone (synthetic 自评表, Grid already in memory; goal: 10,000 rows ≤ 100 ms)');
  // The compiled engine in a process of its own, as the CLI's workers run it (bench-engine.js
  // says why not here, under ts-node); the same rows in this process beside it, for comparison.
  const { execFileSync } = await import('child_process');
  const { mkdtempSync, rmSync, writeFileSync } = await import('fs');
  const { tmpdir } = await import('os');
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-enginebench-'));
  try {
    for (const rows of [10, 1000, 10000]) {
      const grid = syntheticSelfEval(rows);
      const file = join(dir, `grid-${rows}.json`);
      writeFileSync(file, JSON.stringify(grid));
      const runs = rows >= 10000 ? 15 : 31;
      const out = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'scripts', 'bench-engine.js'), file, String(runs)], { encoding: 'utf8' })) as { medianMs: number };
      const here = await median(rows >= 10000 ? 7 : 21, () => checkWorkbook(grid, { file: 'synthetic' }));
      console.log(`${String(rows).padStart(6)} indicator rows: ${ms(out.medianMs)} (compiled, own process) | ${ms(here)} under ts-node`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fileVsExcelJs(): Promise<void> {
  console.log('\n## Checking a workbook file vs a bare ExcelJS load of it (goal: ratio ≤ 1.3)');
  const files = [join(ROOT, 'samples', 'seed-004.xlsx')];
  const big = await writeSyntheticFile(10000);
  files.push(big);
  for (const file of files) {
    const bytes = readFileSync(file);
    const bare = await median(9, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    });
    const full = await median(9, async () => {
      const r = await readWorkbook({ bytes, fileName: file });
      if (!r.ok) throw new Error(r.message);
      checkWorkbook(r.grid, { file });
    });
    // Where the difference goes: the limits scan before the load, and the engine after it.
    const scan = await median(9, () => scanPackage(bytes, file, DEFAULT_READ_LIMITS));
    const read = await readWorkbook({ bytes, fileName: file });
    if (!read.ok) throw new Error(read.message);
    const check = await median(9, () => checkWorkbook(read.grid, { file }));
    console.log(
      `${file.replace(ROOT + '/', '').padEnd(40)} ExcelJS load ${ms(bare)} | read + check ${ms(full)} | ratio ${(full / bare).toFixed(2)} ` +
        `(of which the limits scan ${ms(scan)}, the engine ${ms(check)})`,
    );
  }
}

/** The synthetic 自评表 written as a real .xlsx, to time the file door at size. */
async function writeSyntheticFile(rows: number): Promise<string> {
  const { mkdtempSync } = await import('fs');
  const { tmpdir } = await import('os');
  const grid = syntheticSelfEval(rows);
  const wb = new ExcelJS.Workbook();
  const sheet = grid.sheets[0]!;
  const ws = wb.addWorksheet(sheet.name);
  sheet.rows.forEach((row, r) => row?.forEach((cell, c) => {
    if (cell && cell.value !== null && typeof cell.value !== 'object') ws.getCell(r + 1, c + 1).value = cell.value;
  }));
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  const file = join(mkdtempSync(join(tmpdir(), 'selfeval-bench-')), `synthetic-${rows}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function excelRoundTrips(): Promise<void> {
  console.log(
    '\n## Excel add-in: context.sync() round-trips and payloads (Office.js fake; goal: read+check ≤ 3 up to 2,000 rows, then one per chunk; no request/response over 5 MB)',
  );
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  for (const rows of [10, 2000, 10000, 30000]) {
    const m = await measureSyncs(rows);
    console.log(
      `${String(rows).padStart(6)} indicator rows (${m.cells} cells, ${m.chunks} chunks): read+check ${m.readAndCheck}, paint ${m.paint} (${m.findings} cells), ` +
        `repaint ${m.repaint}, clear ${m.clear}; largest request ${mb(m.maxRequestBytes)}, largest response ${mb(m.maxResponseBytes)}`,
    );
  }
}

/**
 * The standalone page in headless Chromium (issue 5). Needs the browser that
 * npm ships (test/browser/npm-browsers.ts); builds dist/ when it is missing or stale.
 */
async function pageSpeed(): Promise<void> {
  const batchSize = Number(process.env.BENCH_PAGE_BATCH ?? 200);
  console.log(`\n## Standalone page in headless Chromium (seed 004 first findings; batch of ${batchSize} workbooks, page vs CLI pipeline)`);
  if (process.env.BENCH_SKIP_PAGE) {
    console.log('skipped (BENCH_SKIP_PAGE is set)');
    return;
  }
  let r: Awaited<ReturnType<typeof measurePage>>;
  try {
    r = await measurePage(batchSize);
  } catch (e) {
    // The other sections stand on their own; say why this one is missing.
    console.log(`not measured: ${e instanceof Error ? e.message.split('\n')[0] : String(e)} (Chromium: npm ci installs it)`);
    process.exitCode = 1;
    return;
  }
  console.log(`seed-004 first findings: cold ${r.firstFindingsColdMs.toFixed(0)} ms (worker starts), warm ${r.firstFindingsWarmMs.toFixed(0)} ms (median of 6)`);
  console.log(`${r.batchSize} workbooks: page ${r.pageWorkbooksPerSecond.toFixed(1)}/s | CLI pipeline ${r.cliWorkbooksPerSecond.toFixed(1)}/s (one node process, in turn)`);
}

/** `node build/cli/main.js …` (or another script) as a whole process: wall time in ms. */
function processMs(args: readonly string[]): number {
  const { spawnSync } = require('child_process') as typeof import('child_process');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const t = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return t;
}

/** Several processes at once, as `processMs` each: wall time until the last one ends, in ms. */
function parallelProcessesMs(argLists: readonly (readonly string[])[]): number {
  const { execFileSync } = require('child_process') as typeof import('child_process');
  // One shell waits for all: the timing covers the slowest, as a batch's end does.
  const script = argLists.map((args) => `${JSON.stringify(process.execPath)} ${args.map((a) => JSON.stringify(a)).join(' ')} > /dev/null &`).join('\n') + '\nwait';
  const t0 = performance.now();
  execFileSync('bash', ['-c', script], { cwd: ROOT, stdio: 'ignore' });
  return performance.now() - t0;
}

function medianOf(runs: number, fn: () => number): number {
  fn(); // warm-up: the file cache
  const times = Array.from({ length: runs }, fn).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * The command as a reviewer runs it (issue 11): a batch of N workbooks (the fixture corpus,
 * cycled) with --jobs 1 and with the default (one worker per core), beside a bare ExcelJS load
 * loop over the same files in one process; and checking one .xlsx as a whole process beside a
 * bare ExcelJS load process (SheetJS is not loaded for an .xlsx).
 */
async function cliBatch(): Promise<void> {
  const n = Number(process.env.BENCH_CLI_BATCH ?? 400);
  const { availableParallelism, tmpdir } = await import('os');
  console.log(`\n## The CLI as a process: ${n} workbooks (goal: --jobs 1 ≤ 1.0× the bare loop, and on the 10,000-row workbook; one .xlsx ≤ 1.3× a bare load process)`);
  const { execFileSync } = await import('child_process');
  const { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } = await import('fs');
  const { basename } = await import('path');
  const { buildFixtures } = await import('../test/fixtures/build-fixtures');
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-clibench-'));
  try {
    const written = await buildFixtures(join(dir, 'corpus'), { sampleFile: null });
    const sources = written.filter((f) => f.endsWith('.xlsx') && !basename(f).startsWith('bad-'));
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    for (let i = 0; i < n; i++) copyFileSync(sources[i % sources.length]!, join(batch, `${String(i).padStart(4, '0')}-${basename(sources[i % sources.length]!)}`));
    // The same files split over one folder per core, for bare loops running side by side.
    const cores = availableParallelism();
    const parts = Array.from({ length: cores }, (_, k) => join(dir, `part-${k}`));
    parts.forEach((p) => mkdirSync(p));
    for (let i = 0; i < n; i++) copyFileSync(join(batch, `${String(i).padStart(4, '0')}-${basename(sources[i % sources.length]!)}`), join(parts[i % cores]!, `${i}.xlsx`));
    const main = join(ROOT, 'build', 'cli', 'main.js');
    const bare = join(ROOT, 'scripts', 'bare-exceljs-load.js');
    const runs = Number(process.env.BENCH_CLI_RUNS ?? 3);
    const tBare = medianOf(runs, () => processMs([bare, batch]));
    const tOne = medianOf(runs, () => processMs([main, '--jobs', '1', '--format', 'json', batch]));
    const tDefault = medianOf(runs, () => processMs([main, '--format', 'json', batch]));
    // What the machine itself gives: the bare loop over the same files, one process per core.
    const tBareSplit = medianOf(runs, () => parallelProcessesMs(parts.map((p) => [bare, p])));
    const rate = (t: number) => `${((n * 1000) / t).toFixed(1)}/s`;
    console.log(`bare ExcelJS load loop ${ms(tBare)} (${rate(tBare)}) | CLI --jobs 1 ${ms(tOne)} (${rate(tOne)}) | CLI default (${cores} workers) ${ms(tDefault)} (${rate(tDefault)})`);
    console.log(
      `--jobs 1 / bare loop ${(tOne / tBare).toFixed(2)} | default speed-up over --jobs 1 ${(tOne / tDefault).toFixed(2)}× ` +
        `| the bare loop split over ${cores} processes at once: ${ms(tBareSplit)}, speed-up ${(tBare / tBareSplit).toFixed(2)}× (this machine's own ceiling)`,
    );
    const seed = join(ROOT, 'samples', 'seed-004.xlsx');
    const oneBare = medianOf(9, () => processMs([bare, seed]));
    const oneCli = medianOf(9, () => processMs([main, '--format', 'json', seed]));
    console.log(`one .xlsx (seed 004) as a process: bare ExcelJS load ${ms(oneBare)} | CLI ${ms(oneCli)} | ratio ${(oneCli / oneBare).toFixed(2)}`);
    const big = await writeSyntheticFile(10000);
    const bigBare = medianOf(runs, () => processMs([bare, big]));
    const bigCli = medianOf(runs, () => processMs([main, '--jobs', '1', '--format', 'json', big]));
    console.log(`the synthetic 10,000-row .xlsx as a process: bare ExcelJS load ${ms(bigBare)} | CLI --jobs 1 ${ms(bigCli)} | ratio ${(bigCli / bigBare).toFixed(2)}`);
    const largest = join(dir, 'largest.xlsx');
    writeFileSync(largest, largestWithinLimits());
    const rss = (args: readonly string[]) => peakRssMb(args, join(dir, 'rss.txt'));
    console.log(
      `largest workbook within the limits (${LARGEST_ROWS * 10} cells in one sheet): peak RSS of the CLI --jobs 1 ${rss([main, '--jobs', '1', '--format', 'json', largest]).toFixed(0)} MB ` +
        `| of a bare ExcelJS load ${rss([bare, largest]).toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const LARGEST_ROWS = 98_000;

/**
 * The sample with its 附件3 replaced by 98,000 rows of ten cells (a text and nine formatted
 * numbers, every cell addressed): 980,000 cells with the sample's own, just within the
 * 1,000,000-cell limit. Streamed into the zip, never held as one string.
 */
function largestWithinLimits(): Uint8Array {
  const { strToU8, unzipSync, Zip, ZipDeflate } = require('fflate') as typeof import('fflate');
  const parts = unzipSync(readFileSync(join(ROOT, 'samples', 'seed-004.xlsx')));
  const sheetPart = 'xl/worksheets/sheet2.xml';
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, data] of Object.entries(parts)) {
    if (name === sheetPart) continue;
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(data, true);
  }
  const sheet = new ZipDeflate(sheetPart, { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  for (let r = 1; r <= LARGEST_ROWS; r += 1000) {
    let xml = '';
    for (let k = r; k < r + 1000 && k <= LARGEST_ROWS; k++) {
      xml += `<row r="${k}"><c r="A${k}" t="str"><v>指标${k}</v></c>`;
      for (let c = 1; c < 10; c++) xml += `<c r="${'ABCDEFGHIJ'[c]}${k}" s="1"><v>${((k * 7 + c) % 1000) / 10}</v></c>`;
      xml += '</row>';
    }
    sheet.push(strToU8(xml));
  }
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Peak resident memory of a process (its worker threads included), in MB: test/hostile/max-rss.js reports it. */
function peakRssMb(args: readonly string[], file: string): number {
  const { rmSync, readFileSync: read } = require('fs') as typeof import('fs');
  const { spawnSync } = require('child_process') as typeof import('child_process');
  rmSync(file, { force: true });
  const preload = join(ROOT, 'test', 'hostile', 'max-rss.js');
  spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: `--require ${preload}`, SELFEVAL_RSS_FILE: file } });
  const kb = read(file, 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[1]));
  return Math.max(...kb) / 1024;
}

/** Production bundle sizes, when dist/ has been built (npm run build). */
function bundleSizes(): void {
  console.log('\n## Production bundle (goal: task pane initial JS ≤ 300 KB gzip)');
  const { existsSync } = require('fs') as typeof import('fs');
  if (!existsSync(join(ROOT, 'dist', 'taskpane.html'))) {
    console.log('dist/ not built: run npm run build first');
    return;
  }
  const { execFileSync } = require('child_process') as typeof import('child_process');
  process.stdout.write(execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle-size.js')], { encoding: 'utf8' }));
}

/** BENCH_ONLY=cli,page (comma-separated) runs only those sections. */
const SECTIONS: Record<string, () => unknown> = {
  engine: engineAlone,
  file: fileVsExcelJs,
  docx: () => docxVsXlsx(median),
  excel: excelRoundTrips,
  cli: cliBatch,
  page: pageSpeed,
  bundle: bundleSizes,
};

async function main(): Promise<void> {
  console.log(`# selfeval-check benchmark (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
  const only = process.env.BENCH_ONLY?.split(',').map((x) => x.trim());
  for (const [name, section] of Object.entries(SECTIONS)) if (!only || only.includes(name)) await section();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
