/**
 * Collects cells from either parser into the one Grid shape, so that the same content gives
 * the same Grid whether it came from ExcelJS (.xlsx) or SheetJS (.xls):
 * - empty cells (null value) are left out;
 * - cells covered by a merge, other than its top-left, are left out;
 * - the number format is kept for number cells only, and never as `General`;
 * - merges are sorted top-to-bottom, left-to-right;
 * - row and cell arrays end at the last non-empty cell.
 */
import type { Cell, RawValue, Rect, SheetGrid } from '../../grid/grid';

export class CellLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} cells`);
  }
}

/** Counts cells across every sheet of one workbook and stops the read past the limit. */
export class CellBudget {
  private used = 0;
  constructor(private readonly limit: number) {}

  spend(n = 1): void {
    this.used += n;
    if (this.used > this.limit) throw new CellLimitExceeded(this.limit);
  }

  /** Whether `n` more cells would pass the limit (nothing is spent). */
  wouldExceed(n: number): boolean {
    return this.used + n > this.limit;
  }
}

export interface CellInput {
  readonly value: RawValue | undefined;
  readonly numFmt?: string | undefined;
  readonly formula?: string | undefined;
}

export class SheetGridBuilder {
  private readonly cells = new Map<number, Map<number, Cell>>();
  private readonly merges: Rect[] = [];
  private isProtected = false;

  constructor(
    private readonly name: string,
    private readonly budget: CellBudget,
  ) {}

  setCell(row: number, col: number, input: CellInput): void {
    if (input.value === null || input.value === undefined) return;
    this.budget.spend();
    let rowCells = this.cells.get(row);
    if (!rowCells) {
      rowCells = new Map();
      this.cells.set(row, rowCells);
    }
    rowCells.set(col, makeCell(input.value, input.numFmt, input.formula));
  }

  addMerge(rect: Rect): void {
    if (rect.top === rect.bottom && rect.left === rect.right) return;
    this.merges.push(rect);
  }

  setProtected(isProtected: boolean): void {
    this.isProtected = isProtected;
  }

  build(): SheetGrid {
    for (const m of this.merges) this.clearCovered(m);
    let rowTotal = 0;
    for (const [r, rowCells] of this.cells) if (rowCells.size > 0 && r + 1 > rowTotal) rowTotal = r + 1;
    const rows: ((Cell | undefined)[] | undefined)[] = [];
    for (let r = 0; r < rowTotal; r++) rows.push(this.denseRow(r));
    const merges = [...this.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    const sheet: SheetGrid = { name: this.name, rows, merges };
    return this.isProtected ? { ...sheet, isProtected: true } : sheet;
  }

  private clearCovered(m: Rect): void {
    for (let r = m.top; r <= m.bottom; r++) {
      const rowCells = this.cells.get(r);
      if (!rowCells) continue;
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) rowCells.delete(c);
      }
    }
  }

  private denseRow(r: number): (Cell | undefined)[] | undefined {
    const rowCells = this.cells.get(r);
    if (!rowCells || rowCells.size === 0) return undefined;
    let width = 0;
    for (const c of rowCells.keys()) if (c + 1 > width) width = c + 1;
    const out: (Cell | undefined)[] = new Array<Cell | undefined>(width).fill(undefined);
    for (const [c, cell] of rowCells) out[c] = cell;
    return out;
  }
}

function makeCell(value: RawValue, numFmt: string | undefined, formula: string | undefined): Cell {
  const cell: { value: RawValue; numFmt?: string; formula?: string } = { value };
  const fmt = typeof value === 'number' ? normalizeNumFmt(numFmt) : undefined;
  if (fmt) cell.numFmt = fmt;
  if (formula) cell.formula = formula.replace(/^=/, '');
  return cell;
}

/** A number format as the Grid keeps it: never empty, never `General`. */
export function normalizeNumFmt(numFmt: string | undefined): string | undefined {
  if (!numFmt || /^general$/i.test(numFmt.trim())) return undefined;
  return numFmt;
}

/** True when some sheet holds a value other than blank text. */
export function hasContent(sheets: readonly SheetGrid[]): boolean {
  return sheets.some((s) =>
    s.rows.some((row) => row?.some((cell) => cell !== undefined && !(typeof cell.value === 'string' && cell.value.trim() === ''))),
  );
}
