/**
 * The reference for the one-pass .xlsx reader (src/host/file/xlsx-reader.ts): how the file door
 * read a package until issue 26 — the limits scan, then ExcelJS loading the package and this
 * builder turning its workbook into a Grid, SheetJS when ExcelJS refused it or read fewer
 * worksheets than the workbook lists. test/host-file/xlsx-differential.test.ts compares the
 * two on every workbook the tests have.
 */
import ExcelJS, { type Cell as ExcelCell, type CellValue, type Workbook, type Worksheet } from 'exceljs';
import * as XLSX from '@e965/xlsx';
import type { RawValue, SheetGrid, WorkbookGrid } from '../../src/grid/grid';
import { CellBudget, SheetGridBuilder } from '../../src/host/file/grid-builder';
import { DEFAULT_READ_LIMITS } from '../../src/host/file/limits';
import { scanPackage } from '../../src/host/file/package-scan';
import { gridFromSheetJs, sheetJsReadOptions } from '../../src/host/file/read-xls';
import { loadSheetJs } from '../../src/host/file/sheetjs';

const { ValueType } = ExcelJS;

/** What the ExcelJS path made of a package: a Grid, a refusal by the scan, or a hand-over to SheetJS. */
export type ExcelJsRead = { readonly kind: 'grid'; readonly grid: WorkbookGrid } | { readonly kind: 'refused'; readonly reason: string } | { readonly kind: 'sheetjs'; readonly why: string };

export async function readThroughExcelJs(bytes: Uint8Array, fileName: string): Promise<ExcelJsRead> {
  const scan = scanPackage(bytes, fileName, DEFAULT_READ_LIMITS);
  if (!scan.ok) return { kind: 'refused', reason: scan.reason };
  const workbook = new ExcelJS.Workbook();
  const quiet = jestQuiet();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    return { kind: 'sheetjs', why: e instanceof Error ? e.message : String(e) };
  } finally {
    quiet();
  }
  if (workbook.worksheets.length < scan.listedWorksheets) return { kind: 'sheetjs', why: 'fewer worksheets' };
  try {
    return { kind: 'grid', grid: gridFromExcelJs(workbook, DEFAULT_READ_LIMITS.maxCells) };
  } catch (e) {
    return { kind: 'refused', reason: `corrupt: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The Grid SheetJS reads from a package (what the door gives when ExcelJS, or the new reader, refuses it). */
export async function readThroughSheetJs(bytes: Uint8Array): Promise<WorkbookGrid> {
  await loadSheetJs();
  return gridFromSheetJs(XLSX.read(bytes, sheetJsReadOptions(DEFAULT_READ_LIMITS)), DEFAULT_READ_LIMITS.maxCells);
}

/** ExcelJS warns on the console (long sheet names): silenced while it loads. */
function jestQuiet(): () => void {
  const saved = console.warn;
  console.warn = () => undefined;
  return () => {
    console.warn = saved;
  };
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const UNIX_EPOCH_SERIAL = 25569;
const DATE1904_OFFSET = 1462;

export function gridFromExcelJs(workbook: Workbook, maxCells: number): WorkbookGrid {
  const budget = new CellBudget(maxCells);
  const date1904 = Boolean(workbook.properties?.date1904);
  return { sheets: workbook.worksheets.map((ws: Worksheet) => sheetFromExcelJs(ws, budget, date1904)) };
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
