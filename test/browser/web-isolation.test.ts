/**
 * The standalone page in real headless Chromium (issue 11): a workbook that runs past the
 * per-file time budget (`?timeout=` in the address) has its worker ended and is reported
 * unreadable, and a fresh worker checks the files after it; a long batch can be stopped with
 * 取消, and the page then checks the next workbook it is given.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { checkFile } from '../../src/cli/check-file';
import { seedWorkbook } from '../cli/batch-folder';
import { artifact, ensureBuilt, openSession, type Session } from './harness';

jest.setTimeout(300_000);

let dir: string;
let big: string[];
let seed: string;
let consistent: string;

/** 300,000 text cells: within every read limit, seconds of work in the worker. */
async function bigWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  // 900,000 distinct strings (under the 1,000,000-cell limit): far past a 4-second budget on any machine.
  for (let r = 1; r <= 90_000; r++) ws.addRow(Array.from({ length: 10 }, (_, c) => `第${r}行第${c}列`));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-web-isolation-'));
  const [bytes] = await Promise.all([bigWorkbook(), ensureBuilt()]);
  big = ['1-大表.xlsx', '2-大表.xlsx', '3-大表.xlsx'].map((n) => path.join(dir, n));
  for (const f of big) fs.writeFileSync(f, bytes);
  seed = path.join(dir, '4-seed.xlsx');
  consistent = path.join(dir, '5-一致.xlsx');
  fs.writeFileSync(seed, await seedWorkbook(false));
  fs.writeFileSync(consistent, await seedWorkbook(true));
}, 600_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Row {
  readonly file: string;
  readonly status: string;
  readonly cells: string[];
}

async function rows(page: Page): Promise<Row[]> {
  return page.$$eval('[data-testid=batch-table] tbody tr', (trs) =>
    trs.map((tr) => ({
      file: tr.getAttribute('data-file')!,
      status: tr.getAttribute('data-status')!,
      cells: Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''),
    })),
  );
}

async function waitDone(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k) => document.querySelector('[data-testid=batch-progress]')?.getAttribute('data-done') === String(k), n, { timeout: 240_000 });
}

describe('a workbook past the time budget', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ pagePath: 'index.html?timeout=4' });
  });
  afterAll(() => session?.close());

  it('is skipped with the reason, its worker replaced, and the files after it are checked', async () => {
    const { page } = session;
    const files = [big[0]!, seed, consistent];
    await page.setInputFiles('#file-input', files);
    await waitDone(page, files.length);
    const got = await rows(page);
    expect(got.map((r) => [r.file, r.status])).toEqual([
      ['1-大表.xlsx', 'unreadable'],
      ['4-seed.xlsx', 'checked'],
      ['5-一致.xlsx', 'checked'],
    ]);
    expect(got[0]!.cells[10]).toContain('工作簿过大或结构异常，已跳过：“1-大表.xlsx”核对超过 4 秒仍未完成');
    const want = (await checkFile(seed, undefined)).report.summary;
    expect([...got[1]!.cells.slice(3, 5), ...got[1]!.cells.slice(6, 10)]).toEqual([want.enteredTotal, want.recomputedTotal, want.grade, String(want.errors), String(want.warnings), String(want.infos)]); // 填报等次 (5) skipped
    expect(session.errors).toEqual([]);
    await page.screenshot({ path: artifact('web-batch-timeout.png'), fullPage: true, animations: 'disabled' });
  });
});

describe('取消 on a long batch', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(() => session?.close());

  it('stops it: what is not checked is marked 已取消, what is checked stays, and the page goes on', async () => {
    const { page } = session;
    const files = [...big, seed, consistent];
    await page.setInputFiles('#file-input', files);
    // Cancel while the first big workbooks are being checked.
    await page.waitForSelector('tr[data-status="checking"]', { timeout: 60_000 });
    await page.click('[data-testid=batch-cancel]');
    await waitDone(page, files.length);
    const got = await rows(page);
    expect(got.map((r) => r.file).sort()).toEqual(files.map((f) => path.basename(f)).sort());
    const cancelled = got.filter((r) => r.status === 'cancelled');
    // Two lanes were at most on their way; the rest never started.
    expect(cancelled.length).toBeGreaterThanOrEqual(3);
    const last = got.find((r) => r.file === '5-一致.xlsx')!;
    expect(last.status).toBe('cancelled');
    expect(last.cells[10]).toBe('已取消');
    expect(await page.$('[data-testid=batch-cancel]')).toBeNull();
    expect(await page.textContent('[data-testid=batch-view]')).toContain(`${cancelled.length} 个已取消`);
    await page.screenshot({ path: artifact('web-batch-cancelled.png'), fullPage: true, animations: 'disabled' });
    // A cancelled row opened is checked then, by a fresh worker.
    await page.click('[data-testid=batch-table] tr[data-file="5-一致.xlsx"] button');
    await page.waitForFunction(() => document.querySelector('tr[data-file="5-一致.xlsx"]')?.getAttribute('data-status') === 'checked', null, { timeout: 60_000 });
    expect(session.errors).toEqual([]);
  });
});
