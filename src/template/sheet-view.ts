/**
 * A read-only view of one sheet that knows its merged areas, so that locating code can ask
 * "what does the cell at (r, c) show?" without caring whether (r, c) sits inside a merge.
 */
import type { Cell, Rect, SheetGrid } from './grid';
import { a1, cellAt, colCount, isCellError } from './grid';
import { compactLabel, parseCell } from '../core/value';
import type { Parsed } from '../core/value';
import type { Field } from './tables';

/**
 * A located cell. Its address and its parsed value are worked out on first use: a long
 * indicator table locates many cells (names, reasons) that no rule ever reads as figures.
 */
class CellField implements Field {
  private address: string | undefined;
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly col: number,
    private readonly source: Cell | undefined,
    private value?: Parsed,
  ) {}

  get cell(): string {
    return (this.address ??= a1(this.row, this.col));
  }

  get parsed(): Parsed {
    return (this.value ??= parseCell(this.source));
  }
}

export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** Row-major index of the merge each covered cell belongs to. */
  private readonly mergeOf = new Map<number, Rect>();
  /** Compact labels of string cells, computed once: locating asks for the same labels many times. */
  private readonly labels = new Map<number, string>();

  constructor(readonly grid: SheetGrid) {
    this.name = grid.name;
    this.rowCount = grid.rows.length;
    this.colCount = colCount(grid);
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(this.key(r, c), m);
      }
    }
  }

  private key(r: number, c: number): number {
    return r * 16384 + c;
  }

  /** The merged area covering (r, c), or the single cell. */
  area(r: number, c: number): Rect {
    return this.mergeOf.get(this.key(r, c)) ?? { top: r, left: c, bottom: r, right: c };
  }

  isTopLeft(r: number, c: number): boolean {
    const m = this.mergeOf.get(this.key(r, c));
    return !m || (m.top === r && m.left === c);
  }

  /** The cell that holds the value shown at (r, c): the merge's top-left cell. */
  cell(r: number, c: number): Cell | undefined {
    const m = this.area(r, c);
    return cellAt(this.grid, m.top, m.left);
  }

  /** Text shown at (r, c), untrimmed; '' for blanks. */
  text(r: number, c: number): string {
    const cell = this.cell(r, c);
    if (!cell || cell.value === null) return '';
    const v = cell.value;
    if (isCellError(v)) return v.error;
    return String(v);
  }

  /** Text with every space and line break removed, full-width folded: for label matching. */
  label(r: number, c: number): string {
    const m = this.area(r, c);
    const k = this.key(m.top, m.left);
    let l = this.labels.get(k);
    if (l === undefined) {
      l = compactLabel(this.text(m.top, m.left));
      this.labels.set(k, l);
    }
    return l;
  }

  /** A field: the value shown at (r, c), addressed by its merge's top-left cell. */
  field(r: number, c: number): Field {
    const m = this.area(r, c);
    return new CellField(this.name, m.top, m.left, cellAt(this.grid, m.top, m.left));
  }

  /** A field whose value is derived from a label's text (amounts typed after a colon). */
  derivedField(r: number, c: number, parsed: Parsed): Field {
    const m = this.area(r, c);
    return new CellField(this.name, m.top, m.left, undefined, parsed);
  }

  /** Top-left cells holding text, in reading order; built once, scanned by every search. */
  private textCells: Array<{ row: number; col: number }> | undefined;

  private textCellList(): Array<{ row: number; col: number }> {
    if (this.textCells) return this.textCells;
    const out: Array<{ row: number; col: number }> = [];
    this.grid.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell && typeof cell.value === 'string' && cell.value.trim() !== '' && this.isTopLeft(r, c)) out.push({ row: r, col: c });
      });
    });
    this.textCells = out;
    return out;
  }

  /** Every top-left text cell whose compact label satisfies `test`, in reading order. */
  findAll(test: (label: string) => boolean, rows?: { from: number; to: number }, limit = Infinity): Array<{ row: number; col: number }> {
    const out: Array<{ row: number; col: number }> = [];
    const from = rows?.from ?? 0;
    const to = rows?.to ?? this.rowCount - 1;
    for (const p of this.textCellList()) {
      if (p.row < from) continue;
      if (p.row > to) break;
      if (test(this.label(p.row, p.col))) {
        out.push(p);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  findFirst(test: (label: string) => boolean, rows?: { from: number; to: number }): { row: number; col: number } | undefined {
    return this.findAll(test, rows, 1)[0];
  }

  /** Whether a row shows nothing at all. */
  isBlankRow(r: number): boolean {
    const row = this.grid.rows[r];
    if (!row) return true;
    return row.every((c) => !c || c.value === null || (typeof c.value === 'string' && c.value.trim() === ''));
  }

  /** Top-left cells of the distinct areas in row r, left to right, from column `from`. */
  areasInRow(r: number, from = 0): Array<{ col: number; rect: Rect }> {
    const out: Array<{ col: number; rect: Rect }> = [];
    for (let c = from; c < this.colCount; c++) {
      const rect = this.area(r, c);
      if (rect.left !== c && c !== from) continue;
      out.push({ col: c, rect });
      c = rect.right;
    }
    return out;
  }
}
