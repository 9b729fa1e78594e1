import type { Finding } from '../../src/core/finding';
import { MARKS_KEY, SEVERITY_FILL } from '../../src/host/common';
import { suggestedWrites } from '../../src/core/recalc-plan';
import { HostError, MemoryStore } from '../../src/host/types';
import { runAdapterContract } from './adapter-contract';
import { ExcelEnv } from './excel-env';
import { FakeExcelWorkbook, FakeRequestContext, installExcelFake } from './excel-fake';
import { measureSyncs } from './measure-syncs';
import { realisticWorkbook, type SheetSpec } from './spec';

runAdapterContract('Excel (Office.js)', () => new ExcelEnv());

function finding(sheet: string, cell: string, severity: Finding['severity'] = 'error'): Finding {
  return { ruleId: 'selfeval.indicator-score', messageId: 'proportional', title: '指标得分', severity, sheet, cell, entered: null, expected: null, message: '', explanation: '', inputs: [] };
}

describe('Excel: round-trips', () => {
  test('read+check and paint take the same number of syncs for 10, 1,000 and 10,000 indicator rows (≤ 3 and ≤ 2)', async () => {
    const results = [];
    for (const rows of [10, 1000, 10000]) results.push(await measureSyncs(rows));
    for (const r of results) {
      expect(r.findings).toBeGreaterThanOrEqual(r.rows);
      expect(r.merges).toBeGreaterThan(0);
    }
    expect(results.map((r) => r.readAndCheck)).toEqual([3, 3, 3]);
    expect(results.map((r) => r.paint)).toEqual([2, 2, 2]);
    expect(results.map((r) => r.clear)).toEqual([2, 2, 2]);
  });

  test('select is one sync; recalc and undo are two each', async () => {
    const env = new ExcelEnv();
    env.load(realisticWorkbook());
    try {
      const host = env.newHost();
      await host.readWorkbook();
      const n = () => env.wb.syncCount;
      let before = n();
      await host.selectCell('附件3', 'H9');
      expect(n() - before).toBe(1);
      before = n();
      await host.applyRecalc([{ sheet: '附件3', cell: 'H9', ruleId: 'selfeval.indicator-score', severity: 'error', entered: '9.8', value: '9.90', percent: false, display: '9.90' }]);
      expect(n() - before).toBe(2);
      before = n();
      await host.undoRecalc();
      expect(n() - before).toBe(2);
      // Also after a reload, when nothing has been read yet: still two.
      await host.applyRecalc([{ sheet: '附件3', cell: 'H9', ruleId: 'selfeval.indicator-score', severity: 'error', entered: '9.8', value: '9.90', percent: false, display: '9.90' }]);
      env.reloadPane();
      const fresh = env.newHost();
      before = n();
      await fresh.undoRecalc();
      expect(n() - before).toBe(2);
    } finally {
      env.teardown();
    }
  });

  test('a paint before any read costs one extra sync (sheet names unknown), never more', async () => {
    const env = new ExcelEnv();
    env.load(realisticWorkbook());
    try {
      const before = env.wb.syncCount;
      await env.newHost().paintFindings([finding('附件3', 'H9')]);
      expect(env.wb.syncCount - before).toBe(3);
    } finally {
      env.teardown();
    }
  });

  test('a sheet added after the read is painted too (one extra sync)', async () => {
    const env = new ExcelEnv();
    env.load(realisticWorkbook());
    try {
      const host = env.newHost();
      await host.readWorkbook();
      env.wb.addSheet('新表').at('B2').value = 1;
      const before = env.wb.syncCount;
      const result = await host.paintFindings([finding('新表', 'B2'), finding('附件3', 'H9')]);
      expect(env.wb.syncCount - before).toBe(3);
      expect(result.painted).toBe(2);
      expect(env.fill('新表', 'B2')).toEqual({ color: SEVERITY_FILL.error });
      await host.clearMarks();
      expect(env.fill('新表', 'B2')).toEqual({ none: true });
    } finally {
      env.teardown();
    }
  });

  test('a sheet deleted between read and paint is reported, not fatal', async () => {
    const env = new ExcelEnv();
    env.load(realisticWorkbook());
    try {
      const host = env.newHost();
      await host.readWorkbook();
      env.wb.sheets.splice(0, 1); // 附件2 is deleted by the clerk
      const result = await host.paintFindings([finding('附件2', 'B4'), finding('附件3', 'H9')]);
      expect(result).toMatchObject({ painted: 1, missingSheets: ['附件2'] });
      expect(env.fill('附件3', 'H9')).toEqual({ color: SEVERITY_FILL.error });
    } finally {
      env.teardown();
    }
  });
});

describe('Excel: limits and requirement sets', () => {
  function bigSheet(rows: number, mergesPerRow: number): SheetSpec {
    const cells: Record<string, { value: number | string }> = {};
    const merges: string[] = [];
    for (let r = 1; r <= rows; r++) {
      cells[`A${r}`] = { value: `行${r}` };
      cells[`H${r}`] = { value: r };
      for (let m = 0; m < mergesPerRow; m++) {
        const col = String.fromCharCode(66 + 2 * m); // B:C, D:E
        merges.push(`${col}${r}:${String.fromCharCode(67 + 2 * m)}${r}`);
      }
    }
    return { name: '大表', cells, merges };
  }

  test('reads thousands of merged areas although Excel refuses more than 512 per call', async () => {
    const env = new ExcelEnv();
    env.load([bigSheet(1500, 2)]);
    try {
      const grid = await env.newHost().readWorkbook();
      expect(grid.sheets[0]!.merges).toHaveLength(3000);
      expect(grid.sheets[0]!.merges).toContainEqual({ top: 1499, left: 3, bottom: 1499, right: 4 });
    } finally {
      env.teardown();
    }
  });

  test('paints 3,000 cells through getRanges chunks far below 8,192 characters and 500 areas', async () => {
    const env = new ExcelEnv();
    env.load([bigSheet(3000, 0)]);
    try {
      const host = env.newHost();
      await host.readWorkbook();
      const findings = Array.from({ length: 3000 }, (_, i) => finding('大表', `H${i + 1}`, i % 2 ? 'warning' : 'error'));
      await host.paintFindings(findings);
      expect(env.wb.getRangesCalls.length).toBeGreaterThan(2);
      expect(Math.max(...env.wb.getRangesCalls.map((c) => c.chars))).toBeLessThanOrEqual(2000);
      expect(Math.max(...env.wb.getRangesCalls.map((c) => c.areas))).toBeLessThanOrEqual(100);
      expect(env.fill('大表', 'H3000')).toEqual({ color: SEVERITY_FILL.warning });
      expect(env.fill('大表', 'H1')).toEqual({ color: SEVERITY_FILL.error });
      await host.clearMarks();
      expect(env.fill('大表', 'H3000')).toEqual({ none: true });
    } finally {
      env.teardown();
    }
  });

  test('No Fill reported with pattern "None" instead of null is still restored as No Fill', async () => {
    const env = new ExcelEnv();
    env.load(realisticWorkbook());
    env.wb.noFillPattern = 'None';
    try {
      const host = env.newHost();
      await host.readWorkbook();
      await host.paintFindings([finding('附件3', 'H5'), finding('附件3', 'F5')]);
      await host.clearMarks();
      expect(env.fill('附件3', 'H5')).toEqual({ none: true });
      expect(env.fill('附件3', 'F5')).toEqual({ color: '#FFFFFF' });
    } finally {
      env.teardown();
    }
  });

  test('below ExcelApi 1.9 it still reads, paints and clears (solid colours; white taken as No Fill)', async () => {
    const env = new ExcelEnv();
    env.load(realisticWorkbook());
    env.wb.apiVersion = '1.8';
    try {
      const host = env.newHost();
      const grid = await host.readWorkbook();
      expect(grid.sheets[1]!.merges).toEqual([]); // merged areas need 1.13
      expect(env.wb.runs.every((r) => r.options === null)).toBe(true); // no RunOptions before 1.11
      await host.paintFindings([finding('附件3', 'C5'), finding('附件3', 'H5')]);
      expect(env.fill('附件3', 'C5')).toEqual({ color: SEVERITY_FILL.error });
      await host.clearMarks();
      expect(env.fill('附件3', 'C5')).toEqual({ color: '#FFFF00' });
      expect(env.fill('附件3', 'H5')).toEqual({ none: true });
    } finally {
      env.teardown();
    }
  });

  test('host undo grouping (mergeUndoGroup) only for recalc and only where ExcelApi 1.20 is supported', async () => {
    for (const [version, expected] of [['1.20', true], ['1.19', undefined]] as const) {
      const env = new ExcelEnv();
      env.load(realisticWorkbook());
      env.wb.apiVersion = version;
      try {
        const host = env.newHost();
        await host.readWorkbook();
        await host.paintFindings([finding('附件3', 'H9')]);
        const change = suggestedWrites([{ ...finding('附件3', 'H9'), suggestion: { value: '9.90', percent: false } }]);
        await host.applyRecalc(change);
        await host.undoRecalc();
        const [read, paint, apply, undo] = env.wb.runs.map((r) => r.options);
        expect(read).toEqual({ delayForCellEdit: true });
        expect(paint).toEqual({ delayForCellEdit: true });
        expect(apply?.mergeUndoGroup).toBe(expected);
        expect(undo?.mergeUndoGroup).toBe(expected);
      } finally {
        env.teardown();
      }
    }
  });
});

describe('Excel: errors', () => {
  let env: ExcelEnv;
  beforeEach(() => {
    env = new ExcelEnv({ syncTimeoutMs: 40 });
    env.load(realisticWorkbook());
  });
  afterEach(() => env.teardown());

  test('a sync that never answers becomes a sync-timeout HostError with a Chinese message', async () => {
    env.wb.hangNextSync = true;
    const err = await env.newHost().readWorkbook().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: 'sync-timeout' });
    expect((err as HostError).message).toMatch(/没有响应/);
  });

  test('a RichApi.Error surfaces its code and message', async () => {
    env.wb.failNextSync = { code: 'GeneralException', message: 'An internal error has occurred.' };
    const err = (await env.newHost().readWorkbook().catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: 'host-api', hostCode: 'GeneralException', hostMessage: 'An internal error has occurred.' });
    expect(err.message).toBe('Excel 操作失败（GeneralException）：An internal error has occurred.');
  });

  test('cell edit mode gets its own message', async () => {
    env.wb.failNextSync = { code: 'InvalidOperationInCellEditMode', message: 'Excel is in cell-editing mode.' };
    await expect(env.newHost().selectCell('附件3', 'A1')).rejects.toMatchObject({ code: 'cell-edit-mode', message: expect.stringMatching(/单元格编辑/) });
  });

  test('clearing marks on a sheet protected since painting keeps them and says so', async () => {
    const store = new MemoryStore();
    const host = env.newHost(store);
    await host.readWorkbook();
    await host.paintFindings([finding('附件3', 'H9'), finding('附件3', 'C5')]);
    env.wb.sheet('附件3').protected = true;
    await expect(host.clearMarks()).rejects.toMatchObject({ code: 'protected-sheet', sheet: '附件3' });
    expect(env.fill('附件3', 'H9')).toEqual({ color: SEVERITY_FILL.error });
    expect(store.data.has(MARKS_KEY)).toBe(true);
    env.wb.sheet('附件3').protected = false;
    await host.clearMarks();
    expect(env.fill('附件3', 'C5')).toEqual({ color: '#FFFF00' });
    expect(store.data.has(MARKS_KEY)).toBe(false);
  });
});

describe('the Excel fake keeps Office.js semantics', () => {
  let wb: FakeExcelWorkbook;
  let uninstall: () => void;
  beforeEach(() => {
    wb = new FakeExcelWorkbook();
    const s = wb.addSheet('S');
    s.at('B2').value = 5;
    ({ uninstall } = installExcelFake(wb));
  });
  afterEach(() => uninstall());

  test('properties throw PropertyNotLoaded until load + sync; writes apply at sync, in order', async () => {
    const ctx = new FakeRequestContext(wb);
    const r = ctx.workbook.worksheets.getItem('S').getRange('B2');
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    r.load('values');
    r.values = [[7]];
    const after = ctx.workbook.worksheets.getItem('S').getRange('B2').load('values');
    expect(wb.sheet('S').at('B2').value).toBe(5);
    await ctx.sync();
    expect(r.values).toEqual([[5]]);
    expect(after.values).toEqual([[7]]);
    expect(wb.syncCount).toBe(1);
  });

  test('No Fill reads back as #FFFFFF with pattern null and tintAndShade null; solid white does not', async () => {
    wb.sheet('S').at('C3').fill = { none: false, color: '#FFFFFF', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
    const ctx = new FakeRequestContext(wb);
    const ws = ctx.workbook.worksheets.getItem('S');
    const none = ws.getRange('B2').getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
    const white = ws.getRange('C3').getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
    const plain = ws.getRange('B2').format.fill.load('color');
    await ctx.sync();
    expect(none.value[0]![0]).toEqual({ format: { fill: { color: '#FFFFFF', pattern: null, tintAndShade: null } } });
    expect(white.value[0]![0]).toEqual({ format: { fill: { color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 } } });
    expect(plain.color).toBe('#FFFFFF');
  });

  test('isNullObject is known only after a sync; a failed operation rejects the sync', async () => {
    const ctx = new FakeRequestContext(wb);
    const missing = ctx.workbook.worksheets.getItemOrNullObject('nope');
    expect(() => missing.isNullObject).toThrow();
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    ctx.workbook.worksheets.getItem('nope');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
