/**
 * The one-pass .xlsx reader: the package scan (package-scan.ts) inflates every part once and
 * walks its XML once with saxes, counting each limit; the builders here take the same events
 * (PartBuilder) and keep what the Grid needs — cells, shared strings, number formats, merges,
 * formulas and their cached results, the sheets' order and names. Once the package has
 * streamed, and only when no limit was passed, `grid()` resolves shared strings, styles, dates
 * and shared formulas into the Grid.
 *
 * The Grid is the one ExcelJS 4.4 gave before (test/host-file/xlsx-differential.test.ts
 * compares the two on every workbook the tests have): each choice below follows how ExcelJS
 * reads the same XML, and what ExcelJS would refuse to load is refused (XlsxRefusal), so the
 * file goes to SheetJS as before. One difference on purpose: a formula's text or boolean
 * result in a date-formatted cell stays what it is (ExcelJS turned it into an invalid date,
 * read as NaN).
 */
import type { Cell, RawValue, Rect, SheetGrid } from '../../grid/grid';
import { CellBudget, normalizeNumFmt } from './grid-builder';
import { parseCellRef, type PackageListing, type PartBuilder, type PartRole } from './part-scan';
import { isDateFormat } from './xlsx-number-formats';
import { SharedStringsBuilder, StylesBuilder, WorkbookBuilder, XlsxRefusal, type RichText, type WorkbookSheet } from './xlsx-parts';
import { SheetBuilder, type FormulaResult, type SheetCell, type SheetRow } from './xlsx-sheet';
import { slideFormula } from './shared-formula';

export { XlsxRefusal } from './xlsx-parts';

/** The parts ExcelJS reads by their exact name (xlsx.js, `load`). */
const WORKBOOK = 'xl/workbook.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
/** The worksheet parts ExcelJS reads (unanchored, as it matches them). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const UNIX_EPOCH_SERIAL = 25569;
const DATE1904_OFFSET = 1462;
/** The largest time a JavaScript Date holds (ExcelJS's dates are Dates). */
const MAX_DATE_MS = 8.64e15;

export interface XlsxRead {
  readonly grid: { readonly sheets: readonly SheetGrid[] };
  /** Worksheets the Grid has, to compare with those the workbook lists. */
  readonly worksheets: number;
}

export class XlsxReader {
  private readonly workbook = new WorkbookBuilder();
  private sharedStrings: SharedStringsBuilder | null = null;
  private styles: StylesBuilder | null = null;
  /** Worksheet parts by their name in the package, in the order they streamed. */
  private readonly sheets = new Map<string, SheetBuilder>();
  private readonly styleCache = new Map<number, StyleInfo>();

  /** The builder for a part the scan is about to walk, or undefined when the Grid needs nothing from it. */
  builderFor(partName: string, role: PartRole): PartBuilder | undefined {
    const name = partName.startsWith('/') ? partName.slice(1) : partName;
    if (role === 'workbook') return name === WORKBOOK && this.workbook.begin() ? this.workbook : undefined;
    if (role === 'shared-strings' && name === SHARED_STRINGS) return (this.sharedStrings = new SharedStringsBuilder());
    if (role === 'styles' && name === STYLES) return (this.styles = new StylesBuilder());
    if (role === 'sheet' && WORKSHEET_PART.test(name)) {
      const sheet = new SheetBuilder();
      this.sheets.set(name, sheet);
      return sheet;
    }
    return undefined;
  }

  /**
   * The Grid, once every part has streamed within the limits. Throws XlsxRefusal where ExcelJS
   * would not have loaded the package, CellLimitExceeded past the cell budget.
   */
  grid(listing: PackageListing, maxCells: number): XlsxRead {
    for (const part of [this.workbook, this.sharedStrings, this.styles, ...this.sheets.values()]) if (part?.refusal) throw part.refusal;
    const budget = new CellBudget(maxCells);
    const ordered = this.worksheetsInOrder(listing);
    const sheets = ordered.map(({ name, sheet }) => this.sheetGrid(name, sheet, budget));
    return { grid: { sheets }, worksheets: sheets.length };
  }

  /**
   * The listed worksheets, named and ordered as ExcelJS's `workbook.worksheets` gives them: each
   * `<sheet>` finds its part through the workbook's relationships; a part takes the id and name
   * of the last sheet naming it; worksheets are kept by id (a later one with the same id
   * replaces the earlier, ids below 1 are dropped) and ordered by their place in the list.
   */
  private worksheetsInOrder(listing: PackageListing): { name: string; sheet: SheetBuilder }[] {
    const targets = new Map<string, string>();
    for (const r of listing.relationships) targets.set(r.id, r.target);
    const listed = this.workbook.sheets;
    const named = new Map<SheetBuilder, WorkbookSheet>();
    for (const s of listed) {
      const target = s.relId === undefined ? undefined : targets.get(s.relId);
      if (target === undefined) continue;
      const sheet = this.sheets.get(`xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
      if (sheet) named.set(sheet, s);
    }
    const byId = new Map<number, { name: string; sheet: SheetBuilder; order: number }>();
    const names: string[] = [];
    for (const sheet of this.sheets.values()) {
      const s = named.get(sheet);
      if (!s) continue;
      checkSheetName(s.name, names);
      names.push(s.name.toLowerCase());
      if (Number.isInteger(s.id) && s.id >= 1) byId.set(s.id, { name: s.name, sheet, order: listed.findIndex((x) => x.id === s.id) });
    }
    return [...byId.entries()].sort(([a], [b]) => a - b).map(([, v]) => v).sort((a, b) => a.order - b.order);
  }

  /**
   * One sheet's Grid, as SheetGridBuilder makes it from ExcelJS's cells (grid-builder.ts): empty
   * values left out, cells a merge covers removed, dense rows ending at their last cell, the
   * number format kept on numbers only. Built here straight into the rows: a long sheet's cells
   * go through no map.
   */
  private sheetGrid(name: string, sheet: SheetBuilder, budget: CellBudget): SheetGrid {
    const masters = sharedFormulaMasters(sheet.rows);
    const finalRows = new Map<number, SheetCell[]>();
    for (const row of sheet.rows) if (Number.isInteger(row.number) && row.number >= 1) finalRows.set(row.number, row.cells); // a row given again replaces it
    sheet.rows.length = 0;
    // Formula texts first (a cell sharing a formula reads its master's, in any row); then each
    // row becomes the Grid's and what was read of it is let go, so the two never peak together.
    const shared = this.sharedFormulaTexts(finalRows, masters, sheet.hyperlinks);
    const merges = nonOverlapping(sheet.merges).filter((m) => m.top !== m.bottom || m.left !== m.right);
    const mergesByRow = new Map<number, Rect[]>();
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const list = mergesByRow.get(r);
        if (list) list.push(m);
        else mergesByRow.set(r, [m]);
      }
    }
    let height = 0;
    for (const n of finalRows.keys()) height = Math.max(height, n);
    const rows = new Array<(Cell | undefined)[] | undefined>(height).fill(undefined);
    for (const [rowNumber, cells] of finalRows) {
      const out: (Cell | undefined)[] = [];
      for (const cell of cells) out[cell.col - 1] = this.gridCell(cell, sheet, shared, budget); // a column given again: the later cell
      const r = rowNumber - 1;
      for (const m of mergesByRow.get(r) ?? []) {
        for (let c = m.left; c <= Math.min(m.right, out.length - 1); c++) if (r !== m.top || c !== m.left) out[c] = undefined;
      }
      rows[r] = denseRow(out);
      finalRows.delete(rowNumber);
    }
    while (rows.length > 0 && rows[rows.length - 1] === undefined) rows.pop();
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    const grid: SheetGrid = { name, rows, merges };
    return sheet.isProtected ? { ...grid, isProtected: true } : grid;
  }

  /** The formula text of each cell that shares its master's (ExcelJS never asks a hyperlink cell's). */
  private sharedFormulaTexts(rows: ReadonlyMap<number, readonly SheetCell[]>, masters: ReadonlyMap<SheetCell, string | undefined>, hyperlinks: ReadonlySet<string>): Map<SheetCell, string | undefined> {
    const texts = new Map<SheetCell, string | undefined>();
    if (masters.size === 0) return texts;
    const formulas = new FormulaTexts(rows, masters);
    for (const [rowNumber, cells] of rows) {
      for (const cell of cells) if (masters.has(cell) && !cell.formula?.text && !hyperlinks.has(String(cell.address))) texts.set(cell, formulas.of(cell, rowNumber));
    }
    return texts;
  }

  /** The Grid cell, or undefined when the cell holds no value (it still replaces an earlier one). */
  private gridCell(cell: SheetCell, sheet: SheetBuilder, shared: ReadonlyMap<SheetCell, string | undefined>, budget: CellBudget): Cell | undefined {
    const style = this.styleOf(cell.style);
    let value: RawValue;
    let formula: string | undefined;
    if (cell.kind === 'formula') {
      const result = cell.value as FormulaResult;
      value = result === undefined ? null : typeof result === 'number' && style.isDate ? dateSerial(result, this.workbook.date1904) : (result as RawValue);
      // A hyperlink over a formula cell keeps its result only (ExcelJS makes it a link).
      if (!sheet.hyperlinks.has(String(cell.address))) formula = cell.formula?.text || shared.get(cell);
    } else {
      value = this.plainValue(cell, style);
    }
    if (value === null || value === undefined) return undefined;
    budget.spend();
    const out: { value: RawValue; numFmt?: string; formula?: string } = { value };
    if (typeof value === 'number' && style.numFmt !== undefined) out.numFmt = style.numFmt;
    if (formula) out.formula = formula.charCodeAt(0) === 61 /* = */ ? formula.slice(1) : formula;
    return out;
  }

  /** A cell style's number format as the Grid keeps it (never General), and whether it shows a date; cached per style. */
  private styleOf(id: number | undefined): StyleInfo {
    // ExcelJS skips style 0, and has no styles without styles.xml.
    if (id === undefined || !this.styles) return NO_STYLE;
    let info = this.styleCache.get(id);
    if (!info) {
      const code = this.styles.numFmtOf(id);
      info = code ? { numFmt: normalizeNumFmt(code), isDate: isDateFormat(code) } : NO_STYLE;
      this.styleCache.set(id, info);
    }
    return info;
  }

  private plainValue(cell: SheetCell, style: StyleInfo): RawValue {
    switch (cell.kind) {
      case 'number': {
        const n = cell.value as number;
        return style.isDate ? dateSerial(n, this.workbook.date1904) : n;
      }
      case 'shared': {
        const index = cell.value as number;
        // Without a shared-strings part ExcelJS keeps the index as the value.
        if (!this.sharedStrings) return index;
        const s = this.sharedStrings.strings[index];
        if (s === undefined) throw new XlsxRefusal('单元格引用了不存在的共享字符串');
        return s === null || typeof s === 'string' ? s : richText(s);
      }
      case 'string': {
        const v = cell.value as string | RichText;
        return typeof v === 'string' ? v : richText(v);
      }
      case 'boolean':
      case 'error':
        return cell.value as RawValue;
      case 'empty':
      case 'formula':
        return null;
    }
  }
}

interface StyleInfo {
  readonly numFmt: string | undefined;
  readonly isDate: boolean;
}

const NO_STYLE: StyleInfo = { numFmt: undefined, isDate: false };

/** A row's cells, dense up to its last one (SheetGridBuilder's shape), or undefined when it has none. */
function denseRow(sparse: readonly (Cell | undefined)[] | undefined): (Cell | undefined)[] | undefined {
  if (!sparse) return undefined;
  let width = sparse.length;
  while (width > 0 && sparse[width - 1] === undefined) width--;
  if (width === 0) return undefined;
  const out = new Array<Cell | undefined>(width).fill(undefined);
  for (let c = 0; c < width; c++) out[c] = sparse[c];
  return out;
}

function richText(r: RichText): string {
  return r.runs.join('');
}

/** A date cell's serial as it came back from ExcelJS's Date: rounded to the millisecond, then to 1e-9. */
function dateSerial(v: number, date1904: boolean): number {
  const offset = date1904 ? DATE1904_OFFSET : 0;
  const ms = Math.round((v - UNIX_EPOCH_SERIAL + offset) * MS_PER_DAY);
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return NaN; // an invalid Date
  const serial = UNIX_EPOCH_SERIAL + ms / MS_PER_DAY - offset;
  return Math.round(serial * 1e9) / 1e9;
}

/** ExcelJS's worksheet name rules: a name it refuses makes the whole load fail. */
function checkSheetName(name: string, earlier: readonly string[]): void {
  const bad =
    name === '' ||
    name === 'History' ||
    /[*?:/\\[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.length > 31 ||
    earlier.includes(name.toLowerCase());
  if (bad) throw new XlsxRefusal(`工作表名称“${name.length > 40 ? `${name.slice(0, 40)}…` : name}”无效或重复`);
}

/**
 * Which master each cell sharing a formula follows: ExcelJS walks every row as written (a row
 * later replaced included), a master (`ref`) taking its group's index, a follower the master
 * seen last before it.
 */
function sharedFormulaMasters(rows: readonly SheetRow[]): Map<SheetCell, string | undefined> {
  const group = new Map<string, string | undefined>();
  const masters = new Map<SheetCell, string | undefined>();
  for (const row of rows) {
    for (const cell of row.cells) {
      const f = cell.formula;
      if (!f || f.shareType !== 'shared') continue;
      if (f.ref) group.set(String(f.sharedIndex), cell.address);
      else masters.set(cell, group.get(String(f.sharedIndex)));
    }
  }
  return masters;
}

/** Formula texts: a cell's own, or its shared master's moved to it (ExcelJS's `cell.formula`). */
class FormulaTexts {
  constructor(
    private readonly rows: ReadonlyMap<number, readonly SheetCell[]>,
    private readonly masters: ReadonlyMap<SheetCell, string | undefined>,
  ) {}

  of(cell: SheetCell, rowNumber: number, depth = 0): string | undefined {
    const own = cell.formula?.text;
    if (own) return own;
    const masterAddress = this.masters.get(cell);
    if (masterAddress === undefined) return undefined;
    const at = parseCellRef(masterAddress);
    if (!at) throw new XlsxRefusal('共享公式的主单元格地址无效');
    const master = this.cellAt(at.row, at.col);
    if (!master) return undefined;
    const text = master.kind === 'formula' && depth < 1 ? this.of(master, at.row, depth + 1) : undefined;
    if (!text) throw new XlsxRefusal('共享公式的主单元格没有公式');
    return slideFormula(text, addressOf(master, at.row), addressOf(cell, rowNumber));
  }

  /** The cell a row holds at `col` (the last one given there). */
  private cellAt(row: number, col: number): SheetCell | undefined {
    const cells = this.rows.get(row);
    if (!cells) return undefined;
    for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.col === col) return cells[i];
    return undefined;
  }
}

function addressOf(cell: SheetCell, rowNumber: number): { row: number; col: number } {
  const at = cell.address ? parseCellRef(cell.address) : null;
  return at ?? { row: rowNumber, col: cell.col };
}

/**
 * The merged areas, 0-based. ExcelJS refuses a merge that touches an earlier one ("Cannot
 * merge already merged cells"), which fails the load; so does this. Sorted by top row, each
 * area is compared only with those starting above its bottom.
 */
function nonOverlapping(refs: readonly string[]): { top: number; left: number; bottom: number; right: number }[] {
  const rects = refs.map((ref) => {
    const colon = ref.indexOf(':');
    const a = parseCellRef(colon < 0 ? ref : ref.slice(0, colon));
    const b = colon < 0 ? a : parseCellRef(ref.slice(colon + 1));
    if (!a || !b) throw new XlsxRefusal('合并区域的范围无效');
    return { top: Math.min(a.row, b.row) - 1, left: Math.min(a.col, b.col) - 1, bottom: Math.max(a.row, b.row) - 1, right: Math.max(a.col, b.col) - 1 };
  });
  const byTop = [...rects].sort((x, y) => x.top - y.top);
  for (let i = 0; i < byTop.length; i++) {
    const m = byTop[i]!;
    for (let j = i + 1; j < byTop.length && byTop[j]!.top <= m.bottom; j++) {
      const o = byTop[j]!;
      if (o.left <= m.right && o.right >= m.left) throw new XlsxRefusal('合并区域相互重叠');
    }
  }
  return rects;
}
