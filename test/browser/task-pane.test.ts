/**
 * The built task pane (dist/taskpane.html) in real headless Chromium. The office.js CDN URL is
 * answered locally with the Excel fake of test/host (bundled for the browser), holding seed 004;
 * the pane's own bundle, the Excel adapter and the engine run unchanged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { checkWorkbook } from '../../src/engine';
import type { Report } from '../../src/core/report';
import { readWorkbook } from '../../src/host/file/read';
import { specFromGrid } from '../host/spec';
import { OFFICE_JS, ROOT, artifact, axeViolations, bundleOfficeFake, ensureBuilt, externalRequests, openSession, type Session } from './harness';

jest.setTimeout(300_000);

let session: Session;
let report: Report;

beforeAll(async () => {
  const bytes = fs.readFileSync(path.join(ROOT, 'samples', 'seed-004.xlsx'));
  const read = await readWorkbook({ bytes, fileName: 'seed-004.xlsx' });
  if (!read.ok) throw new Error(read.message);
  report = checkWorkbook(read.grid, { file: '当前工作簿' });
  const spec = specFromGrid(read.grid);
  const [fake] = await Promise.all([bundleOfficeFake(), ensureBuilt()]);
  session = await openSession({
    pagePath: 'taskpane.html',
    viewport: { width: 360, height: 860 },
    prepare: async (context) => {
      await context.addInitScript((s) => {
        (window as unknown as { __FAKE_WORKBOOK__: unknown }).__FAKE_WORKBOOK__ = s;
      }, spec);
      await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: fake }));
    },
  });
}, 600_000);

afterAll(async () => {
  await session?.close();
});

function fakeCell(page: Page, sheet: string, cell: string): Promise<{ value: unknown; color: string; none: boolean }> {
  return page.evaluate(
    ([s, c]) => {
      type Fill = { color: string; none: boolean };
      const wb = (window as unknown as { __fakeExcel: { sheet(n: string): { at(a: string): { value: unknown } }; displayedFill(s: string, a: string): Fill } }).__fakeExcel;
      // What the clerk sees: the marks are conditional formats above the cell's own fill.
      const shown = wb.displayedFill(s!, c!);
      return { value: wb.sheet(s!).at(c!).value, color: shown.color, none: shown.none };
    },
    [sheet, cell],
  );
}

describe('task pane in Chromium (Excel fake as office.js)', () => {
  it('boots into the idle state', async () => {
    const { page } = session;
    await page.getByRole('button', { name: '核对' }).waitFor();
    expect(await page.textContent('main')).toContain('准备就绪');
    await page.screenshot({ path: artifact('pane-idle.png'), animations: 'disabled' });
  });

  it('checks: summary, findings equal the engine’s, cells painted in the workbook', async () => {
    const { page } = session;
    await page.getByRole('button', { name: '核对' }).click();
    await page.getByRole('button', { name: '重新核对' }).waitFor();
    await page.waitForSelector('[data-rule-id]');
    const got = await page.$$eval('[data-rule-id]', (els) =>
      els.map((e) => `${(e as HTMLElement).dataset.ruleId} ${(e as HTMLElement).dataset.severity} ${(e as HTMLElement).dataset.sheet}!${(e as HTMLElement).dataset.cell}`).sort(),
    );
    expect(got).toEqual(report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell}`).sort());
    expect(await page.textContent('[data-testid=recomputed-total]')).toBe(report.summary.recomputedTotal);
    expect(await fakeCell(page, '附件3', 'H5')).toMatchObject({ color: '#FFC7CE', none: false });
    await page.screenshot({ path: artifact('pane-findings.png'), fullPage: true, animations: 'disabled' });
  });

  it('selects a finding’s cell with the keyboard alone', async () => {
    const { page } = session;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let cell: string | null = null;
    for (let i = 0; i < 30 && !cell; i++) {
      await page.keyboard.press('Tab');
      cell = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell ?? null);
    }
    expect(cell).not.toBeNull();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (c) => (window as unknown as { __fakeExcel: { selection: { address: string } | null } }).__fakeExcel.selection?.address === c,
      cell,
    );
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await axeViolations(session.page)).toEqual([]);
  });

  it('previews 一键重算 and writes only after 确认写入', async () => {
    const { page } = session;
    const before = await fakeCell(page, '附件3', 'H5');
    await page.getByRole('button', { name: '一键重算' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('附件3!H5');
    await page.screenshot({ path: artifact('pane-recalc-preview.png'), animations: 'disabled' });
    expect((await fakeCell(page, '附件3', 'H5')).value).toBe(before.value);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '确认写入' }).click();
    await page.getByTestId('undo-note').waitFor();
    expect((await fakeCell(page, '附件3', 'H5')).value).toBe(9.9);
    expect((await fakeCell(page, '附件3', 'H21')).value).toBe(94.99); // the 总分, in the same pass
    await page.screenshot({ path: artifact('pane-after-recalc.png'), fullPage: true, animations: 'disabled' });
  });

  it('loads office.js from the Office CDN only (answered locally here) and nothing else from outside', () => {
    expect(externalRequests(session)).toEqual([OFFICE_JS]);
    expect(session.errors).toEqual([]);
  });
});
