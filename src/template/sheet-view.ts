/**
 * A read-only view of one sheet that knows its merged areas, so that locating code can ask
 * "what does the cell at (r, c) show?" without caring whether (r, c) sits inside a merge.
 */
import type { Cell, Rect, SheetGrid } from '../grid/grid';
import { a1, cellAt, colCount, isCellError } from '../grid/grid';
import { compactLabel, parseCell } from '../values/value';
import type { Parsed } from '../values/value';
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

  get formula(): string | undefined {
    return this.source?.formula;
  }
}

export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** Per column, the merges covering it, sorted by top row (merges never overlap). */
  private readonly mergesByCol = new Map<number, Rect[]>();
  /** Compact labels of string cells, computed once: locating asks for the same labels many times. */
  private readonly labels = new Map<number, string>();

  constructor(readonly grid: SheetGrid) {
    this.name = grid.name;
    this.rowCount = grid.rows.length;
    this.colCount = colCount(grid);
    // Indexed by column, not by covered cell: a merge spanning 10,000 rows costs one entry.
    for (const m of grid.merges) {
      for (let c = m.left; c <= m.right; c++) {
        const list = this.mergesByCol.get(c) ?? [];
        list.push(m);
        this.mergesByCol.set(c, list);
      }
    }
    for (const list of this.mergesByCol.values()) list.sort((a, b) => a.top - b.top);
  }

  /** The merge covering (r, c), if any: a binary search in its column. */
  private mergeAt(r: number, c: number): Rect | undefined {
    const list = this.mergesByCol.get(c);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = list[mid]!;
      if (m.top > r) hi = mid - 1;
      else if (m.bottom < r) lo = mid + 1;
      else return m;
    }
    return undefined;
  }

  private key(r: number, c: number): number {
    return r * 16384 + c;
  }

  /** The merged area covering (r, c), or the single cell. */
  area(r: number, c: number): Rect {
    return this.mergeAt(r, c) ?? { top: r, left: c, bottom: r, right: c };
  }

  isTopLeft(r: number, c: number): boolean {
    const m = this.mergeAt(r, c);
    return !m || (m.top === r && m.left === c);
  }

  /** The cell that holds the value shown at (r, c): the merge's top-left cell. */
  cell(r: number, c: number): Cell | undefined {
    const m = this.mergeAt(r, c);
    return m ? cellAt(this.grid, m.top, m.left) : cellAt(this.grid, r, c);
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
    const m = this.mergeAt(r, c);
    const top = m ? m.top : r;
    const left = m ? m.left : c;
    const k = this.key(top, left);
    let l = this.labels.get(k);
    if (l === undefined) {
      l = compactLabel(this.text(top, left));
      this.labels.set(k, l);
    }
    return l;
  }

  /** A field: the value shown at (r, c), addressed by its merge's top-left cell. */
  field(r: number, c: number): Field {
    const m = this.mergeAt(r, c);
    const top = m ? m.top : r;
    const left = m ? m.left : c;
    return new CellField(this.name, top, left, cellAt(this.grid, top, left));
  }

  /** A field whose value is derived from a label's text (amounts typed after a colon). */
  derivedField(r: number, c: number, parsed: Parsed): Field {
    const m = this.area(r, c);
    return new CellField(this.name, m.top, m.left, undefined, parsed);
  }

  /**
   * Top-left cells holding text, in reading order, as packed keys, with their compact labels
   * beside them: built once, then every search is one pass over two arrays (locating asks
   * dozens of questions of the same long sheet).
   */
  private textCells: { readonly keys: number[]; readonly labels: string[] } | undefined;

  private textCellIndex(): { readonly keys: number[]; readonly labels: string[] } {
    if (this.textCells) return this.textCells;
    const keys: number[] = [];
    const labels: string[] = [];
    this.grid.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell && typeof cell.value === 'string' && cell.value.trim() !== '' && this.isTopLeft(r, c)) {
          keys.push(this.key(r, c));
          labels.push(this.label(r, c));
        }
      });
    });
    this.textCells = { keys, labels };
    return this.textCells;
  }

  /** Every top-left text cell whose compact label satisfies `test`, in reading order. */
  findAll(test: (label: string) => boolean, rows?: { from: number; to: number }, limit = Infinity): Array<{ row: number; col: number }> {
    const out: Array<{ row: number; col: number }> = [];
    const { keys, labels } = this.textCellIndex();
    const to = rows?.to ?? this.rowCount - 1;
    for (let i = rows ? firstAtOrAfter(keys, rows.from * 16384) : 0; i < keys.length; i++) {
      const k = keys[i]!;
      const row = Math.floor(k / 16384);
      if (row > to) break;
      if (test(labels[i]!)) {
        out.push({ row, col: k - row * 16384 });
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

/** The index of the first key ≥ `key` in ascending `keys` (binary search). */
function firstAtOrAfter(keys: readonly number[], key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
