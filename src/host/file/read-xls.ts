/** A SheetJS workbook → Grid (the .xls path, and HTML/XML saved as .xls). */
import type * as XLSX from '@e965/xlsx';
import { sheetjs } from './sheetjs';
import type { RawValue, SheetGrid, WorkbookGrid } from '../../grid/grid';
import { CellBudget, SheetGridBuilder } from './grid-builder';
import type { ReadLimits } from './limits';

/** BIFF error codes, for cells that carry no formatted text. */
const ERROR_CODES: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** Options for XLSX.read that give the Grid what it needs and nothing more. */
export const SHEETJS_READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  cellNF: true,
  cellFormula: true,
  cellDates: false,
  cellHTML: false,
  cellStyles: false,
};

/**
 * The read options with the limits SheetJS can apply while it parses: `dense` storage (arrays,
 * not one key per cell) and `sheetRows`, one past the row limit, so that a sheet that goes on
 * is cut while parsing and then refused (sheetCutAtRowLimit) rather than built in full.
 */
export function sheetJsReadOptions(limits: Pick<ReadLimits, 'maxXlsRows'>): XLSX.ParsingOptions {
  return { ...SHEETJS_READ_OPTIONS, dense: true, sheetRows: limits.maxXlsRows + 1 };
}

/**
 * The first sheet with more rows than the limit, or null. SheetJS stops at `sheetRows`
 * (limit + 1) and keeps the full range in `!fullref` for BIFF; for HTML it only stops, so a
 * sheet that reached limit + 1 rows went past the limit either way.
 */
export function sheetCutAtRowLimit(workbook: XLSX.WorkBook, maxRows: number): string | null {
  for (const name of workbook.SheetNames) {
    const ws = workbook.Sheets[name];
    for (const ref of [ws?.['!fullref'], ws?.['!ref']]) {
      if (typeof ref === 'string' && sheetjs().utils.decode_range(ref).e.r + 1 > maxRows) return name;
    }
  }
  return null;
}

/**
 * A sheet's merged areas past the limits an .xlsx is held to (package-scan.ts): more merges than
 * maxMergesPerSheet, or one merge covering more cells than the cell limit leaves. Checked before
 * any merge reaches the Grid, whose builder walks every row a merge covers.
 */
export class MergeLimitExceeded extends Error {
  constructor(
    readonly sheet: string,
    /** The merge too large (`A1:XFD1048576`), or null when there are too many merges. */
    readonly ref: string | null,
    readonly cells: number,
  ) {
    super('merge limit');
  }
}

export function gridFromSheetJs(workbook: XLSX.WorkBook, maxCells: number, maxMerges: number = Number.POSITIVE_INFINITY): WorkbookGrid {
  const budget = new CellBudget(maxCells);
  const sheets: SheetGrid[] = [];
  for (const name of workbook.SheetNames) {
    const ws = workbook.Sheets[name];
    if (!ws || ws['!type'] === 'chart') continue;
    sheets.push(sheetFromSheetJs(name, ws, budget, maxMerges));
  }
  return { sheets };
}

function sheetFromSheetJs(name: string, ws: XLSX.WorkSheet, budget: CellBudget, maxMerges: number): SheetGrid {
  const builder = new SheetGridBuilder(name, budget);
  const merges = ws['!merges'] ?? [];
  if (merges.length > maxMerges) throw new MergeLimitExceeded(name, null, merges.length);
  // Each merge counts the cells it covers, as in an .xlsx (ExcelJS makes them all in a copy).
  for (const m of merges) {
    const covered = (m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1) - 1;
    if (covered > 0 && budget.wouldExceed(covered)) throw new MergeLimitExceeded(name, sheetjs().utils.encode_range(m), covered + 1);
    budget.spend(covered);
  }
  for (const { row, col, cell } of eachCell(ws)) {
    builder.setCell(row, col, { value: rawValue(cell), numFmt: typeof cell.z === 'string' ? cell.z : undefined, formula: cell.f });
  }
  for (const m of merges) builder.addMerge({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c });
  builder.setProtected(Boolean(ws['!protect']));
  return builder.build();
}

/** Every stored cell of a sparse or dense SheetJS sheet. */
function* eachCell(ws: XLSX.WorkSheet): Generator<{ row: number; col: number; cell: XLSX.CellObject }> {
  const dense = (ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'];
  if (dense) {
    for (let r = 0; r < dense.length; r++) {
      const row = dense[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell) yield { row: r, col: c, cell };
      }
    }
    return;
  }
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const { r, c } = sheetjs().utils.decode_cell(key);
    yield { row: r, col: c, cell: ws[key] as XLSX.CellObject };
  }
}

export function rawValue(cell: XLSX.CellObject): RawValue {
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : null;
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'e':
      return { error: errorText(cell) };
    case 'd':
      return cell.v instanceof Date ? dateToSerial(cell.v) : null;
    default:
      return null;
  }
}

function errorText(cell: XLSX.CellObject): string {
  if (typeof cell.w === 'string' && cell.w.startsWith('#')) return cell.w;
  return typeof cell.v === 'number' ? (ERROR_CODES[cell.v] ?? '#VALUE!') : '#VALUE!';
}

function dateToSerial(d: Date): number {
  return 25569 + d.getTime() / 86400000;
}
