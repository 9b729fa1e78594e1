/**
 * The hosts' documented facts the adapters once contradicted, each on the fake that now
 * enforces it (src/host/excel/README.md, src/host/wps/README.md give the sources):
 *
 * - Excel and WPS refuse to delete a very hidden sheet: the last 已说明 withdrawn, and the WPS
 *   marks store emptied, must still remove their sheets.
 * - Excel event handlers are removed in `Excel.run(eventResult.context, …)`.
 * - Setting `Worksheet.visibility` needs ExcelApi 1.2; an empty `sync()` is no round trip.
 * - WPS: the global `Application` is the object model (`wps.EtApplication` is deprecated), and
 *   one pane open across workbook tabs keeps each workbook's marks to that workbook.
 */
import { ACK_SHEET, type Acknowledgement } from '../../src/core/acknowledge';
import type { Finding } from '../../src/core/finding';
import { ExcelHost } from '../../src/host/excel';
import { WpsHost } from '../../src/host/wps';
import { STORE_SHEET } from '../../src/host/wps/store';
import { ExcelEnv } from './excel-env';
import { installWpsFake } from './wps-fake';
import { WpsEnv, specFromWFill, wpsDocFromSpec } from './wps-env';
import { realisticWorkbook } from './spec';

const ACK: Acknowledgement = { ruleId: 'selfeval.indicator-score', sheet: '附件3', cell: 'H9', reason: '年中调整指标，已报备', at: '2026-12-07T08:00:00.000Z', values: { '附件3!H9': '9.8' } };

function finding(sheet: string, cell: string): Finding {
  return {
    ruleId: 'selfeval.indicator-score',
    messageId: 'proportional',
    title: '指标得分',
    severity: 'error',
    sheet,
    cell,
    entered: '9.8',
    expected: '9.90',
    message: '得分应为 9.90',
    explanation: '9.90 = 10 × 99%',
    inputs: [],
  };
}

describe('Excel: documented refusals and the batch rules', () => {
  let env: ExcelEnv;
  beforeEach(() => {
    env = new ExcelEnv();
    env.load(realisticWorkbook());
  });
  afterEach(() => env.teardown());

  test('the last 已说明 withdrawn deletes the very hidden sheet (made Hidden first, same batch)', async () => {
    await env.newHost().writeAcknowledgements([ACK]);
    expect(env.wb.sheet(ACK_SHEET).visibility).toBe('VeryHidden');
    await env.newHost().writeAcknowledgements([]);
    expect(env.sheetNames()).not.toContain(ACK_SHEET);
  });

  test('ExcelApi 1.1 cannot set visibility: 已说明 is written visible, the pane is told, and it can be withdrawn', async () => {
    env.wb.apiVersion = '1.1';
    const host = env.newHost();
    await host.writeAcknowledgements([ACK]);
    expect(env.wb.sheet(ACK_SHEET).visibility).toBe('Visible');
    expect((await host.limitations()).join('')).toContain(ACK_SHEET);
    await host.writeAcknowledgements([]);
    expect(env.sheetNames()).not.toContain(ACK_SHEET);
  });

  test('a handler is removed in Excel.run(eventResult.context, …): no change reaches an unwatched pane', async () => {
    const host: ExcelHost = env.newHost();
    let changes = 0;
    const unwatch = (await host.watchChanges(['附件3'], () => changes++))!;
    expect(env.wb.changeHandlers).toHaveLength(1);
    await unwatch();
    expect(env.wb.changeHandlers).toHaveLength(0);
    env.wb.userEdit('附件3', 'H9', 5);
    await new Promise((r) => setTimeout(r, 10));
    expect(changes).toBe(0);
  });

  test('an empty sync is not a round trip (office.js sends nothing)', async () => {
    const before = env.wb.syncCount;
    await Excel.run(async (ctx) => {
      await ctx.sync();
      await ctx.sync();
    });
    expect(env.wb.syncCount).toBe(before);
  });
});

describe('WPS: documented refusals, the global Application, one pane across workbooks', () => {
  let env: WpsEnv;
  beforeEach(() => {
    env = new WpsEnv();
    env.load(realisticWorkbook());
  });
  afterEach(() => env.teardown());

  test('the last 已说明 withdrawn deletes the very hidden sheet, without an alert', async () => {
    await env.newHost().writeAcknowledgements([ACK]);
    expect(env.doc.sheet(ACK_SHEET).visible).toBe(2);
    await env.newHost().writeAcknowledgements([]);
    expect(env.sheetNames()).not.toContain(ACK_SHEET);
    expect(env.doc.alertsShown).toBe(0);
  });

  test('clearing the last mark deletes the very hidden marks store', async () => {
    const host = env.newHost();
    await host.paintFindings([finding('附件3', 'H9')]);
    expect(env.doc.sheet(STORE_SHEET).visible).toBe(2);
    await host.clearMarks();
    expect(env.sheetNames()).not.toContain(STORE_SHEET);
  });

  test('the adapter uses the global Application, never the deprecated wps.EtApplication', async () => {
    await new WpsHost().readWorkbook();
    expect(env.doc.deprecatedReads).toBe(0);
  });

  test("workbook A's marks are never restored onto workbook B's same-named sheets", async () => {
    const host = new WpsHost();
    const a = env.doc;
    const original = specFromWFill(a.sheet('附件3').at('H9').fill);
    await host.paintFindings([finding('附件3', 'H9')]);
    const painted = specFromWFill(a.sheet('附件3').at('H9').fill);

    // The clerk switches to workbook B (same layout, H9 filled differently) with the pane open.
    const spec = realisticWorkbook().map((s) => (s.name === '附件3' ? { ...s, cells: { ...s.cells, H9: { value: 3, fill: { color: '#00B0F0' } } } } : s));
    const b = wpsDocFromSpec(spec);
    const uninstallB = installWpsFake(b);
    try {
      await host.clearMarks();
      expect(specFromWFill(b.sheet('附件3').at('H9').fill)).toEqual({ color: '#00B0F0' });
      expect(await host.hasMarks()).toBe(false);
      await host.paintFindings([finding('附件3', 'F10')]);
      await host.clearMarks();
      expect(specFromWFill(b.sheet('附件3').at('H9').fill)).toEqual({ color: '#00B0F0' });
    } finally {
      uninstallB();
    }

    // Back on A (B's globals uninstalled): its mark is still known, and cleared to A's own original.
    expect(await host.hasMarks()).toBe(true);
    expect(specFromWFill(a.sheet('附件3').at('H9').fill)).toEqual(painted);
    await host.clearMarks();
    expect(specFromWFill(a.sheet('附件3').at('H9').fill)).toEqual(original);
    expect(original).not.toEqual(painted);
  });
});
