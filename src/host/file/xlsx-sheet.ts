/**
 * One worksheet part, as the one-pass reader (xlsx-reader.ts) keeps it from the scan's XML
 * events: its cells as ExcelJS 4.4 parses each `<c>` (cell-xform.js, `parseClose`), its merged
 * areas, the cells with a hyperlink and whether the sheet is protected. What needs the other
 * parts (shared strings, styles, the date system) is resolved once the package has streamed.
 */
import type { SaxesTagPlain } from 'saxes';
import type { PartBuilder } from './part-scan';
import { unescapeOoxml, xmlDecodeAgain, XlsxRefusal, type RichText } from './xlsx-parts';

/** What a `<c>` holds, as ExcelJS types it before shared strings and styles are applied. */
export type CellKind = 'number' | 'string' | 'shared' | 'boolean' | 'error' | 'formula' | 'empty';

export type FormulaResult = number | string | boolean | { readonly error: string } | undefined;

/** A shared or own formula's parts (`<f>`): a cell sharing a formula may have no text. */
export interface FormulaParts {
  readonly text: string | undefined;
  readonly shareType: string | undefined;
  readonly sharedIndex: string | undefined;
  readonly ref: string | undefined;
}

/** One cell, one object of one shape (a 10,000-row form has a hundred thousand). */
export class SheetCell {
  constructor(
    /** 1-based, as ExcelJS counts. */
    readonly col: number,
    /** The `r` attribute as written (hyperlinks and shared formulas name cells by it). */
    readonly address: string | undefined,
    /** The cell style (`s`), when set and not 0. */
    readonly style: number | undefined,
    readonly kind: CellKind,
    /**
     * number: the number; string: the text or rich text; shared: the string's index; boolean,
     * error: the value; formula: its cached result; empty: undefined.
     */
    readonly value: number | string | boolean | RichText | { readonly error: string } | undefined,
    readonly formula: FormulaParts | undefined,
  ) {}
}

export interface SheetRow {
  readonly number: number;
  readonly cells: SheetCell[];
}

type TextNode = 'f' | 'v' | 't' | null;

export class SheetBuilder implements PartBuilder {
  /** Rows in document order; a row number given twice keeps the later row (ExcelJS replaces it). */
  readonly rows: SheetRow[] = [];
  readonly merges: string[] = [];
  /** Cell addresses (as written) with a hyperlink to a relationship. */
  readonly hyperlinks = new Set<string>();
  isProtected = false;
  refusal: XlsxRefusal | null = null;

  private root: boolean | null = null;
  private inSheetData = false;
  private inMergeCells = false;
  private inHyperlinks = false;
  private row: SheetRow | null = null;
  private previousCol: number | undefined;
  // The cell being read.
  private inCell = false;
  private address: string | undefined;
  private type: string | undefined;
  private style: number | undefined;
  private node: TextNode = null;
  private value: string | undefined;
  private runs: string[] | null = null;
  private inRun = false;
  private runText: string | null = null;
  private runValue: string | undefined;
  private formula: string | undefined;
  private shareType: string | undefined;
  private sharedIndex: string | undefined;
  private ref: string | undefined;

  open(tag: SaxesTagPlain): void {
    const name = tag.name;
    if (this.root === null) {
      // A prefixed root (`x:worksheet`) is one ExcelJS reads nothing from and then fails on.
      this.root = name === 'worksheet';
      if (!this.root) this.refuse('工作表部件的结构无法识别');
      return;
    }
    const a = tag.attributes;
    if (this.inCell) return this.openInCell(name, a);
    switch (name) {
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'row':
        if (!this.inSheetData) return;
        this.row = { number: parseInt(a.r ?? '', 10), cells: [] };
        // ExcelJS fails on a row without a number ("Invalid row number in model").
        if (Number.isNaN(this.row.number)) this.refuse('工作表中有行没有行号');
        this.rows.push(this.row);
        this.previousCol = undefined;
        return;
      case 'c':
        if (!this.row) return;
        this.inCell = true;
        this.address = a.r;
        this.type = a.t;
        this.style = a.s ? parseInt(a.s, 10) || undefined : undefined;
        this.node = null;
        this.value = undefined;
        this.runs = null;
        this.formula = undefined;
        this.shareType = undefined;
        this.sharedIndex = undefined;
        this.ref = undefined;
        return;
      case 'mergeCells':
        this.inMergeCells = true;
        return;
      case 'mergeCell':
        if (!this.inMergeCells) return;
        if (a.ref === undefined) return this.refuse('合并区域缺少范围');
        this.merges.push(a.ref);
        return;
      case 'hyperlinks':
        this.inHyperlinks = true;
        return;
      case 'hyperlink':
        if (this.inHyperlinks && a['r:id']) this.hyperlinks.add(String(a.ref));
        return;
      case 'sheetProtection':
        this.isProtected = a.sheet === '1';
        return;
    }
  }

  private openInCell(name: string, a: Record<string, string>): void {
    if (this.inRun) {
      if (name === 't') this.runText = '';
      return;
    }
    switch (name) {
      case 'f':
        this.node = 'f';
        this.sharedIndex = a.si;
        this.shareType = a.t;
        this.ref = a.ref;
        return;
      case 'v':
      case 't':
        this.node = name;
        return;
      case 'r':
        this.inRun = true;
        this.runValue = undefined;
        this.runText = null;
        return;
    }
  }

  text(text: string): void {
    if (!this.inCell) return;
    if (this.inRun) {
      if (this.runText !== null) this.runText += text;
      return;
    }
    if (this.node === 'f') this.formula = this.formula ? this.formula + text : text;
    else if (this.node !== null && this.runs === null) this.value = this.value ? this.value + text : text;
  }

  close(name: string): void {
    if (this.inCell) return this.closeInCell(name);
    switch (name) {
      case 'sheetData':
        this.inSheetData = false;
        return;
      case 'row':
        this.row = null;
        return;
      case 'mergeCells':
        this.inMergeCells = false;
        return;
      case 'hyperlinks':
        this.inHyperlinks = false;
        return;
    }
  }

  private closeInCell(name: string): void {
    if (this.inRun) {
      if (name === 't' && this.runText !== null) {
        this.runValue = unescapeOoxml(this.runText);
        this.runText = null;
      } else if (name === 'r') {
        this.inRun = false;
        // ExcelJS adds runs to the cell's value; text read before cannot take them.
        if (this.value !== undefined) this.refuse('单元格的格式文本结构无法识别');
        this.runs ??= [];
        this.runs.push(this.runValue ?? '');
        this.node = null;
      }
      return;
    }
    switch (name) {
      case 'f':
      case 'v':
      case 'is':
      case 't':
        this.node = null;
        return;
      case 'c':
        this.inCell = false;
        this.endCell();
        return;
    }
  }

  /** ExcelJS's `parseClose('c')` and the row's placing of the cell. */
  private endCell(): void {
    const t = this.type;
    if (this.runs !== null && !(t === 'inlineStr' && !this.formula && !this.shareType)) {
      // ExcelJS would read a number from it as NaN, or fail: not a value a form holds.
      return this.refuse('单元格的格式文本结构无法识别');
    }
    let kind: CellKind;
    let value: SheetCell['value'];
    let formula: FormulaParts | undefined;
    const v = this.value;
    if (this.formula || this.shareType) {
      kind = 'formula';
      if (v) {
        if (t === 'str') value = xmlDecodeAgain(v);
        else if (t === 'b') value = parseInt(v, 10) !== 0;
        else if (t === 'e') value = { error: v };
        else value = parseFloat(v);
      }
      formula = { text: this.formula, shareType: this.shareType, sharedIndex: this.sharedIndex, ref: this.ref };
    } else if (this.runs !== null) {
      kind = 'string';
      value = { runs: this.runs };
    } else if (v !== undefined) {
      switch (t) {
        case 's':
          kind = 'shared';
          value = parseInt(v, 10);
          break;
        case 'str':
          kind = 'string';
          value = xmlDecodeAgain(v);
          break;
        case 'inlineStr':
          kind = 'string';
          value = v;
          break;
        case 'b':
          kind = 'boolean';
          value = parseInt(v, 10) !== 0;
          break;
        case 'e':
          kind = 'error';
          value = { error: v };
          break;
        default:
          kind = 'number';
          value = parseFloat(v);
      }
    } else if (this.style) {
      kind = 'empty'; // styled but empty: ExcelJS keeps the cell, with no value
    } else {
      // Neither value nor style: a "merge" cell to ExcelJS, not placed, and not a position
      // the next cell without an address counts from.
      return;
    }
    let col: number;
    if (this.address) {
      col = columnOf(this.address);
      if (col === 0) return this.refuse('单元格地址无效');
    } else if (this.previousCol !== undefined) {
      col = this.previousCol + 1; // a `<c>` without `r` is the next column
    } else {
      return this.refuse('单元格地址无效');
    }
    this.previousCol = col;
    this.row!.cells.push(new SheetCell(col, this.address, this.style, kind, value, formula));
  }

  private refuse(detail: string): void {
    this.refusal ??= new XlsxRefusal(detail);
  }
}

/** The column of an address the scan has checked (`AB12` → 28), or 0 when it has no letters. */
function columnOf(address: string): number {
  let col = 0;
  for (let i = address.charCodeAt(0) === 36 /* $ */ ? 1 : 0; i < address.length; i++) {
    const c = address.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col;
}
