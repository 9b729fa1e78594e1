/**
 * Measures one XML part of a package as its text streams in, with saxes (the streaming XML
 * parser ExcelJS itself reads parts with): cells, merged areas and their extent, row and cell
 * addresses, text lengths, number format lengths, and any DTD. A limit passed throws ScanStop
 * at once, so the rest of the part is never parsed. The workbook-wide counts live in
 * ScanBudget, shared by every part of one package.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { failures, type Place, type ReadFailure } from './failure';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, type ReadLimits } from './limits';

/** What a part is to ExcelJS, by its name (xlsx.js matches the same names). */
export type PartRole = 'content-types' | 'workbook' | 'workbook-rels' | 'styles' | 'shared-strings' | 'sheet' | 'other';

export class ScanStop extends Error {
  constructor(readonly failure: ReadFailure) {
    super(failure.message);
  }
}

/** The first XML error of a part, kept for the message if the parsers then fail too. */
export interface XmlProblem {
  readonly part: string;
  readonly line: number | null;
  readonly column: number | null;
}

export interface ListedSheet {
  readonly name: string;
  readonly relId: string | null;
}

export interface Relationship {
  readonly id: string;
  readonly target: string;
  readonly type: string;
  readonly external: boolean;
}

/** What the workbook, its relationships and [Content_Types] say the package holds. */
export interface PackageListing {
  readonly sheets: ListedSheet[];
  readonly relationships: Relationship[];
  /** Worksheet part names listed in [Content_Types].xml (lower case, no leading `/`). */
  readonly worksheetOverrides: string[];
}

export function emptyListing(): PackageListing {
  return { sheets: [], relationships: [], worksheetOverrides: [] };
}

/** Counts shared by every part of one package. */
export class ScanBudget {
  private cells = 0;
  constructor(
    readonly fileName: string,
    readonly limits: ReadLimits,
  ) {}

  /** Spends `n` cells; throws the failure `onExceed` builds when the workbook passes its limit. */
  spendCells(n: number, onExceed: () => ReadFailure): void {
    this.cells += n;
    if (this.cells > this.limits.maxCells) throw new ScanStop(onExceed());
  }
}

/**
 * Receives a part's XML events as the scan walks it: the one-pass reader (xlsx-reader.ts) builds
 * the Grid from the very events the limits are counted on. Text comes without CDATA sections,
 * which ExcelJS (whose reading the Grid keeps) never read either.
 */
export interface PartBuilder {
  open(tag: SaxesTagPlain): void;
  text(text: string): void;
  close(name: string): void;
}

/** Characters of a part with nothing to measure fed to saxes at a time (see write). */
const PROLOG_SLICE = 512;

/** Feeds one part's text to saxes and checks what the part's role calls for. */
export class PartScanner {
  private readonly parser: SaxesParser<{ xmlns: false; position: boolean }>;
  private readonly name = localName;
  private problem: XmlProblem | null = null;
  /** Set once the root element of a part with nothing to measure has opened: stop parsing. */
  private done = false;
  private inText = false;
  private inSheetData = false;
  private row = 0;
  private cellRef: string | undefined;
  private merges = 0;
  private sharedLength = 0;

  constructor(
    private readonly part: string,
    private readonly role: PartRole,
    private readonly budget: ScanBudget,
    private readonly listing: PackageListing,
    /** The sheet's name, when the workbook's listing was read before this part. */
    private readonly sheetName: string | undefined,
    /** False when the part is too short to hold a text past the limit (package-scan.ts). */
    { measureTexts = true, builder }: { readonly measureTexts?: boolean; readonly builder?: PartBuilder } = {},
  ) {
    // Only parts with text to measure (or a builder) get text and close-tag handlers: saxes
    // then skips the calls, and the scan stays cheap on parts nothing is read from.
    const measuresText = measureTexts && (role === 'sheet' || role === 'shared-strings');
    // No position tracking: it costs a good part of the parse; an XML error is reported by part.
    this.parser = new SaxesParser({ xmlns: false, position: false });
    this.parser.on('doctype', () => this.stop(failures.doctype(this.budget.fileName, this.place())));
    this.parser.on('error', (e) => this.noteProblem(e));
    if (builder) {
      // Measured first: a limit passed stops the part before the builder sees the element.
      this.parser.on('opentag', (tag) => {
        this.open(tag);
        builder.open(tag);
      });
      this.parser.on('closetag', (tag) => {
        if (measuresText) this.close(tag);
        builder.close(tag.name);
      });
      this.parser.on('text', (text) => {
        if (measuresText) this.text(text);
        builder.text(text);
      });
      if (measuresText) this.parser.on('cdata', (text) => this.text(text));
    } else {
      this.parser.on('opentag', (tag) => this.open(tag));
      if (measuresText) {
        this.parser.on('closetag', (tag) => this.close(tag));
        this.parser.on('text', (text) => this.text(text));
        this.parser.on('cdata', (text) => this.text(text));
      }
    }
  }

  /** The part's next text. Throws ScanStop when a limit is passed. */
  write(text: string): void {
    if (this.done || text.length === 0) return;
    if (this.role !== 'other') return void this.parser.write(text);
    // Only the prolog matters here: fed a little at a time, the parse stops at the root element
    // instead of reading a whole theme or drawing.
    for (let at = 0; at < text.length && !this.done; at += PROLOG_SLICE) this.parser.write(text.slice(at, at + PROLOG_SLICE));
  }

  /** The end of the part; returns its first XML error, if any. */
  end(): XmlProblem | null {
    if (!this.done) this.parser.close();
    return this.problem;
  }

  private place(cell?: string): Place {
    return this.sheetName !== undefined ? { sheet: this.sheetName, cell } : { part: this.part, cell };
  }

  private stop(failure: ReadFailure): never {
    throw new ScanStop(failure);
  }

  private noteProblem(e: Error): void {
    // saxes reports `file:line:column: message`; keep the position only (the text is English).
    const m = /^(?:[^:]*:)?(\d{1,9}):(\d{1,9}): /.exec(e.message);
    this.problem ??= { part: this.part, line: m ? Number(m[1]) : null, column: m ? Number(m[2]) : null };
  }

  private open(tag: SaxesTagPlain): void {
    const local = this.name(tag.name);
    const a = tag.attributes;
    switch (this.role) {
      case 'other':
        // Only the prolog matters (a DTD must come before the root element).
        this.done = true;
        return;
      case 'content-types':
        if (local === 'Override' && (a.ContentType ?? '').includes('worksheet+xml')) {
          this.listing.worksheetOverrides.push(partKey(a.PartName ?? ''));
        }
        return;
      case 'workbook':
        if (local === 'sheet') this.listing.sheets.push({ name: a.name ?? '', relId: relIdOf(a) });
        return;
      case 'workbook-rels':
        if (local === 'Relationship') {
          this.listing.relationships.push({
            id: a.Id ?? '',
            target: a.Target ?? '',
            type: a.Type ?? '',
            external: a.TargetMode === 'External',
          });
        }
        return;
      case 'styles':
        if (local === 'numFmt') {
          const code = a.formatCode ?? '';
          if (code.length > this.budget.limits.maxNumberFormatLength) {
            this.stop(failures.numberFormatTooLong(this.budget.fileName, code.length, this.budget.limits.maxNumberFormatLength));
          }
        }
        return;
      case 'shared-strings':
        if (local === 'si') this.sharedLength = 0;
        else if (local === 't') this.inText = true;
        return;
      case 'sheet':
        this.openInSheet(local, a);
        return;
    }
  }

  private openInSheet(local: string, a: Record<string, string>): void {
    switch (local) {
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'dimension':
        this.checkRange(a.ref ?? '');
        return;
      case 'row': {
        const r = a.r === undefined ? this.row + 1 : rowNumber(a.r);
        if (r === null || r < 1 || r > EXCEL_MAX_ROWS) this.stop(failures.outsideGrid(this.budget.fileName, this.place(), `第 ${shortRef(a.r ?? '')} 行`));
        this.row = r;
        return;
      }
      case 'c':
        if (!this.inSheetData) return;
        this.cellRef = a.r;
        if (a.r !== undefined && parseCellRef(a.r) === null) this.stop(failures.outsideGrid(this.budget.fileName, this.place(), shortRef(a.r)));
        this.budget.spendCells(1, () => failures.tooManyCells(this.budget.fileName, this.budget.limits.maxCells));
        return;
      case 'v':
      case 't':
      case 'f':
        this.inText = true;
        return;
      case 'mergeCell':
        this.merge(a.ref ?? '');
        return;
    }
  }

  private merge(ref: string): void {
    const { fileName, limits } = this.budget;
    this.merges++;
    if (this.merges > limits.maxMergesPerSheet) this.stop(failures.tooManyMerges(fileName, this.place(), limits.maxMergesPerSheet));
    const area = this.checkRange(ref);
    // ExcelJS creates every cell a merge covers: the covered cells come out of the cell budget.
    this.budget.spendCells(area, () =>
      area > limits.maxCells / 10
        ? failures.mergeTooLarge(fileName, this.place(), shortRef(ref), area, limits.maxCells)
        : failures.tooManyCells(fileName, limits.maxCells),
    );
  }

  /** Cells in `A1:B2` (or `A1`); a range outside Excel's grid or unreadable is damage. */
  private checkRange(ref: string): number {
    const area = rangeArea(ref);
    if (area === null) this.stop(failures.outsideGrid(this.budget.fileName, this.place(), shortRef(ref)));
    return area;
  }

  private close(tag: SaxesTagPlain): void {
    const local = this.name(tag.name);
    if (local === 'sheetData') this.inSheetData = false;
    if (local === 'v' || local === 't' || local === 'f') this.inText = false;
  }

  private text(text: string): void {
    if (!this.inText) return;
    const { fileName, limits } = this.budget;
    if (this.role === 'shared-strings') {
      this.sharedLength += text.length; // rich text: the runs of one string add up
      if (this.sharedLength > limits.maxStringLength) this.stop(failures.stringTooLong(fileName, { part: this.part }, this.sharedLength, limits.maxStringLength));
    } else if (text.length > limits.maxStringLength) {
      this.stop(failures.stringTooLong(fileName, this.place(this.cellRef && shortRef(this.cellRef)), text.length, limits.maxStringLength));
    }
  }
}

function localName(qname: string): string {
  if (qname.length < 3) return qname; // `c`, `v`, `f`, `t`, `si`: the hot unprefixed names
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** `r:id` under whatever prefix the writer bound to the relationships namespace. */
function relIdOf(a: Record<string, string>): string | null {
  for (const [k, v] of Object.entries(a)) if (k.endsWith(':id')) return v;
  return null;
}

/** `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`: part names compare case-insensitively. */
export function partKey(name: string): string {
  return (name.startsWith('/') ? name.slice(1) : name).toLowerCase();
}

/** An address as shown in a message: long attribute values are cut. */
function shortRef(ref: string): string {
  return ref.length > 40 ? `${ref.slice(0, 40)}…` : ref;
}

function rowNumber(s: string): number | null {
  if (s.length === 0 || s.length > 9) return null;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n;
}

/** `$B$12` → { row: 12, col: 2 } (1-based), or null when it is not an address inside Excel's grid. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  if (ref.length > 16) return null;
  let i = 0;
  if (ref[i] === '$') i++;
  let col = 0;
  const start = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === start || i - start > 3) return null;
  if (ref[i] === '$') i++;
  const row = rowNumber(ref.slice(i));
  if (row === null || row < 1 || row > EXCEL_MAX_ROWS || col > EXCEL_MAX_COLUMNS) return null;
  return { row, col };
}

/** Cells in a range `A1:B2` or a single cell; null when either corner is not a grid address. */
export function rangeArea(ref: string): number | null {
  const colon = ref.indexOf(':');
  const a = parseCellRef(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : parseCellRef(ref.slice(colon + 1));
  if (!a || !b) return null;
  return (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
}
