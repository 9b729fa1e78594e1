/**
 * What the one-pass reader (xlsx-reader.ts) keeps of the small parts of a package, read from
 * the scan's own XML events (PartBuilder): the workbook's sheet list and date system, the shared
 * strings, and each cell style's number format. Each follows how ExcelJS 4.4 reads the same
 * element, since the Grid stays what it was when ExcelJS built it (element names unprefixed, as
 * ExcelJS matches them; a package it would refuse is refused here too: XlsxRefusal).
 */
import type { SaxesTagPlain } from 'saxes';
import type { PartBuilder } from './part-scan';
import { builtInFormat } from './xlsx-number-formats';

/** Something ExcelJS would have refused to load: the file then goes to SheetJS, as before. */
export class XlsxRefusal extends Error {
  /** The reason, in Chinese, for the message when SheetJS cannot read the file either. */
  constructor(readonly detail: string) {
    super(detail);
  }
}

/** A rich text: its runs' texts (a run without text counts as empty). */
export interface RichText {
  readonly runs: readonly string[];
}

/** `_x000D_` and the like (an escaped character in OOXML text) → the character, as ExcelJS reads `<t>`. */
export function unescapeOoxml(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** ExcelJS decodes the five XML entities once more in some attributes and `str` values. */
export function xmlDecodeAgain(text: string): string {
  return text.indexOf('&') < 0
    ? text
    : text.replace(/&([a-z]*);/g, (c) => {
        switch (c) {
          case '&lt;':
            return '<';
          case '&gt;':
            return '>';
          case '&amp;':
            return '&';
          case '&apos;':
            return "'";
          case '&quot;':
            return '"';
          default:
            return c;
        }
      });
}

export interface WorkbookSheet {
  readonly name: string;
  /** `sheetId`: ExcelJS keys its worksheets by it (NaN when missing). */
  readonly id: number;
  readonly relId: string | undefined;
}

/** xl/workbook.xml: `<sheet>` elements in order and `<workbookPr date1904>`. */
export class WorkbookBuilder implements PartBuilder {
  readonly sheets: WorkbookSheet[] = [];
  date1904 = false;
  refusal: XlsxRefusal | null = null;
  private read = false;

  /** The listing may be read twice (first alone, then in the stream when that failed): once counts. */
  begin(): boolean {
    if (this.read) return false;
    this.read = true;
    return true;
  }

  open(tag: SaxesTagPlain): void {
    const a = tag.attributes;
    if (tag.name === 'sheet') {
      if (a.name === undefined) this.refusal ??= new XlsxRefusal('工作簿中有工作表没有名称');
      this.sheets.push({ name: xmlDecodeAgain(a.name ?? ''), id: parseInt(a.sheetId ?? '', 10), relId: a['r:id'] });
    } else if (tag.name === 'workbookPr') {
      this.date1904 = a.date1904 === '1';
    }
  }

  text(): void {}
  close(): void {}
}

/** A shared string: text, rich text, or `<si>` with neither (ExcelJS then gives no value). */
export type SharedString = string | RichText | null;

/** xl/sharedStrings.xml, as ExcelJS's SharedStringsXform reads it. */
export class SharedStringsBuilder implements PartBuilder {
  readonly strings: SharedString[] = [];
  refusal: XlsxRefusal | null = null;
  private current: SharedString | undefined;
  private runs: string[] | null = null;
  /** Inside `<r>`: its `<t>` text so far; inside `<rPh>` (phonetic guide): ignored. */
  private inRun = false;
  private inPhonetic = false;
  private text_: string | null = null;
  private runText: string | undefined;

  open(tag: SaxesTagPlain): void {
    const name = tag.name;
    if (this.current === undefined) {
      if (name === 'si') {
        this.current = null;
        this.runs = null;
      } else if (name !== 'sst') {
        this.refusal ??= new XlsxRefusal('共享字符串部件的结构无法识别');
      }
      return;
    }
    if (this.inPhonetic) return;
    if (name === 'rPh') this.inPhonetic = true;
    else if (name === 'r' && !this.inRun) {
      this.inRun = true;
      this.runText = undefined;
    } else if (name === 't') this.text_ = '';
  }

  text(text: string): void {
    if (this.text_ !== null && !this.inPhonetic) this.text_ += text;
  }

  close(name: string): void {
    if (this.current === undefined) return;
    if (this.inPhonetic) {
      if (name === 'rPh') this.inPhonetic = false;
      return;
    }
    if (name === 't' && this.text_ !== null) {
      const t = unescapeOoxml(this.text_);
      this.text_ = null;
      if (this.inRun) this.runText = t;
      else {
        this.current = t;
        this.runs = null;
      }
    } else if (name === 'r' && this.inRun) {
      this.inRun = false;
      // ExcelJS adds runs to the string's model; a plain text read before cannot take them.
      if (typeof this.current === 'string') this.refusal ??= new XlsxRefusal('共享字符串的格式文本结构无法识别');
      this.runs ??= [];
      this.runs.push(this.runText ?? '');
      this.current = { runs: this.runs };
    } else if (name === 'si') {
      this.strings.push(this.current);
      this.current = undefined;
    }
  }
}

/** xl/styles.xml: custom number formats and each cell style's `numFmtId` (`<cellXfs>` only). */
export class StylesBuilder implements PartBuilder {
  private readonly custom = new Map<number, string>();
  private readonly xfs: number[] = [];
  private root: boolean | null = null;
  private inNumFmts = false;
  private inCellXfs = false;
  refusal: XlsxRefusal | null = null;

  open(tag: SaxesTagPlain): void {
    if (this.root === null) this.root = tag.name === 'styleSheet';
    const a = tag.attributes;
    switch (tag.name) {
      case 'numFmts':
        this.inNumFmts = true;
        return;
      case 'cellXfs':
        this.inCellXfs = true;
        return;
      case 'numFmt':
        if (!this.inNumFmts) return;
        if (a.formatCode === undefined) this.refusal ??= new XlsxRefusal('数字格式缺少格式代码');
        // ExcelJS drops each backslash escape (`0.0\%` → `0.0%`).
        this.custom.set(parseInt(a.numFmtId ?? '', 10), (a.formatCode ?? '').replace(/[\\](.)/g, '$1'));
        return;
      case 'xf':
        if (this.inCellXfs) this.xfs.push(parseInt(a.numFmtId ?? '', 10));
        return;
    }
  }

  text(): void {}

  close(name: string): void {
    if (name === 'numFmts') this.inNumFmts = false;
    else if (name === 'cellXfs') this.inCellXfs = false;
  }

  /**
   * The number format of cell style `id` (a cell's `s`, never 0: ExcelJS skips style 0), or
   * undefined when it has none; null when the style does not exist.
   */
  numFmtOf(id: number): string | undefined | null {
    // ExcelJS's styles model has no style list when the part has none (or another root element).
    if (!this.root || this.xfs.length === 0) throw new XlsxRefusal('单元格引用了不存在的样式表');
    const numFmtId = this.xfs[id];
    if (numFmtId === undefined) return null;
    if (!numFmtId) return undefined;
    return this.custom.get(numFmtId) || builtInFormat(numFmtId);
  }
}
