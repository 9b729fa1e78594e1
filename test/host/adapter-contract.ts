/**
 * The behaviour every SpreadsheetHost must have, written once and run against each adapter
 * on its fake (excel.test.ts, wps.test.ts). Each test states a property a clerk relies on.
 */
import type { Finding, Severity } from '../../src/core/finding';
import { MARKS_KEY, RECALC_KEY } from '../../src/host/snapshots';
import { RECALC_FILL } from '../../src/host/marks';
import { SEVERITY_FILL } from '../../src/report/severity';
import { suggestedWrites } from '../../src/core/recalc-plan';
import { HostError, MemoryStore, type SnapshotStore, type SpreadsheetHost } from '../../src/host/types';
import { EXPECTED_TEXT, NONE, expectedRealisticCells, gridCells, realisticWorkbook, type FillSpec, type SheetSpec } from './spec';

export interface CellState {
  readonly value: unknown;
  readonly formula: string | null;
  readonly numFmt: string;
}

/** A fake host document plus the means to look inside it. */
export interface HostEnv {
  /** Builds a fresh document from the spec and installs the fake. */
  load(sheets: readonly SheetSpec[]): void;
  /** A new adapter on the current document (optionally with an injected store). */
  newHost(store?: SnapshotStore): SpreadsheetHost;
  /** Closes and reopens the task pane: in-memory state is gone, persisted state remains. */
  reloadPane(): void;
  /** The fill the clerk sees (marks included). */
  fill(sheet: string, cell: string): FillSpec;
  /** The cell's own fill, as its format holds it (what 清除标记 must leave as it was). */
  ownFill(sheet: string, cell: string): FillSpec;
  /** Whether the cell shows the outline of a selected finding's inputs (Excel: dashed conditional borders; WPS: the outline fill). */
  outlined(sheet: string, cell: string): boolean;
  /** Whether marks are a layer above the cells' own formats (which then never change at all). */
  readonly marksAreLayered: boolean;
  cell(sheet: string, cell: string): CellState;
  /** The clerk types a constant into a cell (its formula, if any, is gone). */
  type(sheet: string, cell: string, value: number | string): void;
  /** The clerk renames a sheet. */
  renameSheet(from: string, to: string): void;
  selection(): { sheet: string; cell: string } | null;
  activeSheet(): string;
  sheetNames(): string[];
  /** Whether the host reports each cell's displayed text in the Grid. */
  readonly readsText: boolean;
  teardown(): void;
}

function finding(sheet: string, cell: string, severity: Severity = 'error', suggestion?: { value: string; percent: boolean }): Finding {
  return {
    ruleId: 'selfeval.indicator-score',
    messageId: 'proportional',
    title: '指标得分',
    severity,
    sheet,
    cell,
    entered: '9.8',
    expected: '9.90',
    message: '得分应为 9.90',
    explanation: '9.90 = 10 × 99%',
    inputs: [],
    ...(suggestion ? { suggestion } : {}),
  };
}

const PAINT_CELLS = ['C5', 'D5', 'E5', 'F5', 'G5', 'H5', 'H9', 'F10'];

function snapshotFills(env: HostEnv, sheet: string, cells: readonly string[]): Record<string, FillSpec> {
  return Object.fromEntries(cells.map((c) => [c, env.fill(sheet, c)]));
}

function solid(color: string): FillSpec {
  return { color };
}

export function runAdapterContract(name: string, makeEnv: () => HostEnv): void {
  describe(`${name}: SpreadsheetHost contract`, () => {
    let env: HostEnv;
    beforeEach(() => {
      env = makeEnv();
      env.load(realisticWorkbook());
    });
    afterEach(() => env.teardown());

    test('reads a realistic workbook into the expected Grid: merges, % formats, text numbers, errors, formulas', async () => {
      const grid = await env.newHost().readWorkbook();
      expect(grid.sheets.map((s) => s.name)).toEqual(['附件2', '附件3']);
      expect(gridCells(grid)).toEqual(expectedRealisticCells());
      const s3 = grid.sheets[1]!;
      expect(s3.merges).toEqual(
        expect.arrayContaining([
          { top: 1, left: 0, bottom: 1, right: 8 },
          { top: 3, left: 0, bottom: 4, right: 0 },
          { top: 8, left: 1, bottom: 10, right: 1 },
        ]),
      );
      expect(s3.merges).toHaveLength(3);
      expect(grid.sheets[0]!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
      expect(grid.sheets[0]!.isProtected).toBe(true);
      expect(s3.isProtected).toBe(false);
      // Rows are 0-based from the sheet's row 1 even when the used range starts lower.
      expect(s3.rows[4]?.[2]?.value).toBe(100);
      if (env.readsText) {
        const withText = gridCells(grid, true);
        for (const [sheet, cells] of Object.entries(EXPECTED_TEXT)) {
          for (const [addr, text] of Object.entries(cells)) expect({ addr, text: (withText[sheet]![addr] as { text?: string } | undefined)?.text }).toEqual({ addr, text });
        }
      }
    });

    test('paint colours each cell by its most severe finding; clear restores every original fill exactly', async () => {
      const before = snapshotFills(env, '附件3', PAINT_CELLS);
      const host = env.newHost();
      await host.readWorkbook();
      const findings = [
        ...PAINT_CELLS.map((c, i) => finding('附件3', c, (['error', 'warning', 'info'] as const)[i % 3])),
        finding('附件3', 'D5', 'error'), // D5 also has a warning above: error wins
      ];
      const result = await host.paintFindings(findings);
      expect(result).toMatchObject({ painted: PAINT_CELLS.length, restored: 0, protectedSheets: [], missingSheets: [] });
      expect(env.fill('附件3', 'C5')).toEqual(solid(SEVERITY_FILL.error));
      expect(env.fill('附件3', 'D5')).toEqual(solid(SEVERITY_FILL.error));
      expect(env.fill('附件3', 'E5')).toEqual(solid(SEVERITY_FILL.info));
      expect(env.fill('附件3', 'H9')).toEqual(solid(SEVERITY_FILL.error));
      expect(env.fill('附件3', 'H5')).toEqual(solid(SEVERITY_FILL.info));
      expect(await host.hasMarks()).toBe(true);

      await host.clearMarks();
      expect(snapshotFills(env, '附件3', PAINT_CELLS)).toEqual(before);
      // The point of the exercise: No Fill comes back as No Fill, not as solid white…
      expect(env.fill('附件3', 'H5')).toEqual(NONE);
      // …and solid white stays solid white.
      expect(env.fill('附件3', 'F5')).toEqual(solid('#FFFFFF'));
      expect(await host.hasMarks()).toBe(false);
    });

    test('paint → clear leaves every cell’s own format exactly as it was: No Fill, solid white, patterns, theme tints, number formats', async () => {
      const sheets = realisticWorkbook();
      const every = sheets.flatMap((s) => Object.keys(s.cells).map((c) => [s.name, c] as const));
      const own = () => every.map(([s, c]) => ({ at: `${s}!${c}`, fill: env.ownFill(s, c), cell: env.cell(s, c) }));
      const before = own();
      // The cases docs/hosts.md names are all on the sheet.
      expect(before.map((b) => b.fill)).toEqual(
        expect.arrayContaining([NONE, { color: '#FFFFFF' }, expect.objectContaining({ pattern: 'Gray25' }), expect.objectContaining({ tint: 0.8 })]),
      );
      const host = env.newHost();
      await host.readWorkbook();
      const writable = every.filter(([s]) => s === '附件3');
      await host.paintFindings(writable.map(([s, c], i) => finding(s, c, (['error', 'warning', 'info'] as const)[i % 3])));
      for (const [s, c] of writable) expect(env.fill(s, c)).not.toEqual(before.find((b) => b.at === `${s}!${c}`)!.fill);
      // Where marks are a layer above the cells, nothing of the cell's own format changed at all.
      if (env.marksAreLayered) expect(own()).toEqual(before);
      await host.paintFindings(writable.slice(0, 5).map(([s, c]) => finding(s, c, 'warning')));
      env.reloadPane();
      await env.newHost().clearMarks();
      expect(own()).toEqual(before);
      for (const [s, c] of every) expect(env.fill(s, c)).toEqual(env.ownFill(s, c));
    });

    test('outlining a finding’s inputs leaves every cell’s own format as it was; the next outline, a re-check and 清除标记 take it off', async () => {
      const sheets = realisticWorkbook();
      const every = sheets.flatMap((s) => Object.keys(s.cells).map((c) => [s.name, c] as const));
      const own = () => every.map(([s, c]) => ({ at: `${s}!${c}`, fill: env.ownFill(s, c), cell: env.cell(s, c) }));
      const before = own();
      const shown = snapshotFills(env, '附件3', PAINT_CELLS);
      const host = env.newHost();
      await host.readWorkbook();
      await host.paintFindings([finding('附件3', 'H5')]);
      // D5 and E5 outlined; H5 keeps its mark; 附件2 is protected: skipped, no error.
      await host.outlineCells([
        { sheet: '附件3', cell: 'D5' },
        { sheet: '附件3', cell: 'E5' },
        { sheet: '附件3', cell: 'H5' },
        { sheet: '附件2', cell: 'B5' },
      ]);
      expect(['D5', 'E5', 'H5', 'C5'].map((c) => env.outlined('附件3', c))).toEqual([true, true, false, false]);
      expect(env.outlined('附件2', 'B5')).toBe(false);
      expect(env.fill('附件3', 'H5')).toEqual(solid(SEVERITY_FILL.error));
      if (env.marksAreLayered) expect(own()).toEqual(before);
      // The next finding clicked: only its inputs are outlined, the others are as they were.
      await host.outlineCells([{ sheet: '附件3', cell: 'F5' }]);
      expect(['D5', 'E5', 'F5'].map((c) => env.outlined('附件3', c))).toEqual([false, false, true]);
      // As many inputs as before, elsewhere: moved too.
      await host.outlineCells([{ sheet: '附件3', cell: 'G5' }]);
      expect(['F5', 'G5'].map((c) => env.outlined('附件3', c))).toEqual([false, true]);
      await host.outlineCells([{ sheet: '附件3', cell: 'F5' }]);
      expect(env.fill('附件3', 'D5')).toEqual(shown.D5);
      expect(env.fill('附件3', 'E5')).toEqual(shown.E5);
      // A re-check repaints without it.
      await host.paintFindings([finding('附件3', 'H5')]);
      expect(env.outlined('附件3', 'F5')).toBe(false);
      expect(env.fill('附件3', 'F5')).toEqual(shown.F5);
      // Outlined again, then the pane is reloaded: 清除标记 still takes everything off.
      await host.outlineCells([{ sheet: '附件3', cell: 'G5' }]);
      expect(env.outlined('附件3', 'G5')).toBe(true);
      env.reloadPane();
      const again = env.newHost();
      await again.clearMarks();
      expect(env.outlined('附件3', 'G5')).toBe(false);
      expect(own()).toEqual(before);
      expect(snapshotFills(env, '附件3', PAINT_CELLS)).toEqual(shown);
      expect(await again.hasMarks()).toBe(false);
      // Outlining nothing with nothing marked touches nothing.
      await again.outlineCells([]);
      expect(own()).toEqual(before);
    });

    test('painting again first restores the previous marks', async () => {
      const before = snapshotFills(env, '附件3', PAINT_CELLS);
      const host = env.newHost();
      await host.readWorkbook();
      await host.paintFindings([finding('附件3', 'C5'), finding('附件3', 'H5', 'warning')]);
      const second = await host.paintFindings([finding('附件3', 'H5', 'info'), finding('附件3', 'H9')]);
      expect(second).toMatchObject({ painted: 2, restored: 1 });
      expect(env.fill('附件3', 'C5')).toEqual(before.C5); // not in the new check: back to yellow
      expect(env.fill('附件3', 'H5')).toEqual(solid(SEVERITY_FILL.info));
      expect(env.fill('附件3', 'H9')).toEqual(solid(SEVERITY_FILL.error));
      await host.clearMarks();
      // H5 was painted twice: its snapshot must still be the original No Fill, not our amber.
      expect(snapshotFills(env, '附件3', PAINT_CELLS)).toEqual(before);
    });

    test('two checks clicked in quick succession do not take each other’s marks for originals', async () => {
      const before = snapshotFills(env, '附件3', PAINT_CELLS);
      const host = env.newHost();
      await host.readWorkbook();
      const first = host.paintFindings([finding('附件3', 'H5'), finding('附件3', 'C5')]);
      const second = host.paintFindings([finding('附件3', 'H5', 'warning'), finding('附件3', 'D5')]);
      await Promise.all([first, second]);
      expect(env.fill('附件3', 'H5')).toEqual(solid(SEVERITY_FILL.warning));
      expect(env.fill('附件3', 'C5')).toEqual(before.C5);
      await host.clearMarks();
      expect(snapshotFills(env, '附件3', PAINT_CELLS)).toEqual(before);
    });

    test('a reloaded pane (new adapter, same document) still clears the marks', async () => {
      const before = snapshotFills(env, '附件3', PAINT_CELLS);
      const first = env.newHost();
      await first.readWorkbook();
      await first.paintFindings(PAINT_CELLS.map((c) => finding('附件3', c)));
      env.reloadPane();
      const second = env.newHost();
      expect(await second.hasMarks()).toBe(true);
      await second.clearMarks();
      expect(snapshotFills(env, '附件3', PAINT_CELLS)).toEqual(before);
      env.reloadPane();
      expect(await env.newHost().hasMarks()).toBe(false);
    });

    test('the snapshot goes to the injected store, and a new adapter on that store can clear', async () => {
      const before = snapshotFills(env, '附件3', PAINT_CELLS);
      const store = new MemoryStore();
      const host = env.newHost(store);
      await host.readWorkbook();
      await host.paintFindings([finding('附件3', 'H5'), finding('附件3', 'D5', 'warning')]);
      const saved = JSON.parse(store.data.get(MARKS_KEY)!) as { entries: Array<{ sheet: string; cell: string }> };
      expect(saved.entries.map((e) => `${e.sheet}!${e.cell}`).sort()).toEqual(['附件3!D5', '附件3!H5']);
      await env.newHost(store).clearMarks();
      expect(snapshotFills(env, '附件3', PAINT_CELLS)).toEqual(before);
      expect(store.data.has(MARKS_KEY)).toBe(false);
    });

    test('a protected sheet is skipped with a clear message, the others are painted', async () => {
      const host = env.newHost();
      await host.readWorkbook();
      const b4 = env.fill('附件2', 'B4');
      const result = await host.paintFindings([finding('附件2', 'B4'), finding('附件3', 'H9'), finding('不存在', 'A1')]);
      expect(result.protectedSheets).toEqual(['附件2']);
      expect(result.missingSheets).toEqual(['不存在']);
      expect(result.painted).toBe(1);
      expect(result.messages.join('\n')).toMatch(/“附件2”受保护/);
      expect(result.messages.join('\n')).toMatch(/找不到工作表“不存在”/);
      expect(env.fill('附件2', 'B4')).toEqual(b4);
      expect(env.fill('附件3', 'H9')).toEqual(solid(SEVERITY_FILL.error));
    });

    test('select activates the sheet and selects the cell; a missing sheet is a HostError', async () => {
      const host = env.newHost();
      await host.selectCell('附件2', 'C7');
      expect(env.activeSheet()).toBe('附件2');
      expect(env.selection()).toEqual({ sheet: '附件2', cell: 'C7' });
      await host.selectCell('附件3', 'H9');
      expect(env.selection()).toEqual({ sheet: '附件3', cell: 'H9' });
      const err = await host.selectCell('不存在', 'A1').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostError);
      expect(err).toMatchObject({ code: 'sheet-missing' });
      expect((err as HostError).message).toMatch(/找不到工作表“不存在”/);
    });

    describe('一键重算', () => {
      const recalcFindings = () => [
        finding('附件3', 'H9', 'error', { value: '9.90', percent: false }),
        finding('附件3', 'G5', 'error', { value: '80.00', percent: true }), // %-formatted formula cell
        finding('附件3', 'F9', 'warning', { value: '97.50', percent: true }), // "98.99%" typed as text
        finding('附件3', 'G11', 'info', { value: '5.50', percent: false }), // text-formatted cell
        finding('附件3', 'C5', 'warning'), // no suggestion: not part of the recalc
      ];
      const CELLS = ['H9', 'G5', 'F9', 'G11', 'C5'];

      test('preview lists cell, entered → new value, only for findings with a suggestion', () => {
        const preview = suggestedWrites(recalcFindings());
        expect(preview.map((c) => [c.cell, c.entered, c.display])).toEqual([
          ['H9', '9.8', '9.90'],
          ['G5', '9.8', '80.00%'],
          ['F9', '9.8', '97.50%'],
          ['G11', '9.8', '5.50'],
        ]);
      });

      test('apply writes the values in the cells’ own formats; undo round-trips values, formulas, formats and fills', async () => {
        const host = env.newHost();
        await host.readWorkbook();
        await host.paintFindings(recalcFindings());
        const cellsBefore = Object.fromEntries(CELLS.map((c) => [c, env.cell('附件3', c)]));
        const fillsBefore = snapshotFills(env, '附件3', CELLS);
        expect(await host.canUndoRecalc()).toBe(false);

        await host.applyRecalc(suggestedWrites(recalcFindings()));
        expect(await host.canUndoRecalc()).toBe(true);
        expect(env.cell('附件3', 'H9')).toMatchObject({ value: 9.9, formula: null });
        expect(env.cell('附件3', 'G5')).toMatchObject({ value: 0.8, formula: null, numFmt: '0.00%' });
        expect(env.cell('附件3', 'F9')).toMatchObject({ value: 0.975, formula: null });
        expect(env.cell('附件3', 'G11')).toMatchObject({ value: '5.50', numFmt: '@' });
        expect(env.cell('附件3', 'C5')).toEqual(cellsBefore.C5);
        for (const c of ['H9', 'G5', 'F9', 'G11']) expect(env.fill('附件3', c)).toEqual(solid(RECALC_FILL));

        expect(await host.undoRecalc()).toEqual({ restored: 4, editedSince: [], sheetsGone: [] });
        expect(await host.canUndoRecalc()).toBe(false);
        expect(Object.fromEntries(CELLS.map((c) => [c, env.cell('附件3', c)]))).toEqual(cellsBefore);
        expect(env.cell('附件3', 'G5')).toEqual({ value: 0.75, formula: '=E5/D5', numFmt: '0.00%' });
        expect(env.cell('附件3', 'F9')).toEqual({ value: '98.99%', formula: null, numFmt: 'General' });
        expect(snapshotFills(env, '附件3', CELLS)).toEqual(fillsBefore);
        await expect(host.undoRecalc()).rejects.toMatchObject({ code: 'nothing-to-undo' });
      });

      test('recalculated cells that were not marked are still cleared by 清除标记', async () => {
        const fills = snapshotFills(env, '附件3', CELLS);
        const host = env.newHost();
        await host.readWorkbook();
        await host.applyRecalc(suggestedWrites(recalcFindings()));
        expect(env.fill('附件3', 'H9')).toEqual(solid(RECALC_FILL));
        expect(await host.hasMarks()).toBe(true);
        await host.clearMarks();
        expect(snapshotFills(env, '附件3', CELLS)).toEqual(fills);
        // Undo after a clear puts the values back but leaves the (restored) fills alone.
        await host.undoRecalc();
        expect(env.cell('附件3', 'H9')).toMatchObject({ value: 9.8 });
        expect(snapshotFills(env, '附件3', CELLS)).toEqual(fills);
        expect(await host.hasMarks()).toBe(false);
      });

      test('撤销重算 still works after the pane was reloaded', async () => {
        const cellsBefore = Object.fromEntries(CELLS.map((c) => [c, env.cell('附件3', c)]));
        const fillsBefore = snapshotFills(env, '附件3', CELLS);
        const first = env.newHost();
        await first.readWorkbook();
        await first.applyRecalc(suggestedWrites(recalcFindings()));
        env.reloadPane();
        const second = env.newHost();
        expect(await second.canUndoRecalc()).toBe(true);
        expect(await second.undoRecalc()).toEqual({ restored: 4, editedSince: [], sheetsGone: [] });
        expect(Object.fromEntries(CELLS.map((c) => [c, env.cell('附件3', c)]))).toEqual(cellsBefore);
        expect(snapshotFills(env, '附件3', CELLS)).toEqual(fillsBefore);
        expect(await second.hasMarks()).toBe(false);
        env.reloadPane();
        expect(await env.newHost().canUndoRecalc()).toBe(false);
      });

      test('a planted 撤销重算 record (a formula the add-in never writes) is not trusted: nothing is written', async () => {
        const store = new MemoryStore();
        const host = env.newHost(store);
        await host.readWorkbook();
        await host.applyRecalc(suggestedWrites(recalcFindings()));
        // The stranger's file carries the store: every entry's "original" is now a link formula.
        const snap = JSON.parse((await store.get(RECALC_KEY))!) as { entries: Array<Record<string, unknown>> };
        snap.entries = snap.entries.map((e) => ({ ...e, formula: '=HYPERLINK("http://evil.example/","点击领取")' }));
        await store.set(RECALC_KEY, JSON.stringify(snap));
        env.reloadPane();
        const again = env.newHost(store);
        expect(await again.canUndoRecalc()).toBe(false);
        await expect(again.undoRecalc()).rejects.toMatchObject({ code: 'nothing-to-undo' });
        for (const c of CELLS) expect(String(env.cell('附件3', c).formula ?? '')).not.toMatch(/HYPERLINK/i);
      });

      test('a planted marks record (colours not ours) is not trusted: 清除标记 writes nothing from it', async () => {
        const store = new MemoryStore();
        const host = env.newHost(store);
        await host.readWorkbook();
        await host.paintFindings([finding('附件3', 'H9')]);
        const snap = JSON.parse((await store.get(MARKS_KEY))!) as { entries: Array<Record<string, unknown>> };
        snap.entries = snap.entries.map((e) => ({ ...e, cell: 'A1:XFD1048576', painted: '#000000' }));
        await store.set(MARKS_KEY, JSON.stringify(snap));
        env.reloadPane();
        expect(await env.newHost(store).hasMarks()).toBe(false);
      });

      test('撤销重算 leaves a cell the clerk edited since, and says which', async () => {
        const host = env.newHost();
        await host.readWorkbook();
        const g5 = env.cell('附件3', 'G5');
        await host.applyRecalc(suggestedWrites(recalcFindings()));
        env.type('附件3', 'H9', 9.95); // typed over the recalculated 9.9
        const result = await host.undoRecalc();
        expect(result).toEqual({ restored: 3, editedSince: ['附件3!H9'], sheetsGone: [] });
        expect(env.cell('附件3', 'H9').value).toBe(9.95);
        expect(env.cell('附件3', 'G5')).toEqual(g5);
        // Its green stays on record, so 清除标记 still gives the cell its own fill back.
        expect(env.fill('附件3', 'H9')).toEqual(solid(RECALC_FILL));
        expect(await host.hasMarks()).toBe(true);
      });

      test('撤销重算 with its sheet renamed since says so and lets the snapshot go (never stuck)', async () => {
        const host = env.newHost();
        await host.readWorkbook();
        await host.applyRecalc(suggestedWrites(recalcFindings()));
        env.renameSheet('附件3', '附件3（旧）');
        env.reloadPane();
        const again = env.newHost();
        expect(await again.canUndoRecalc()).toBe(true);
        expect(await again.undoRecalc()).toEqual({ restored: 0, editedSince: [], sheetsGone: ['附件3'] });
        expect(await again.canUndoRecalc()).toBe(false);
        expect(env.cell('附件3（旧）', 'H9').value).toBe(9.9); // left as the recalc wrote it
      });

      test('清除标记 takes the recalc snapshot out of the workbook; this pane can still undo', async () => {
        const store = new MemoryStore();
        const host = env.newHost(store);
        await host.readWorkbook();
        const h9 = env.cell('附件3', 'H9');
        await host.applyRecalc(suggestedWrites(recalcFindings()));
        await host.clearMarks();
        expect([...store.data.keys()]).toEqual([]);
        expect(await env.newHost(store).canUndoRecalc()).toBe(false);
        await host.undoRecalc();
        expect(env.cell('附件3', 'H9')).toEqual(h9);
      });

      test('a protected sheet refuses the whole recalc before anything is written', async () => {
        const host = env.newHost();
        await host.readWorkbook();
        const h9 = env.cell('附件3', 'H9');
        const changes = suggestedWrites([
          finding('附件3', 'H9', 'error', { value: '9.90', percent: false }),
          finding('附件2', 'B5', 'error', { value: '105.00', percent: true }),
        ]);
        const err = await host.applyRecalc(changes).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(HostError);
        expect(err).toMatchObject({ code: 'protected-sheet', sheet: '附件2' });
        expect((err as HostError).message).toMatch(/工作表“附件2”受保护/);
        expect(env.cell('附件3', 'H9')).toEqual(h9);
        expect(env.cell('附件2', 'B5').value).toBe(1.1);
        expect(await host.canUndoRecalc()).toBe(false);
      });
    });
  });
}
