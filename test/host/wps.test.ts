import { runAdapterContract } from './adapter-contract';
import { WpsEnv } from './wps-env';

runAdapterContract('WPS (ET JSAPI)', () => new WpsEnv());
// The same behaviour on the builds whose members are methods: assignments there do nothing.
runAdapterContract('WPS (members as methods)', () => new WpsEnv({ methodStyle: true }));

import type { Finding } from '../../src/core/finding';
import { SEVERITY_FILL } from '../../src/report/severity';
import { RECALC_FILL } from '../../src/host/marks';
import { suggestedWrites } from '../../src/core/recalc-plan';
import { HostError } from '../../src/host/types';
import { STORE_SHEET, WpsHost, bgrToHex, hexToBgr, to2D } from '../../src/host/wps';
import { syntheticSelfEval } from '../support/synthetic';
import { gridCells, realisticWorkbook, specFromGrid } from './spec';
import { WpsEnv as Env } from './wps-env';

function finding(sheet: string, cell: string, severity: Finding['severity'] = 'error'): Finding {
  return { ruleId: 'selfeval.indicator-score', messageId: 'proportional', title: '指标得分', severity, sheet, cell, entered: null, expected: null, message: '', explanation: '', inputs: [] };
}

describe('WPS: reading stays in bulk', () => {
  let env: Env;
  afterEach(() => env.teardown());

  test('one Value2 and one Formula read per sheet, never one per cell', async () => {
    env = new Env();
    env.load(realisticWorkbook());
    await env.newHost().readWorkbook();
    expect(env.doc.reads('Range.Value2')).toBe(2);
    expect(env.doc.reads('Range.Formula')).toBe(2);
    expect(env.doc.reads('Worksheet.UsedRange')).toBe(2);
  });

  test('a 10,000-row 自评表 reads exactly, with bounded NumberFormat and MergeCells calls', async () => {
    env = new Env();
    const grid = syntheticSelfEval(10000);
    env.load(specFromGrid(grid));
    const read = await env.newHost().readWorkbook();
    expect(gridCells(read)).toEqual(gridCells(grid));
    expect(read.sheets[0]!.merges).toEqual(expect.arrayContaining([...grid.sheets[0]!.merges]));
    expect(read.sheets[0]!.merges).toHaveLength(grid.sheets[0]!.merges.length);
    expect(env.doc.reads('Range.Value2')).toBe(1);
    expect(env.doc.reads('Range.Formula')).toBe(1);
    // ~90,000 cells: a per-cell reader would need tens of thousands of calls.
    expect(env.doc.reads('Range.NumberFormat')).toBeLessThanOrEqual(1);
    expect(env.doc.reads('Range.MergeCells')).toBeLessThan(400);
    expect(env.doc.reads('Range.MergeArea')).toBeLessThan(60);
  });

  test('mixed number formats are resolved by bisection, far below one call per cell', async () => {
    env = new Env();
    const cells: Record<string, { value: number | string; numFmt?: string }> = {};
    for (let r = 1; r <= 2000; r++) {
      cells[`A${r}`] = { value: `行${r}` };
      cells[`B${r}`] = { value: r / 1000, numFmt: '0.00%' };
      cells[`C${r}`] = { value: r, numFmt: r % 500 === 0 ? '#,##0.00' : '0.00' };
    }
    env.load([{ name: '表', cells }]);
    const read = await env.newHost().readWorkbook();
    const got = gridCells(read).表!;
    expect(got.B7).toEqual({ value: 0.007, numFmt: '0.00%' });
    expect(got.C500).toEqual({ value: 500, numFmt: '#,##0.00' });
    expect(got.C501).toEqual({ value: 501, numFmt: '0.00' });
    expect(got.A9).toEqual({ value: '行9' });
    expect(env.doc.reads('Range.NumberFormat')).toBeLessThan(200);
  });

  test('a one-cell sheet (Value2 is a scalar) and an empty sheet read correctly', async () => {
    env = new Env();
    env.load([{ name: '单格', cells: { C3: { value: '只有我' } } }, { name: '空表', cells: {} }]);
    const read = await env.newHost().readWorkbook();
    expect(gridCells(read)).toEqual({ 单格: { C3: { value: '只有我' } }, 空表: {} });
    expect(to2D(5, 1, 1)).toEqual([[5]]);
    expect(to2D([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
  });
});

describe('WPS: builds whose members are methods', () => {
  let env: Env;
  beforeEach(() => {
    env = new Env({ methodStyle: true });
    env.load(realisticWorkbook());
  });
  afterEach(() => env.teardown());

  test('the fake is such a build: members are functions and an assignment does nothing', () => {
    const app = (globalThis as unknown as { Application: Record<string, unknown> }).Application;
    expect(typeof app.ActiveWorkbook).toBe('function');
    const ws = ((app.ActiveWorkbook as () => { Worksheets(): { Item(n: string): { Range(a: string): Record<string, unknown> } } })().Worksheets()).Item('附件3');
    const h9 = ws.Range('H9');
    expect(typeof h9.Value2).toBe('function');
    h9.Value2 = 1;
    expect((h9.Value2 as () => unknown)()).toBe(9.8);
    expect(env.doc.ignoredAssignments.get('Value2')).toBe(1);
    (h9.Value as (t: unknown, v: unknown) => void)(undefined, 1);
    expect(env.cell('附件3', 'H9').value).toBe(1);
  });

  test('一键重算 writes through the method form (Range.Value(undefined, v)) and undo puts values and formats back', async () => {
    const host = env.newHost();
    await host.readWorkbook();
    const h9 = env.cell('附件3', 'H9');
    await host.applyRecalc(suggestedWrites([{ ...finding('附件3', 'H9'), suggestion: { value: '9.90', percent: false } }]));
    expect(env.cell('附件3', 'H9').value).toBe(9.9);
    expect(env.fill('附件3', 'H9')).toEqual({ color: RECALC_FILL });
    expect(env.doc.ignoredAssignments.size).toBe(0); // never assigned over a method
    await host.undoRecalc();
    expect(env.cell('附件3', 'H9')).toEqual(h9);
  });

  test('a write the build takes in no form is found out by reading back: an error, never a silent no-op', async () => {
    env.doc.unwritable.add('Value2');
    const host = env.newHost();
    await host.readWorkbook();
    const err = (await host.applyRecalc(suggestedWrites([{ ...finding('附件3', 'H9'), suggestion: { value: '9.90', percent: false } }])).catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toMatch(/WPS 没有接受对 Value2 的写入/);
    expect(env.cell('附件3', 'H9').value).toBe(9.8);
  });
});

describe('WPS: colours, store, navigation', () => {
  let env: Env;
  beforeEach(() => {
    env = new Env();
    env.load(realisticWorkbook());
  });
  afterEach(() => env.teardown());

  test('colours go to Interior.Color as BGR integers', async () => {
    expect(hexToBgr('#FFC7CE')).toBe(0xcec7ff);
    expect(bgrToHex(0xcec7ff)).toBe('#FFC7CE');
    expect(bgrToHex(hexToBgr('#00B050'))).toBe('#00B050');
    const host = env.newHost();
    await host.paintFindings([finding('附件3', 'H5'), finding('附件3', 'H9', 'warning')]);
    expect(env.doc.sheet('附件3').at('H5').fill.color).toBe(0xcec7ff);
    expect(env.doc.sheet('附件3').at('H9').fill.color).toBe(hexToBgr(SEVERITY_FILL.warning));
    expect(env.doc.screenUpdating).toBe(true);
  });

  test('the snapshot lives in a very hidden sheet while marks exist, without moving the clerk', async () => {
    const host = env.newHost();
    env.doc.active = env.doc.sheet('附件2');
    await host.paintFindings([finding('附件3', 'H9')]);
    const store = env.doc.sheets.find((s) => s.name === STORE_SHEET);
    expect(store?.visible).toBe(2);
    expect(env.activeSheet()).toBe('附件2');
    expect((await host.readWorkbook()).sheets.map((s) => s.name)).toEqual(['附件2', '附件3']);
    await host.paintFindings([finding('附件3', 'C5')]); // rewriting the snapshot keeps one sheet
    expect(env.sheetNames().filter((n) => n === STORE_SHEET)).toHaveLength(1);
    await host.clearMarks();
    expect(env.sheetNames()).toEqual(['附件2', '附件3']);
    expect(env.doc.alertsShown).toBe(0);
    expect(env.doc.displayAlerts).toBe(true);
  });

  test('a workbook whose structure is protected still paints and clears (snapshot kept in memory)', async () => {
    env.doc.structureProtected = true;
    const before = env.fill('附件3', 'D5');
    const host = env.newHost();
    await host.paintFindings([finding('附件3', 'D5')]);
    expect(env.fill('附件3', 'D5')).toEqual({ color: SEVERITY_FILL.error });
    await host.clearMarks();
    expect(env.fill('附件3', 'D5')).toEqual(before);
  });

  test('select scrolls the cell into view', async () => {
    await env.newHost().selectCell('附件3', 'F40');
    expect(env.doc.scroll).toEqual({ row: 38, column: 5 });
    expect(env.selection()).toEqual({ sheet: '附件3', cell: 'F40' });
  });

  test('an exception from WPS becomes a HostError with the host message', async () => {
    const host = new WpsHost({
      app: () => {
        throw new TypeError('Application is not defined');
      },
    });
    const err = (await host.readWorkbook().catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: 'host-api', hostMessage: 'Application is not defined' });
    expect(err.message).toMatch(/^WPS 操作失败/);
  });
});
