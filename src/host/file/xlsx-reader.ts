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
import type { RawValue, WorkbookGrid, SheetGrid } from '../../grid/grid';
import { CellBudget, SheetGridBuilder } from './grid-builder';
import { parseCellRef, type PackageListing, type PartBuilder, type PartRole } from './part-scan';
import { isDateFormat } from './xlsx-number-formats';
import { SharedStringsBuilder, StylesBuilder, WorkbookBuilder, XlsxRefusal, type RichText, type WorkbookSheet } from './xlsx-parts';
import { SheetBuilder, type FormulaCell, type SheetCell, type SheetRow } from './xlsx-sheet';
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
  readonly grid: WorkbookGrid;
  /** Worksheets the Grid has, to compare with those the workbook lists. */
  readonly worksheets: number;
}

export class XlsxReader {
  private readonly workbook = new WorkbookBuilder();
  private sharedStrings: SharedStringsBuilder | null = null;
  private styles: StylesBuilder | null = null;
  /** Worksheet parts by their name in the package, in the order they streamed. */
  private readonly sheets = new Map<string, SheetBuilder>();

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

  private sheetGrid(name: string, sheet: SheetBuilder, budget: CellBudget): SheetGrid {
    const builder = new SheetGridBuilder(name, budget);
    const masters = sharedFormulaMasters(sheet.rows);
    const finalRows = new Map<number, Map<number, SheetCell>>();
    for (const row of sheet.rows) {
      if (!Number.isInteger(row.number) || row.number < 1) continue;
      const cells = new Map<number, SheetCell>();
      for (const c of row.cells) cells.set(c.col, c);
      finalRows.set(row.number, cells); // a row number given again replaces the row
    }
    const formulas = new FormulaTexts(finalRows, masters);
    for (const [rowNumber, cells] of finalRows) {
      for (const cell of cells.values()) {
        const numFmt = this.numFmtOf(cell);
        let value: RawValue;
        let formula: string | undefined;
        const p = cell.parsed;
        if (p.kind === 'formula') {
          value = resultValue(p.result, numFmt, this.workbook.date1904);
          // A hyperlink over a formula cell keeps its result only (ExcelJS makes it a link).
          if (!sheet.hyperlinks.has(String(cell.address))) formula = formulas.of(cell, rowNumber);
        } else {
          value = this.plainValue(cell, numFmt);
        }
        builder.setCell(rowNumber - 1, cell.col - 1, { value, numFmt: numFmt ?? undefined, formula });
      }
    }
    for (const m of nonOverlapping(sheet.merges)) builder.addMerge(m);
    builder.setProtected(sheet.isProtected);
    return builder.build();
  }

  /** The cell's number format; null when its style does not exist (no date then either). */
  private numFmtOf(cell: SheetCell): string | undefined | null {
    if (cell.style === undefined || !this.styles) return null;
    return this.styles.numFmtOf(cell.style);
  }

  private plainValue(cell: SheetCell, numFmt: string | undefined | null): RawValue {
    const p = cell.parsed;
    switch (p.kind) {
      case 'number':
        return isDateFormat(numFmt ?? undefined) ? dateSerial(p.value, this.workbook.date1904) : p.value;
      case 'shared': {
        // Without a shared-strings part ExcelJS keeps the index as the value.
        if (!this.sharedStrings) return p.index;
        const s = this.sharedStrings.strings[p.index];
        if (s === undefined) throw new XlsxRefusal('单元格引用了不存在的共享字符串');
        return s === null || typeof s === 'string' ? s : richText(s);
      }
      case 'string':
        return typeof p.value === 'string' ? p.value : richText(p.value);
      case 'boolean':
      case 'error':
        return p.value;
      case 'empty':
      case 'formula':
        return null;
    }
  }
}

function richText(r: RichText): string {
  return r.runs.join('');
}

function resultValue(result: FormulaCell['result'], numFmt: string | undefined | null, date1904: boolean): RawValue {
  if (result === undefined) return null;
  if (typeof result === 'number' && isDateFormat(numFmt ?? undefined)) return dateSerial(result, date1904);
  return result;
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
      const p = cell.parsed;
      if (p.kind !== 'formula' || p.shareType !== 'shared') continue;
      if (p.ref) group.set(String(p.sharedIndex), cell.address);
      else masters.set(cell, group.get(String(p.sharedIndex)));
    }
  }
  return masters;
}

/** Formula texts: a cell's own, or its shared master's moved to it (ExcelJS's `cell.formula`). */
class FormulaTexts {
  constructor(
    private readonly rows: ReadonlyMap<number, ReadonlyMap<number, SheetCell>>,
    private readonly masters: ReadonlyMap<SheetCell, string | undefined>,
  ) {}

  of(cell: SheetCell, rowNumber: number, depth = 0): string | undefined {
    const p = cell.parsed as FormulaCell;
    if (p.text) return p.text;
    const masterAddress = this.masters.get(cell);
    if (masterAddress === undefined) return undefined;
    const at = parseCellRef(masterAddress);
    if (!at) throw new XlsxRefusal('共享公式的主单元格地址无效');
    const master = this.rows.get(at.row)?.get(at.col);
    if (!master) return undefined;
    const text = master.parsed.kind === 'formula' && depth < 1 ? this.of(master, at.row, depth + 1) : undefined;
    if (!text) throw new XlsxRefusal('共享公式的主单元格没有公式');
    return slideFormula(text, addressOf(master, at.row), addressOf(cell, rowNumber));
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
