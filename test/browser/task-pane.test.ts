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
import { OFFICE_JS, ROOT, artifact, axeViolations, bundleOfficeFake, ensureBuilt, externalRequests, openSession, settled, type Session } from './harness';

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

  it('clicking a finding outlines its input cells (dashed conditional borders); the next click moves the outline; own formats untouched', async () => {
    const { page } = session;
    type Fake = { __fakeExcel: { displayedBorders(s: string, a: string): Record<string, { style: string } | undefined>; sheet(n: string): { at(a: string): { fill: unknown } } } };
    const inputsOf = (cell: string) => {
      const f = report.findings.find((x) => x.sheet === '附件3' && x.cell === cell)!;
      return f.inputs.filter((r) => r.startsWith('附件3!') && r !== `附件3!${cell}`).map((r) => r.slice('附件3!'.length));
    };
    const h5 = inputsOf('H5');
    expect(h5).toEqual(['D5', 'E5', 'F5']);
    const dashed = (cells: string[]) =>
      page.evaluate((cs) => cs.map((c) => (window as unknown as Fake).__fakeExcel.displayedBorders('附件3', c).top?.style === 'Dash'), cells);
    const ownFills = (cells: string[]) => page.evaluate((cs) => cs.map((c) => JSON.stringify((window as unknown as Fake).__fakeExcel.sheet('附件3').at(c).fill)), cells);
    const before = await ownFills(h5);
    await page.locator('[data-rule-id][data-sheet="附件3"][data-cell="H5"]').first().click();
    await page.waitForFunction((cs) => cs.every((c) => (window as unknown as Fake).__fakeExcel.displayedBorders('附件3', c).top?.style === 'Dash'), h5);
    expect(await ownFills(h5)).toEqual(before);
    const other = report.findings.find((f) => f.sheet === '附件3' && f.cell !== 'H5' && inputsOf(f.cell).length > 0 && !inputsOf(f.cell).some((c) => h5.includes(c)))!;
    await page.locator(`[data-rule-id][data-sheet="附件3"][data-cell="${other.cell}"]`).first().click();
    await page.waitForFunction((cs) => cs.every((c) => (window as unknown as Fake).__fakeExcel.displayedBorders('附件3', c).top?.style === 'Dash'), inputsOf(other.cell));
    expect(await dashed(h5)).toEqual([false, false, false]);
    expect(await ownFills(h5)).toEqual(before);
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await axeViolations(session.page)).toEqual([]);
  });

  it('turns dark with the system setting, live, and keeps its contrast', async () => {
    const { page } = session;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForSelector('[data-theme=dark]');
    await settled(page);
    const bg = await page.$eval('[data-theme=dark]', (e) => getComputedStyle(e).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifact('pane-dark.png'), fullPage: true, animations: 'disabled' });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForSelector('[data-theme=light]');
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
    // Errors are ticked, warnings offered unticked: H5's error is written and the 总分 follows it (95.8 + 0.10).
    expect((await fakeCell(page, '附件3', 'H21')).value).toBe(95.9); // the 总分, in the same pass
    await page.screenshot({ path: artifact('pane-after-recalc.png'), fullPage: true, animations: 'disabled' });
  });

  it('loads office.js from the Office CDN only (answered locally here) and nothing else from outside', () => {
    expect(externalRequests(session)).toEqual([OFFICE_JS]);
    expect(session.errors).toEqual([]);
  });
});
