import type { Finding } from '../../src/core/finding';
import { MARKS_KEY } from '../../src/host/snapshots';
import { SEVERITY_FILL } from '../../src/report/severity';
import { MARK_FORMULA } from '../../src/host/excel';
import { suggestedWrites } from '../../src/core/recalc-plan';
import { HostError, MemoryStore } from '../../src/host/types';
import { runAdapterContract } from './adapter-contract';
import { ExcelEnv } from './excel-env';
import { FakeExcelWorkbook, FakeRequestContext, installExcelFake } from './excel-fake';
import { measureSyncs } from './measure-syncs';
import { CHUNK_CELLS } from '../../src/host/excel/read';
import { gridCells, realisticWorkbook, type SheetSpec } from './spec';

runAdapterContract('Excel (Office.js)', () => new ExcelEnv());

function finding(sheet: string, cell: string, severity: Finding['severity'] = 'error'): Finding {
  return { ruleId: 'selfeval.indicator-score', messageId: 'proportional', title: '指标得分', severity, sheet, cell, entered: null, expected: null, message: '', explanation: '', inputs: [] };
}

describe('Excel: round-trips', () => {
  test('read+check is 3 syncs up to 2,000 rows, then one more per chunk; paint, repaint and clear stay constant; no payload near 5 MB', async () => {
    const results = [];
    for (const rows of [10, 2000, 10000]) results.push(await measureSyncs(rows));
    for (const r of results) {
      expect(r.findings).toBeGreaterThanOrEqual(r.rows);
      expect(r.merges).toBeGreaterThan(0);
      expect(r.readAndCheck).toBe(2 + Math.ceil(r.cells / CHUNK_CELLS));
      expect(r.chunks).toBe(Math.ceil(r.cells / CHUNK_CELLS));
      expect(r.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
      expect(r.maxResponseBytes).toBeLessThan(2 * 1024 * 1024);
    }
    expect(results.map((r) => r.readAndCheck)).toEqual([3, 3, 6]);
    expect(results.map((r) => r.paint)).toEqual([2, 2, 2]);
    expect(results.map((r) => r.repaint)).toEqual([3, 3, 3]);
    expect(results.map((r) => r.clear)).toEqual([3, 3, 3]);
  });

  test('select is one sync; recalc two; undo three while its green is on (two once a check took it off)', async () => {
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
      expect(n() - before).toBe(3);
      // A check after the recalc takes the green off: its undo has only values to put back.
      await host.applyRecalc([{ sheet: '附件3', cell: 'H9', ruleId: 'selfeval.indicator-score', severity: 'error', entered: '9.8', value: '9.90', percent: false, display: '9.90' }]);
      await host.paintFindings([finding('附件3', 'C5')]);
      before = n();
      await host.undoRecalc();
      expect(n() - before).toBe(2);
      // Also after a reload, when nothing has been read yet: still three.
      await host.applyRecalc([{ sheet: '附件3', cell: 'H9', ruleId: 'selfeval.indicator-score', severity: 'error', entered: '9.8', value: '9.90', percent: false, display: '9.90' }]);
      env.reloadPane();
      const fresh = env.newHost();
      before = n();
      await fresh.undoRecalc();
      expect(n() - before).toBe(3);
    } finally {
      env.teardown();
    }
  });

  test('a paint before any read is still two syncs (sheet list, then the marks)', async () => {
    const env = new ExcelEnv();
    env.load(realisticWorkbook());
    try {
      const before = env.wb.syncCount;
      await env.newHost().paintFindings([finding('附件3', 'H9')]);
      expect(env.wb.syncCount - before).toBe(2);
    } finally {
      env.teardown();
    }
  });

  test('a sheet added after the read is painted too', async () => {
    const env = new ExcelEnv();
    env.load(realisticWorkbook());
    try {
      const host = env.newHost();
      await host.readWorkbook();
      env.wb.addSheet('新表').at('B2').value = 1;
      const before = env.wb.syncCount;
      const result = await host.paintFindings([finding('新表', 'B2'), finding('附件3', 'H9')]);
      expect(env.wb.syncCount - before).toBe(2);
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

  test('ExcelApi 1.6–1.8: marks are one conditional format per run of cells (no RangeAreas); clear gives every cell back as it was', async () => {
    const env = new ExcelEnv();
    env.load(realisticWorkbook());
    env.wb.apiVersion = '1.8';
    try {
      const host = env.newHost();
      const grid = await host.readWorkbook();
      expect(grid.sheets[1]!.merges).toEqual([]); // merged areas need 1.13
      expect(env.wb.runs.every((r) => r.options === null)).toBe(true); // no RunOptions before 1.11
      const cells = ['C5', 'D5', 'E5', 'F5', 'H5', 'H9', 'H10', 'H11'];
      const own = cells.map((c) => env.ownFill('附件3', c));
      await host.paintFindings(cells.map((c) => finding('附件3', c)));
      expect(env.wb.getRangesCalls).toEqual([]);
      expect(env.wb.sheet('附件3').conditionalFormats.map((cf) => cf.areas.map((a) => `${a.top},${a.left}:${a.bottom},${a.right}`).join(' '))).toEqual(
        expect.arrayContaining(['8,7:10,7', '4,2:4,2']), // H9:H11 is one run
      );
      for (const c of cells) expect(env.fill('附件3', c)).toEqual({ color: SEVERITY_FILL.error });
      expect(cells.map((c) => env.ownFill('附件3', c))).toEqual(own);
      await host.clearMarks();
      expect(env.wb.sheet('附件3').conditionalFormats).toEqual([]);
      expect(cells.map((c) => env.fill('附件3', c))).toEqual(own);
      expect(await host.limitations()).toEqual([expect.stringMatching(/合并单元格.*1\.13/)]);
    } finally {
      env.teardown();
    }
  });

  test('ExcelApi 1.1 (Office 2016 MSI): reads and checks; findings are listed, not painted, and the pane is told why; 一键重算 writes without colour', async () => {
    const env = new ExcelEnv();
    env.load(realisticWorkbook());
    env.wb.apiVersion = '1.1';
    try {
      const host = env.newHost();
      const grid = await host.readWorkbook();
      expect(gridCells(grid).附件3!.H9).toEqual({ value: 9.8 });
      const limits = await host.limitations();
      expect(limits.join('\n')).toMatch(/条件格式（需要 ExcelApi 1\.6/);
      expect(limits.join('\n')).toMatch(/工作表保护/);
      const before = env.fill('附件3', 'H9');
      const result = await host.paintFindings([finding('附件3', 'H9')]);
      expect(result.painted).toBe(0);
      expect(result.messages[0]).toMatch(/问题只在核对结果列表中列出/);
      expect(env.fill('附件3', 'H9')).toEqual(before);
      expect(await host.hasMarks()).toBe(false);
      await host.applyRecalc(suggestedWrites([{ ...finding('附件3', 'H9'), suggestion: { value: '9.90', percent: false } }]));
      expect(env.cell('附件3', 'H9').value).toBe(9.9);
      expect(env.fill('附件3', 'H9')).toEqual(before);
      await host.undoRecalc();
      expect(env.cell('附件3', 'H9').value).toBe(9.8);
    } finally {
      env.teardown();
    }
  });

  test('the clerk’s own conditional formats are never touched by paint or clear', async () => {
    const env = new ExcelEnv();
    env.load(realisticWorkbook());
    try {
      const sheet = env.wb.sheet('附件3');
      sheet.conditionalFormats.push(
        { id: 'clerk-1', type: 'CellValue', areas: [{ top: 8, left: 5, bottom: 10, right: 5 }], formula: null, fill: '#00FF00' },
        { id: 'clerk-2', type: 'Custom', areas: [{ top: 8, left: 7, bottom: 10, right: 7 }], formula: '=H9>9', fill: '#0000FF' },
      );
      const theirs = JSON.parse(JSON.stringify(sheet.conditionalFormats)) as unknown;
      const host = env.newHost();
      await host.readWorkbook();
      await host.paintFindings([finding('附件3', 'F9'), finding('附件3', 'H9')]);
      expect(sheet.conditionalFormats.map((cf) => cf.formula)).toEqual([MARK_FORMULA, null, '=H9>9']); // ours on top: one format, two areas
      expect(env.fill('附件3', 'H9')).toEqual({ color: SEVERITY_FILL.error });
      await host.paintFindings([finding('附件3', 'H10', 'warning')]);
      env.reloadPane();
      await env.newHost().clearMarks();
      expect(sheet.conditionalFormats).toEqual(theirs);
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

  // docs/hosts.md's facts about fills, as the fake must reproduce them: a fake simpler than this
  // (say, reporting "Solid" for solid white, or a number for No Fill's tint) fails here.
  test('getCellProperties fills as docs/hosts.md says: No Fill and solid white both read #FFFFFF with pattern null; only tintAndShade tells them apart', async () => {
    const s = wb.sheet('S');
    s.at('C3').fill = { none: false, color: '#FFFFFF', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
    s.at('D4').fill = { none: false, color: '#FFFFFF', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0, patternTintAndShade: 0 };
    s.at('E5').fill = { none: false, color: '#DDEBF7', pattern: 'Solid', patternColor: null, tintAndShade: 0.8, patternTintAndShade: 0 };
    const all = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };
    const ctx = new FakeRequestContext(wb);
    const ws = ctx.workbook.worksheets.getItem('S');
    const read = (a: string) => ws.getRange(a).getCellProperties({ format: { fill: all } });
    const [none, white, pattern, tint] = ['B2', 'C3', 'D4', 'E5'].map(read);
    const plain = ws.getRange('B2').format.fill.load('color');
    await ctx.sync();
    const fill = (r: typeof none) => (r!.value[0]![0] as { format: { fill: unknown } }).format.fill;
    expect(fill(none)).toEqual({ color: '#FFFFFF', pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null });
    expect(fill(white)).toEqual({ color: '#FFFFFF', pattern: null, patternColor: null, tintAndShade: 0, patternTintAndShade: 0 });
    expect(fill(pattern)).toEqual({ color: '#FFFFFF', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0, patternTintAndShade: 0 });
    expect(fill(tint)).toEqual({ color: '#DDEBF7', pattern: null, patternColor: null, tintAndShade: 0.8, patternTintAndShade: 0 });
    expect(plain.color).toBe('#FFFFFF');
  });

  test('conditional formats are a layer of their own: added at the top, shown above the fill, never changing it; refused on a protected sheet', async () => {
    const s = wb.sheet('S');
    s.at('C3').fill = { none: false, color: '#FFFFFF', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
    const ctx = new FakeRequestContext(wb);
    const ws = ctx.workbook.worksheets.getItem('S');
    const cf = ws.getRange('B2:C3').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=TRUE';
    cf.custom.format.fill.color = '#FFC7CE';
    const props = ws.getRange('C3').getCellProperties({ format: { fill: { color: true, tintAndShade: true } } });
    await ctx.sync();
    expect(wb.displayedFill('S', 'C3')).toMatchObject({ none: false, color: '#FFC7CE' });
    expect(s.at('C3').fill).toMatchObject({ none: false, color: '#FFFFFF', pattern: 'Solid' });
    expect(props.value[0]![0]).toEqual({ format: { fill: { color: '#FFFFFF', tintAndShade: 0 } } });
    const list = ws.getRange('C3').conditionalFormats.load('items/id,items/type');
    const elsewhere = ws.getRange('H9').conditionalFormats.load('items/id');
    await ctx.sync();
    expect(list.items.map((i) => i.type)).toEqual(['Custom']);
    expect(elsewhere.items).toEqual([]);
    list.items[0]!.delete();
    await ctx.sync();
    expect(wb.displayedFill('S', 'C3')).toEqual(s.at('C3').fill);
    s.protected = true;
    ws.getRange('B2').conditionalFormats.add('Custom');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  test('a sync whose response would pass 5 MB fails with ResponsePayloadSizeLimitExceeded, like Excel on the web', async () => {
    const s = wb.sheet('S');
    for (let r = 0; r < 10000; r++) for (let c = 0; c < 20; c++) s.cell(r, c).value = `第${r}行第${c}列的说明文字`;
    const ctx = new FakeRequestContext(wb);
    ctx.workbook.worksheets.getItem('S').getRange('A1:T10000').load('values,text,formulas');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    ctx.workbook.worksheets.getItem('S').getRange('A1:T10000').values = Array.from({ length: 10000 }, () => Array.from({ length: 20 }, () => '一段很长的文字'.repeat(3)));
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    ctx.workbook.worksheets.getItem('S').getRange('A1:T100').load('values');
    await ctx.sync();
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
