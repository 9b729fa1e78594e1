/**
 * A host-neutral description of a workbook for the fakes to load, and the realistic 附件3 /
 * 附件2 fragment the shared behaviour suite runs on.
 */
import type { WorkbookGrid } from '../../src/grid/grid';
import { a1, isCellError } from '../../src/grid/grid';

export type PatternName = 'Solid' | 'Gray25' | 'Gray50' | 'Checker' | 'LightDown';

/** A cell fill as people describe it: none, or a colour with pattern, tints, theme slot. */
export type FillSpec =
  | { readonly none: true }
  | {
      readonly none?: false;
      readonly color: string;
      readonly pattern?: PatternName;
      readonly patternColor?: string;
      readonly tint?: number;
      readonly patternTint?: number;
      /** Theme colour slot (WPS/VBA ThemeColor); Office.js exposes only colour + tint. */
      readonly theme?: number;
    };

export interface CellSpec {
  readonly value?: number | string | boolean | null;
  /** An error value such as `#DIV/0!` (a formula's result, or a constant). */
  readonly error?: string;
  /** With leading `=`; `value`/`error` is its cached result. */
  readonly formula?: string;
  readonly numFmt?: string;
  readonly fill?: FillSpec;
}

export interface SheetSpec {
  readonly name: string;
  readonly cells: Readonly<Record<string, CellSpec>>;
  readonly merges?: readonly string[];
  readonly protected?: boolean;
}

export const NONE: FillSpec = { none: true };

/** The realistic fragment: merges, % formats, numbers as text, formulas, errors, every kind of fill. */
export function realisticWorkbook(): SheetSpec[] {
  return [
    {
      name: '附件2',
      protected: true,
      merges: ['A1:F1'],
      cells: {
        A1: { value: '部门（单位）整体支出绩效评价基础数据表' },
        A3: { value: '编制数' },
        B3: { value: 20 },
        A4: { value: '实际在职人数' },
        B4: { value: 22, fill: { color: '#FFFF00' } },
        A5: { value: '控制率' },
        B5: { value: 1.1, formula: '=B4/B3', numFmt: '0.00%' },
        C7: { value: '三公经费' },
      },
    },
    {
      name: '附件3',
      merges: ['A2:I2', 'A4:A5', 'B9:B11'],
      cells: {
        A1: { value: '附件3' },
        A2: { value: '2023年度部门（单位）整体支出绩效自评表' },
        A4: { value: '年度预算申请（万元）' },
        C4: { value: '年初预算数' },
        D4: { value: '全年预算数' },
        E4: { value: '全年执行数' },
        F4: { value: '分值' },
        G4: { value: '执行率' },
        H4: { value: '得分' },
        B5: { value: '年度资金总额' },
        C5: { value: 100, numFmt: '#,##0.00', fill: { color: '#FFFF00' } },
        D5: { value: 200, numFmt: '#,##0.00', fill: { color: '#FFFFFF', pattern: 'Gray25', patternColor: '#FF0000' } },
        E5: { value: 150, numFmt: '#,##0.00', fill: { color: '#DDEBF7', tint: 0.8, theme: 5 } },
        F5: { value: 10, fill: { color: '#FFFFFF' } },
        G5: { value: 0.75, formula: '=E5/D5', numFmt: '0.00%' },
        H5: { value: 7.5, numFmt: '0.00' },
        B9: { value: '产出指标' },
        D9: { value: '指标1' },
        E9: { value: '≥90%' },
        F9: { value: '98.99%' },
        G9: { value: 10 },
        H9: { value: 9.8, fill: { color: '#E2EFDA', pattern: 'Checker', patternColor: '#00B050', tint: -0.25, patternTint: 0.4 } },
        D10: { value: '指标2' },
        E10: { value: 0.95, numFmt: '0%' },
        F10: { error: '#DIV/0!', formula: '=E10/0' },
        G10: { value: 5 },
        H10: { value: '5' },
        D11: { value: '指标3' },
        E11: { value: '１４' },
        F11: { value: '——' },
        G11: { value: 5, numFmt: '@' },
        H11: { value: true },
        I11: { value: '#N/A' },
      },
    },
  ];
}

/** The Grid a host must produce for realisticWorkbook(), as a map of non-empty cells. */
export function expectedRealisticCells(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const sheet of realisticWorkbook()) {
    const cells: Record<string, unknown> = {};
    for (const [addr, c] of Object.entries(sheet.cells)) {
      const cell: Record<string, unknown> = { value: c.error !== undefined ? { error: c.error } : c.value ?? null };
      if (c.numFmt && c.numFmt !== 'General') cell.numFmt = c.numFmt;
      if (c.formula) cell.formula = c.formula.slice(1);
      cells[addr] = cell;
    }
    out[sheet.name] = cells;
  }
  return out;
}

/** Texts Excel shows for some cells (hosts that report `text` must give these). */
export const EXPECTED_TEXT: Record<string, Record<string, string>> = {
  附件3: { C5: '100.00', G5: '75.00%', H5: '7.50', E10: '95%', F10: '#DIV/0!', F9: '98.99%', H11: 'TRUE' },
  附件2: { B5: '110.00%' },
};

/** A Grid as a comparable map: sheet → A1 → cell without General formats or `text`. */
export function gridCells(grid: WorkbookGrid, withText = false): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of grid.sheets) {
    const cells: Record<string, unknown> = {};
    s.rows.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        const cell: Record<string, unknown> = { value: isCellError(c.value) ? { error: c.value.error } : c.value };
        if (c.numFmt && c.numFmt !== 'General') cell.numFmt = c.numFmt;
        if (c.formula !== undefined) cell.formula = c.formula;
        if (withText && c.text !== undefined) cell.text = c.text;
        cells[a1(r, col)] = cell;
      }),
    );
    out[s.name] = cells;
  }
  return out;
}

/** Turns a Grid (e.g. the synthetic 自评表) into a sheet spec for the fakes. */
export function specFromGrid(grid: WorkbookGrid): SheetSpec[] {
  return grid.sheets.map((s) => {
    const cells: Record<string, CellSpec> = {};
    s.rows.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        const spec: { value?: CellSpec['value']; error?: string; formula?: string; numFmt?: string } = {};
        if (isCellError(c.value)) spec.error = c.value.error;
        else spec.value = c.value;
        if (c.formula) spec.formula = `=${c.formula}`;
        if (c.numFmt) spec.numFmt = c.numFmt;
        cells[a1(r, col)] = spec;
      }),
    );
    const mergeList = s.merges.map((m) => (m.top === m.bottom && m.left === m.right ? a1(m.top, m.left) : `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`));
    return { name: s.name, cells, merges: mergeList };
  });
}
