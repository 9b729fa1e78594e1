/**
 * Reading a sheet in bulk. Per sheet: one `UsedRange.Value2` and one `UsedRange.Formula`
 * (2-D arrays); one `UsedRange.NumberFormat`, which VBA-style hosts answer with a single
 * string only when every cell shares it — otherwise (null) we bisect, columns first, and only
 * over rectangles that hold values, so a column of uniform format costs one call; and one
 * `UsedRange.MergeCells`, which is false for a sheet without merges — otherwise we bisect
 * to find the merged cells and ask each found one for its `MergeArea`.
 *
 * Cost beyond the three bulk reads: about 2 × columns + (format changes down a column) ×
 * log2(rows) NumberFormat calls, and (merged areas) × log2(cells) MergeCells calls: never
 * one call per cell of the sheet.
 */
import { boundedReadRect } from '../read-bounds';
import type { Cell, RawValue, Rect, SheetGrid } from '../../grid/grid';
import { parseRect, rectToA1 } from '../../grid/grid';
import { COM_ERRORS, get, type WpsRange, type WpsWorksheet } from './om';

/** `$A$1:$H$40`, `Sheet1!A1:H40` → `A1:H40`. */
export function plainAddress(address: string): string {
  const i = address.lastIndexOf('!');
  return (i >= 0 ? address.slice(i + 1) : address).replace(/\$/g, '').trim();
}

/** Normalises what Value2/Formula/NumberFormat return into `rows × cols` (scalar, 1-D row, 2-D). */
export function to2D(raw: unknown, rows: number, cols: number): unknown[][] {
  let grid: unknown[][];
  if (Array.isArray(raw) && raw.every((r) => Array.isArray(r))) grid = raw as unknown[][];
  else if (Array.isArray(raw)) grid = rows === 1 ? [raw] : raw.map((v) => [v]);
  else grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => raw));
  return grid;
}

/** Chinese WPS reports the General format by its local name in some builds. */
export function normalizeFormat(nf: unknown): string {
  const s = typeof nf === 'string' ? nf : 'General';
  return s === 'G/通用格式' || s === '' ? 'General' : s;
}

function rawValue(v: unknown): RawValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return COM_ERRORS.has(v) ? { error: COM_ERRORS.get(v)! } : v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'object' && v !== null && 'error' in v) return { error: String((v as { error: unknown }).error) };
  return String(v);
}

/** Prefix sums of non-empty cells, to skip empty rectangles without asking the host. */
class Occupancy {
  private readonly sums: Int32Array;
  private readonly w: number;
  constructor(filled: boolean[][], rows: number, cols: number) {
    this.w = cols + 1;
    this.sums = new Int32Array((rows + 1) * (cols + 1));
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        this.sums[(i + 1) * this.w + j + 1] =
          (filled[i]?.[j] ? 1 : 0) + this.sums[i * this.w + j + 1]! + this.sums[(i + 1) * this.w + j]! - this.sums[i * this.w + j]!;
      }
    }
  }
  /** Non-empty cells in a rect given relative to the used range. */
  count(r: Rect): number {
    const s = this.sums;
    const w = this.w;
    return s[(r.bottom + 1) * w + r.right + 1]! - s[r.top * w + r.right + 1]! - s[(r.bottom + 1) * w + r.left]! + s[r.top * w + r.left]!;
  }
}

function split(r: Rect, columnsFirst: boolean): [Rect, Rect] {
  const wide = r.right > r.left;
  const tall = r.bottom > r.top;
  if ((columnsFirst && wide) || !tall) {
    const mid = (r.left + r.right) >> 1;
    return [{ ...r, right: mid }, { ...r, left: mid + 1 }];
  }
  const mid = (r.top + r.bottom) >> 1;
  return [{ ...r, bottom: mid }, { ...r, top: mid + 1 }];
}

const shift = (r: Rect, o: Rect): Rect => ({ top: r.top + o.top, left: r.left + o.left, bottom: r.bottom + o.top, right: r.right + o.left });

/** Number formats of the non-empty cells (relative coordinates), with as few calls as the sheet allows. */
function readFormats(ws: WpsWorksheet, used: WpsRange, origin: Rect, occ: Occupancy, rows: number, cols: number): string[][] {
  const out: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  const fillRect = (r: Rect, nf: unknown) => {
    const grid = Array.isArray(nf) ? to2D(nf, r.bottom - r.top + 1, r.right - r.left + 1) : null;
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) out[i]![j] = normalizeFormat(grid ? grid[i - r.top]?.[j - r.left] : nf);
  };
  const visit = (r: Rect, nf: unknown) => {
    if (typeof nf === 'string' || Array.isArray(nf)) return fillRect(r, nf);
    if (r.top === r.bottom && r.left === r.right) return; // a single cell always answers; keep General
    for (const half of split(r, true)) {
      if (occ.count(half) === 0) continue;
      visit(half, get(ws.Range(rectToA1(shift(half, origin))), 'NumberFormat'));
    }
  };
  visit({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 }, get(used, 'NumberFormat'));
  return out;
}

const contains = (outer: Rect, inner: Rect) =>
  inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;

/** Merged areas touching the used range (absolute coordinates). */
function readMerges(ws: WpsWorksheet, used: WpsRange, origin: Rect): Rect[] {
  const found = new Map<string, Rect>();
  const covered = (r: Rect) => [...found.values()].some((m) => contains(m, r));
  const areaOf = (topLeft: Rect): Rect => parseRect(plainAddress(String(get(get<WpsRange>(ws.Range(rectToA1(topLeft)), 'MergeArea'), 'Address'))));
  const visit = (r: Rect, mc: unknown) => {
    if (mc === false || covered(r)) return;
    const tl = { top: r.top, left: r.left, bottom: r.top, right: r.left };
    if (mc === true) {
      const area = areaOf(tl);
      if (area.top !== area.bottom || area.left !== area.right) found.set(rectToA1(area), area);
      if (contains(area, r)) return;
    }
    if (r.top === r.bottom && r.left === r.right) return;
    for (const half of split(r, true)) {
      if (covered(half)) continue;
      visit(half, get(ws.Range(rectToA1(half)), 'MergeCells'));
    }
  };
  visit(origin, get(used, 'MergeCells'));
  return [...found.values()];
}


/** One worksheet → SheetGrid. */
export function readSheet(ws: WpsWorksheet, name: string): SheetGrid {
  const isProtected = !!get(ws, 'ProtectContents');
  const whole = get<WpsRange>(ws, 'UsedRange');
  const usedRect = parseRect(plainAddress(String(get(whole, 'Address'))));
  // Never more than PANE_READ_LIMITS of a used range a stray cell stretched to XFD1048576.
  const bounded = boundedReadRect(usedRect);
  if (!bounded.rect) return { name, rows: [], merges: [], isProtected };
  const used = bounded.clipped ? ws.Range(rectToA1(bounded.rect)) : whole;
  const origin = bounded.rect;
  const rows = origin.bottom - origin.top + 1;
  const cols = origin.right - origin.left + 1;
  const values = to2D(get(used, 'Value2'), rows, cols);
  const formulas = to2D(get(used, 'Formula'), rows, cols);

  const raw: RawValue[][] = [];
  const filled: boolean[][] = [];
  const formulaAt: Array<Array<string | undefined>> = [];
  let any = false;
  for (let i = 0; i < rows; i++) {
    raw.push([]);
    filled.push([]);
    formulaAt.push([]);
    for (let j = 0; j < cols; j++) {
      const v = rawValue(values[i]?.[j]);
      const f = formulas[i]?.[j];
      const formula = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
      raw[i]!.push(v);
      formulaAt[i]!.push(formula);
      const has = v !== null || formula !== undefined;
      filled[i]!.push(has);
      any ||= has;
    }
  }
  if (!any) return { name, rows: [], merges: readMerges(ws, used, origin), isProtected };

  const occ = new Occupancy(filled, rows, cols);
  const formats = readFormats(ws, used, origin, occ, rows, cols);
  const grid: Array<Array<Cell | undefined> | undefined> = new Array(origin.top).fill(undefined);
  for (let i = 0; i < rows; i++) {
    const row: Array<Cell | undefined> = new Array(origin.left).fill(undefined);
    for (let j = 0; j < cols; j++) {
      if (!filled[i]![j]) {
        row.push(undefined);
        continue;
      }
      const cell: { value: RawValue; numFmt?: string; formula?: string } = { value: raw[i]![j]! };
      cell.numFmt = formats[i]![j]!;
      const formula = formulaAt[i]![j];
      if (formula !== undefined) cell.formula = formula;
      row.push(cell);
    }
    grid.push(row);
  }
  return { name, rows: grid, merges: readMerges(ws, used, origin), isProtected };
}
