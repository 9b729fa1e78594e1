/**
 * Speed of the standalone page in headless Chromium, for `npm run bench` (issue 5):
 * time to first findings for seed 004 (cold: the worker starts; warm: it is running), and
 * batch throughput for N workbooks, page vs the CLI's pipeline in node on the same files.
 *
 * Run alone: npx ts-node --transpile-only test/browser/measure-page.ts [N]
 * (MEASURE_PAGE_VERBOSE=1 logs each step on stderr.) `performance` is the global one on purpose: functions
 * passed to page.evaluate are serialised, and an imported binding would be renamed by tsc.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { checkFile } from '../../src/cli/check-file';
import { buildFixtures } from '../fixtures/build-fixtures';
import { ROOT, ensureBuilt, openSession } from './harness';

const log = (m: string) => {
  if (process.env.MEASURE_PAGE_VERBOSE) process.stderr.write(`measure-page: ${m}\n`);
};

export interface PageSpeed {
  /** ms from the file input's change event to the first finding on screen. */
  readonly firstFindingsColdMs: number;
  readonly firstFindingsWarmMs: number;
  readonly batchSize: number;
  readonly pageWorkbooksPerSecond: number;
  readonly cliWorkbooksPerSecond: number;
}

/** Marks the moment the input changes, in page time. */
async function armTimer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __t0?: number };
    delete w.__t0;
    document.querySelector('#file-input')!.addEventListener('change', () => (w.__t0 = performance.now()), { once: true, capture: true });
  });
}

/** Opens one workbook; resolves when its findings are on screen (file names must differ between calls). */
async function firstFindings(page: Page, file: string): Promise<number> {
  const name = path.basename(file);
  await armTimer(page);
  await page.setInputFiles('#file-input', [file]);
  await page.waitForSelector(`[data-testid=single-view][data-file="${name}"] [data-rule-id]`, { timeout: 60_000 });
  // Page time when the wait saw the findings (its polling adds a few ms at most).
  return page.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0);
}

async function batch(page: Page, files: string[]): Promise<number> {
  await armTimer(page);
  await page.setInputFiles('#file-input', files);
  await page.waitForFunction((n) => document.querySelector('[data-testid=batch-progress]')?.getAttribute('data-done') === String(n), files.length, {
    timeout: 600_000,
    polling: 50,
  });
  const total = await page.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0);
  const inWorkers = await page.$$eval('[data-testid=batch-table] tr[data-ms]', (trs) => trs.reduce((a, tr) => a + Number(tr.getAttribute('data-ms')), 0));
  log(`batch: ${total.toFixed(0)} ms in all, ${inWorkers} ms reading and checking in workers`);
  return total;
}

export async function measurePage(batchSize = 200): Promise<PageSpeed> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-pagebench-'));
  try {
    log('fixtures and build');
    const [written] = await Promise.all([buildFixtures(dir, { sampleFile: null }), ensureBuilt()]);
    const sources = written.filter((f) => f.endsWith('.xlsx') && !path.basename(f).startsWith('bad-'));
    // N distinct files, cycling through the corpus.
    const files: string[] = [];
    fs.mkdirSync(path.join(dir, 'batch'));
    for (let i = 0; i < batchSize; i++) {
      const src = sources[i % sources.length]!;
      const dst = path.join(dir, 'batch', `${String(i).padStart(4, '0')}-${path.basename(src)}`);
      fs.copyFileSync(src, dst);
      files.push(dst);
    }
    const seed = path.join(ROOT, 'samples', 'seed-004.xlsx');
    const seedCopies = [0, 1].map((i) => {
      const p = path.join(dir, `seed-004-${i}.xlsx`);
      fs.copyFileSync(seed, p);
      return p;
    });

    const session = await openSession();
    let cold: number;
    const warm: number[] = [];
    let pageMs: number;
    try {
      log('page: first findings');
      cold = await firstFindings(session.page, seed);
      for (let i = 0; i < 6; i++) warm.push(await firstFindings(session.page, seedCopies[i % 2]!));
      log(`page: batch of ${files.length}`);
      pageMs = await batch(session.page, files);
    } finally {
      await session.close();
    }

    log('CLI pipeline');
    const t0 = performance.now();
    for (const f of files) await checkFile(f, undefined);
    const cliMs = performance.now() - t0;

    warm.sort((a, b) => a - b);
    return {
      firstFindingsColdMs: cold,
      firstFindingsWarmMs: warm[Math.floor(warm.length / 2)]!,
      batchSize,
      pageWorkbooksPerSecond: (batchSize * 1000) / pageMs,
      cliWorkbooksPerSecond: (batchSize * 1000) / cliMs,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  measurePage(Number(process.argv[2] ?? 200)).then(
    (r) => {
      console.log(`seed-004 first findings: cold ${r.firstFindingsColdMs.toFixed(0)} ms, warm ${r.firstFindingsWarmMs.toFixed(0)} ms`);
      console.log(`${r.batchSize} workbooks: page ${r.pageWorkbooksPerSecond.toFixed(1)}/s, CLI ${r.cliWorkbooksPerSecond.toFixed(1)}/s`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
