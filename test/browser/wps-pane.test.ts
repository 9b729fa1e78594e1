/**
 * The WPS add-in's pane (dist/wps/wps-taskpane.html) in real headless Chromium, with the WPS
 * object-model fake of test/host installed as `Application` before the page's scripts: the
 * built pane must find WPS without office.js, check the workbook, paint cells in WPS's BGR
 * colours, select a cell, recalculate after a preview and undo.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { checkWorkbook } from '../../src/engine';
import type { Report } from '../../src/core/report';
import { readWorkbook } from '../../src/host/file/read';
import { specFromGrid } from '../host/spec';
import { ROOT, artifact, bundleScript, ensureBuilt, externalRequests, openSession, type Session } from './harness';

jest.setTimeout(300_000);

let session: Session;
let report: Report;

beforeAll(async () => {
  const bytes = fs.readFileSync(path.join(ROOT, 'samples', 'seed-004.xlsx'));
  const read = await readWorkbook({ bytes, fileName: 'seed-004.xlsx' });
  if (!read.ok) throw new Error(read.message);
  report = checkWorkbook(read.grid, { file: '当前工作簿' });
  const spec = specFromGrid(read.grid);
  const [fake] = await Promise.all([bundleScript(path.join(__dirname, 'wps-fake-entry.ts')), ensureBuilt()]);
  session = await openSession({
    pagePath: 'wps/wps-taskpane.html',
    viewport: { width: 360, height: 860 },
    prepare: async (context) => {
      await context.addInitScript((s) => {
        (window as unknown as { __FAKE_WORKBOOK__: unknown }).__FAKE_WORKBOOK__ = s;
      }, spec);
      await context.addInitScript({ content: fake });
    },
  });
}, 600_000);

afterAll(async () => {
  await session?.close();
});

type FakeCell = { value: unknown; pattern: number; color: number };

function wpsCell(page: Page, sheet: string, cell: string): Promise<FakeCell> {
  return page.evaluate(
    ([s, c]) => {
      const doc = (window as unknown as { __fakeWps: { sheet(n: string): { at(a: string): { value: unknown; fill: { pattern: number; color: number } } } } }).__fakeWps;
      const x = doc.sheet(s!).at(c!);
      return { value: x.value, pattern: x.fill.pattern, color: x.fill.color };
    },
    [sheet, cell],
  );
}

/** #FFC7CE (error red) as WPS stores it: 0xBBGGRR. */
const ERROR_RED_BGR = 0xcec7ff;
const XL_NONE = -4142;
/** The outline fill #E4DFEC (src/host/marks.ts), BGR. */
const OUTLINE_BGR = 0xecdfe4;

describe('WPS task pane in Chromium (WPS object-model fake)', () => {
  it('finds WPS without office.js and checks: findings equal the engine’s, cells painted BGR', async () => {
    const { page } = session;
    const before = await wpsCell(page, '附件3', 'H5');
    expect(before.pattern).toBe(XL_NONE);
    await page.getByRole('button', { name: '核对' }).click();
    await page.waitForSelector('[data-rule-id]');
    const got = await page.$$eval('[data-rule-id]', (els) =>
      els.map((e) => `${(e as HTMLElement).dataset.ruleId} ${(e as HTMLElement).dataset.severity} ${(e as HTMLElement).dataset.sheet}!${(e as HTMLElement).dataset.cell}`).sort(),
    );
    expect(got).toEqual(report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell}`).sort());
    const painted = await wpsCell(page, '附件3', 'H5');
    expect(painted.color).toBe(ERROR_RED_BGR);
    expect(painted.pattern).not.toBe(XL_NONE);
    await page.screenshot({ path: artifact('wps-pane-findings.png'), fullPage: true, animations: 'disabled' });
  });

  it('selects a finding’s cell in WPS', async () => {
    const { page } = session;
    await page.locator('[data-cell="I19"]').first().click();
    await page.waitForFunction(() => {
      const sel = (window as unknown as { __fakeWps: { selection: { sheet: string; address: string } | null } }).__fakeWps.selection;
      return sel?.sheet === '附件3' && sel.address === 'I19';
    });
  });

  it('clicking a finding outlines its input cells (a pale fill, snapshotted), the next click gives them back', async () => {
    const { page } = session;
    const h5 = report.findings.find((f) => f.sheet === '附件3' && f.cell === 'H5')!;
    const inputs = h5.inputs.filter((r) => r.startsWith('附件3!') && r !== '附件3!H5').map((r) => r.slice('附件3!'.length));
    expect(inputs).toEqual(['D5', 'E5', 'F5']);
    const before = await Promise.all(inputs.map((c) => wpsCell(page, '附件3', c)));
    await page.locator('[data-rule-id][data-sheet="附件3"][data-cell="H5"]').first().click();
    await page.waitForFunction(
      ([cs, bgr]) => {
        const doc = (window as unknown as { __fakeWps: { sheet(n: string): { at(a: string): { fill: { color: number } } } } }).__fakeWps;
        return (cs as string[]).every((c) => doc.sheet('附件3').at(c).fill.color === bgr);
      },
      [inputs, OUTLINE_BGR] as const,
    );
    // The next finding: H5's inputs get their own fills back exactly.
    await page.locator('[data-cell="I19"]').first().click();
    await page.waitForFunction(() => {
      const sel = (window as unknown as { __fakeWps: { selection: { sheet: string; address: string } | null } }).__fakeWps.selection;
      return sel?.address === 'I19';
    });
    await page.waitForFunction(
      ([cs, bgr]) => {
        const doc = (window as unknown as { __fakeWps: { sheet(n: string): { at(a: string): { fill: { color: number } } } } }).__fakeWps;
        return (cs as string[]).every((c) => doc.sheet('附件3').at(c).fill.color !== bgr);
      },
      [inputs, OUTLINE_BGR] as const,
    );
    expect(await Promise.all(inputs.map((c) => wpsCell(page, '附件3', c)))).toEqual(before);
  });

  it('recalculates after the preview, then undoes', async () => {
    const { page } = session;
    await page.getByRole('button', { name: '一键重算' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect((await wpsCell(page, '附件3', 'H5')).value).toBe(9.8);
    await dialog.getByRole('button', { name: '确认写入' }).click();
    await page.getByTestId('undo-note').waitFor();
    expect((await wpsCell(page, '附件3', 'H5')).value).toBe(9.9);
    // Errors are ticked, warnings offered unticked: H5's error is written and the 总分 follows it (95.8 + 0.10).
    expect((await wpsCell(page, '附件3', 'H21')).value).toBe(95.9); // the 总分, in the same pass
    await page.getByRole('button', { name: '撤销重算' }).click();
    await page.waitForFunction(() => {
      const doc = (window as unknown as { __fakeWps: { sheet(n: string): { at(a: string): { value: unknown } } } }).__fakeWps;
      return doc.sheet('附件3').at('H5').value === 9.8;
    });
  });

  it('clears the marks back to no fill', async () => {
    const { page } = session;
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.waitForFunction(() => {
      const doc = (window as unknown as { __fakeWps: { sheet(n: string): { at(a: string): { fill: { pattern: number } } } } }).__fakeWps;
      return doc.sheet('附件3').at('H5').fill.pattern === -4142;
    });
  });

  it('makes no request outside the add-in folder and logs no error', () => {
    expect(externalRequests(session)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
