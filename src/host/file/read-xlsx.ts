/** An ExcelJS workbook → Grid (the .xlsx/.xlsm path). */
import type { Cell as ExcelCell, CellValue, Worksheet } from 'exceljs';
import { ValueType, type Workbook } from './exceljs';
import type { RawValue, SheetGrid, WorkbookGrid } from '../../grid/grid';
import { CellBudget, SheetGridBuilder } from './grid-builder';

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const UNIX_EPOCH_SERIAL = 25569;
const DATE1904_OFFSET = 1462;

export function gridFromExcelJs(workbook: Workbook, maxCells: number): WorkbookGrid {
  const budget = new CellBudget(maxCells);
  const date1904 = Boolean(workbook.properties?.date1904);
  return { sheets: workbook.worksheets.map((ws) => sheetFromExcelJs(ws, budget, date1904)) };
}

function sheetFromExcelJs(ws: Worksheet, budget: CellBudget, date1904: boolean): SheetGrid {
  const builder = new SheetGridBuilder(ws.name, budget);
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ValueType.Merge) return;
      builder.setCell(row.number - 1, Number(cell.col) - 1, {
        value: rawValue(cell.type === ValueType.Formula ? formulaResult(cell) : cell.value, date1904),
        numFmt: cell.numFmt,
        formula: formulaOf(cell),
      });
    });
  });
  for (const m of mergedRanges(ws)) builder.addMerge(m);
  builder.setProtected(isSheetProtected(ws));
  return builder.build();
}

/** `sheetProtection` is loaded from `<sheetProtection sheet="1">` but missing from the typings. */
function isSheetProtected(ws: Worksheet): boolean {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return Boolean(protection?.sheet);
}

/**
 * A formula's cached result. `cell.value` drops a falsy result (0, FALSE, '') because
 * ExcelJS copies the model with `if (value)`; `cell.result` reads the model itself.
 */
function formulaResult(cell: ExcelCell): CellValue {
  return (cell.result ?? null) as CellValue;
}

function formulaOf(cell: ExcelCell): string | undefined {
  return cell.type === ValueType.Formula ? cell.formula || undefined : undefined;
}

/** ExcelJS's many value shapes → the Grid's RawValue. */
export function rawValue(v: CellValue | undefined, date1904: boolean): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v !== 'object') return null;
  if ('error' in v && typeof v.error === 'string') return { error: v.error };
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((run) => run.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return rawValue((v as { result?: CellValue }).result, date1904);
  if ('hyperlink' in v && 'text' in v) return rawValue((v as { text: CellValue }).text, date1904);
  return null;
}

function dateToSerial(d: Date, date1904: boolean): number {
  const serial = UNIX_EPOCH_SERIAL + d.getTime() / MS_PER_DAY - (date1904 ? DATE1904_OFFSET : 0);
  // ExcelJS rounds dates to the millisecond; undo the float noise of the round trip.
  return Math.round(serial * 1e9) / 1e9;
}

interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * ExcelJS keeps merges in the private `_merges` map (1-based ranges); the public
 * `worksheet.model.merges` would serialise the whole sheet to get them.
 */
function mergedRanges(ws: Worksheet): { top: number; left: number; bottom: number; right: number }[] {
  const merges = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges ?? {};
  return Object.values(merges).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}
