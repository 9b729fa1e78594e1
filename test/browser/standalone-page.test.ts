/**
 * The single-file page (dist/standalone.html) as a clerk uses it: copied alone into an empty
 * folder and opened from file:// (a double-click), seed 004 chosen through the file input. Its
 * findings are the engine's, and no request is made but the file itself and the worker's Blob.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { checkFile } from '../../src/cli/check-file';
import { chromiumLaunchOptions, DIST, ROOT, ensureBuilt, findingKey, shownFindings } from './harness';

jest.setTimeout(300_000);

const SEED = path.join(ROOT, 'samples', 'seed-004.xlsx');
let folder: string;

beforeAll(async () => {
  await ensureBuilt();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-standalone-'));
  fs.copyFileSync(path.join(DIST, 'standalone.html'), path.join(folder, '自评表核对.html'));
}, 600_000);

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

test('names no other file: every script is inline, the icon a data: URL', () => {
  const html = fs.readFileSync(path.join(folder, '自评表核对.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\s(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]!);
  expect(refs.filter((u) => !u.startsWith('data:'))).toEqual([]);
  expect(html).toContain("connect-src 'none'");
});

test('opened from file://, checks seed 004 with the engine’s findings and fetches nothing', async () => {
  const want = (await checkFile(SEED, undefined)).report;
  expect(want.findings.length).toBeGreaterThan(3);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const url = pathToFileURL(path.join(folder, '自评表核对.html')).href;
    await page.goto(url);
    await page.setInputFiles('#file-input', [SEED]);
    await page.waitForSelector('[data-testid=single-view][data-file="seed-004.xlsx"] [data-rule-id]', { timeout: 60_000 });
    const got = (await shownFindings(page)).map(findingKey);
    expect(got.sort()).toEqual(want.findings.map(findingKey).sort());
    // The summary's totals, too.
    const totals = await page.$$eval('[data-testid=single-view] [data-testid=summary] dd', (dds) => dds.map((d) => d.textContent));
    expect(totals).toEqual([want.summary.enteredTotal ?? '—', want.summary.recomputedTotal ?? '—', want.summary.grade ?? '—']);
    // The sheet view came from the worker as well (the Grid travels back with the report).
    expect(await page.$$eval('[data-testid=sheet-view] td[data-mark]', (tds) => tds.length)).toBeGreaterThan(0);
    expect(requests.filter((u) => u !== url && !u.startsWith('blob:'))).toEqual([]);
    expect(requests.filter((u) => u.startsWith('blob:')).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
