/**
 * The Grid: the one plain shape every door turns a workbook into (ExcelJS, SheetJS,
 * Office.js, WPS). Everything after this point — locating tables, parsing values, rules —
 * works on Grids only, so the hosts stay thin and the engine stays pure.
 *
 * Coordinates are 0-based (row, col); addresses shown to people are A1 strings.
 */

/** An Excel error value such as `#DIV/0!`, kept apart from text that merely looks like one. */
export interface CellError {
  readonly error: string;
}

/** The value a cell holds; for a formula, its cached result. */
export type RawValue = number | string | boolean | null | CellError;

export interface Cell {
  /** The stored value (a formula's cached result). Dates arrive as their serial number. */
  readonly value: RawValue;
  /** The number format code, e.g. `0.00%`; absent or `General` when none. */
  readonly numFmt?: string;
  /** The text as the host displays it, when the host can tell us. */
  readonly text?: string;
  /** The formula without its leading `=`, when the cell has one. */
  readonly formula?: string;
}

/** An inclusive rectangle of cells, 0-based. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly name: string;
  /** Dense rows; a missing row or cell is empty. Row 0 is the sheet's row 1. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  readonly merges: readonly Rect[];
  /** Whether the sheet is protected (painting must fall back to a list). */
  readonly isProtected?: boolean;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  /**
   * A Word report's body paragraphs in document order (not those inside tables; empty ones
   * kept, so paragraph N is `paragraphs[N - 1]`). Absent for workbooks.
   */
  readonly paragraphs?: readonly string[];
}

export function cellAt(sheet: SheetGrid, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

export function rowCount(sheet: SheetGrid): number {
  return sheet.rows.length;
}

export function colCount(sheet: SheetGrid): number {
  let max = 0;
  for (const r of sheet.rows) if (r && r.length > max) max = r.length;
  return max;
}

export function isCellError(v: RawValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** `C12` → { row: 11, col: 2 }; throws on anything else (addresses are ours, not user input). */
/** Normalises an A1 address: `$h$5` → `H5`. */
export function normCell(cell: string): string {
  return cell.replace(/\$/g, '').toUpperCase();
}

/** `Sheet!A1`, the one key of a cell across findings, marks and plans. */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet}!${normCell(cell)}`;
}

export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function rectToA1(r: Rect): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

/** `B3:D5` → Rect. */
export function parseRect(range: string): Rect {
  const [from, to] = range.split(':');
  const a = parseA1(from!);
  const b = to ? parseA1(to) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Builds a sheet from a 2-D array, for tests and synthetic inputs. */
export function sheetFromArray(
  name: string,
  values: ReadonlyArray<ReadonlyArray<RawValue | Cell | undefined>>,
  merges: readonly string[] = [],
): SheetGrid {
  const rows = values.map((r) =>
    r.map((v): Cell | undefined => {
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'object' && 'value' in v) return v;
      return { value: v };
    }),
  );
  return { name, rows, merges: merges.map(parseRect) };
}
