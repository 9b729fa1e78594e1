/**
 * A Word report (.docx) → Grid, as docs/contract.md says: every table is a sheet named by the text of
 * the body paragraph just above it (trimmed), or `表N` (N = the table's 1-based position in the
 * document) where that paragraph is empty or missing; cells are A1 addresses in the table's grid
 * (w:tblGrid), a horizontal span (w:gridSpan) and a vertical merge (w:vMerge) become merged areas
 * with the text in the top-left cell, and cell text is kept as typed (`98.99%`, `≥90%`, `９.３３亿元`)
 * for the value parser. The body's own paragraphs (not those inside tables; empty ones counted)
 * become the Grid's `paragraphs`, which the narrative rule compares with the tables.
 *
 * Layout quirks of real reports, handled rather than misread:
 * * a table split across pages into two tables, the second starting with a copy of a row of the
 *   first (its header row) and nothing but empty paragraphs between them, is read as one sheet,
 *   the copied row(s) dropped;
 * * header rows repeated inside a table (pasted from a printed copy) after the rows Word marks as
 *   header (w:tblHeader) are dropped;
 * * a table nested in a cell is a sheet of its own, after its outer table; the outer cell keeps
 *   the cell's own text only.
 * Dropped rows are named in `notes`, so the doors can say what was read.
 *
 * The package is unzipped by fflate with a cap on the inflated size of document.xml (the size is
 * counted as it inflates, never taken from the zip headers) and parsed by @xmldom/xmldom, which
 * runs the same in Node and in the page's worker. A part with a DOCTYPE is refused (no entity
 * expansion is ever attempted).
 */
import { DOMParser } from '@xmldom/xmldom';
import { Unzip, type UnzipFile } from 'fflate';
import { partInflater } from './part-inflate';
import { PartTooLarge } from './part-too-large';
import { joinChunks, pushInSlices } from './unzip-slices';
import type { Cell, Rect, SheetGrid, WorkbookGrid } from '../../grid/grid';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export const DOCUMENT_PART = 'word/document.xml';

export interface DocxLimits {
  /** Largest inflated word/document.xml accepted, in bytes. */
  readonly maxDocumentBytes: number;
  /**
   * Most table cells accepted across the document, counted on the grid the tables describe:
   * every grid column a cell spans (w:gridSpan), the columns a row skips before and after its
   * cells (w:gridBefore, w:gridAfter) and the columns of w:tblGrid a short row is padded to — so
   * a 26 KB document cannot ask for millions of cells with a few spans.
   */
  readonly maxCells: number;
  /** Most merged areas (spans and vertical merges) in one table, as in one sheet of an .xlsx. */
  readonly maxMergesPerTable: number;
}

export type DocxRead =
  | { readonly ok: true; readonly grid: WorkbookGrid; readonly notes: readonly string[] }
  | { readonly ok: false; readonly problem: DocxProblem };

export type DocxProblem =
  | { readonly kind: 'no-document' }
  | { readonly kind: 'too-large'; readonly limit: number }
  | { readonly kind: 'too-many-cells'; readonly limit: number }
  | { readonly kind: 'too-many-merges'; readonly table: number; readonly limit: number }
  | { readonly kind: 'doctype' }
  | { readonly kind: 'corrupt'; readonly detail: string };

/** Whether a zip package's entry names are those of a Word document. */
export function isWordPackage(entryNames: readonly string[]): boolean {
  return entryNames.some((n) => n.toLowerCase() === DOCUMENT_PART);
}

export function readDocx(bytes: Uint8Array, limits: DocxLimits): DocxRead {
  const xml = inflateDocumentPart(bytes, limits.maxDocumentBytes);
  if (!xml.ok) return xml;
  if (xml.text.includes('<!DOCTYPE')) return { ok: false, problem: { kind: 'doctype' } };
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml.text, 'application/xml');
  const body = doc.documentElement ? firstChild(doc.documentElement as unknown as Element, 'body') : null;
  if (errors.length > 0 || !body) {
    return { ok: false, problem: { kind: 'corrupt', detail: errors.length > 0 ? 'document.xml 不是完整的 XML' : '缺少正文' } };
  }
  const walker = new BodyWalker(limits);
  try {
    walker.walk(body);
  } catch (e) {
    if (e instanceof TooManyCells) return { ok: false, problem: { kind: 'too-many-cells', limit: limits.maxCells } };
    if (e instanceof TooManyMerges) return { ok: false, problem: { kind: 'too-many-merges', table: e.table, limit: limits.maxMergesPerTable } };
    throw e;
  }
  return { ok: true, grid: { sheets: walker.sheets(), paragraphs: walker.paragraphs }, notes: walker.notes };
}

// ---- the package -------------------------------------------------------------------------------

type Inflated = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: DocxProblem };

/** Inflates word/document.xml alone, counting its bytes as they come out. */
function inflateDocumentPart(bytes: Uint8Array, cap: number): Inflated {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let found = false;
  let tooLarge = false;
  let failure: string | null = null;
  let done = false;
  const unzip = new Unzip((file: UnzipFile) => {
    if (file.name.toLowerCase() !== DOCUMENT_PART || found) return;
    found = true;
    file.ondata = (err, chunk, final) => {
      if (tooLarge) return;
      if (err instanceof PartTooLarge) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (err) {
        failure = err.message;
        return;
      }
      size += chunk.length;
      if (size > cap) {
        // Stop inflating at once: the declared size is never trusted, the bytes out are counted.
        tooLarge = true;
        chunks.length = 0;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) done = true;
    };
    file.start();
  });
  // Node's zlib may not yield more than the cap (part-inflate.ts); fflate's inflate in the page
  // is fed small slices, so it stops at the first one past it.
  unzip.register(partInflater(() => cap + 1));
  try {
    pushInSlices(unzip, bytes, () => tooLarge || done);
  } catch {
    if (!tooLarge) return { ok: false, problem: { kind: 'corrupt', detail: '压缩包结构不完整' } };
  }
  if (tooLarge) return { ok: false, problem: { kind: 'too-large', limit: cap } };
  if (!found) return { ok: false, problem: { kind: 'no-document' } };
  if (failure !== null || !done) return { ok: false, problem: { kind: 'corrupt', detail: '正文部分无法解压' } };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(joinChunks(chunks, size)) };
  } catch {
    return { ok: false, problem: { kind: 'corrupt', detail: '正文不是 UTF-8 文本' } };
  }
}

// ---- the body ----------------------------------------------------------------------------------

class TooManyCells extends Error {}

class TooManyMerges extends Error {
  constructor(readonly table: number) {
    super('too many merges');
  }
}

/** What one table may spend: grid cells (shared by the whole document) and merges (its own). */
interface TableBudget {
  cells(n: number): void;
  merge(): void;
}

interface TableRead {
  /** 1-based position in the document (outer tables before the tables nested in them). */
  readonly index: number;
  readonly caption: string;
  readonly rows: string[][];
  readonly merges: Rect[];
  /** How many leading rows Word marks as repeated header rows (w:tblHeader). */
  readonly headerRows: number;
  /** Body elements since the previous table were only empty paragraphs (a page-split candidate). */
  readonly followsTableDirectly: boolean;
}

class BodyWalker {
  readonly paragraphs: string[] = [];
  readonly notes: string[] = [];
  private readonly tables: TableRead[] = [];
  private tableCount = 0;
  private cells = 0;
  /** The text of the body paragraph just before the current element, '' if none or empty. */
  private previousParagraph = '';
  private sinceLastTable: 'nothing' | 'empty' | 'text' = 'text';

  constructor(private readonly limits: DocxLimits) {}

  walk(container: Element): void {
    for (const el of elementChildren(container)) {
      if (el.namespaceURI !== W) continue;
      switch (el.localName) {
        case 'p': {
          const text = paragraphText(el);
          this.paragraphs.push(text);
          this.previousParagraph = text.trim();
          if (this.previousParagraph !== '') this.sinceLastTable = 'text';
          else if (this.sinceLastTable === 'nothing') this.sinceLastTable = 'empty';
          break;
        }
        case 'tbl':
          this.table(el, this.previousParagraph);
          this.previousParagraph = '';
          this.sinceLastTable = 'nothing';
          break;
        case 'sdt': {
          const content = firstChild(el, 'sdtContent');
          if (content) this.walk(content);
          break;
        }
        case 'customXml':
          this.walk(el);
          break;
        default:
          break;
      }
    }
  }

  private table(tbl: Element, caption: string): void {
    const index = ++this.tableCount;
    const followsTableDirectly = this.sinceLastTable !== 'text' && this.tables.length > 0;
    const nested: Element[] = [];
    let merges = 0;
    const read = readTable(tbl, nested, {
      cells: (n) => {
        this.cells += n;
        if (this.cells > this.limits.maxCells) throw new TooManyCells();
      },
      merge: () => {
        if (++merges > this.limits.maxMergesPerTable) throw new TooManyMerges(index);
      },
    });
    this.tables.push({ index, caption, followsTableDirectly, ...read });
    // A nested table has no body paragraph above it: its caption is the text before it in its cell.
    for (const inner of nested) this.table(inner, textBefore(inner));
  }

  sheets(): SheetGrid[] {
    const merged = joinPageSplits(this.tables, this.notes);
    const taken = new Set<string>();
    return merged.map((t) => {
      const name = uniqueName(t.caption !== '' ? t.caption : `表${t.index}`, taken);
      const rows = dropRepeatedHeaders(t, name, this.notes);
      return { name, rows: rows.rows.map(toCells), merges: rows.merges };
    });
  }
}

/** Rows (text per grid column, '' for an empty or covered cell) and merged areas of one w:tbl. */
function readTable(
  tbl: Element,
  nested: Element[],
  budget: TableBudget,
): { rows: string[][]; merges: Rect[]; headerRows: number } {
  const gridCols = elementChildren(firstChild(tbl, 'tblGrid')).filter((e) => e.localName === 'gridCol').length;
  /** Where each merge is in `merges`, to extend it downwards without searching the list. */
  const mergeIndex = new Map<Rect, number>();
  const rows: string[][] = [];
  const merges: Rect[] = [];
  /** The merge (or single cell) that starts at a grid column, for a w:vMerge continuation below it. */
  let above = new Map<number, { rect: Rect | null; top: number; span: number }>();
  let headerRows = 0;
  let headerRun = true;
  for (const tr of elementChildren(tbl).filter((e) => e.namespaceURI === W && e.localName === 'tr')) {
    const r = rows.length;
    const row: string[] = [];
    const trPr = firstChild(tr, 'trPr');
    let col = intVal(firstChild(trPr, 'gridBefore')) ?? 0;
    const after = intVal(firstChild(trPr, 'gridAfter')) ?? 0;
    // Counted before anything is allocated for them.
    budget.cells(col);
    for (let c = 0; c < col; c++) row[c] = '';
    const isHeader = trPr !== null && firstChild(trPr, 'tblHeader') !== null && onOff(firstChild(trPr, 'tblHeader')!);
    if (headerRun && isHeader) headerRows++;
    else headerRun = false;
    const here = new Map<number, { rect: Rect | null; top: number; span: number }>();
    for (const tc of cellsOf(tr)) {
      const tcPr = firstChild(tc, 'tcPr');
      const span = Math.max(1, intVal(firstChild(tcPr, 'gridSpan')) ?? 1);
      budget.cells(span);
      const vMerge = firstChild(tcPr, 'vMerge');
      const continues = vMerge !== null && (attr(vMerge, 'val') ?? 'continue') === 'continue';
      const start = above.get(col);
      if (continues && start && start.span === span) {
        for (let c = col; c < col + span; c++) row[c] = '';
        const rect: Rect = { top: start.top, left: col, bottom: r, right: col + span - 1 };
        const at = start.rect ? mergeIndex.get(start.rect) : undefined;
        if (at !== undefined) merges[at] = rect;
        else {
          budget.merge();
          merges.push(rect);
        }
        mergeIndex.set(rect, at ?? merges.length - 1);
        here.set(col, { rect, top: start.top, span });
      } else {
        row[col] = cellText(tc, nested);
        for (let c = col + 1; c < col + span; c++) row[c] = '';
        const rect: Rect | null = span > 1 ? { top: r, left: col, bottom: r, right: col + span - 1 } : null;
        if (rect) {
          budget.merge();
          mergeIndex.set(rect, merges.push(rect) - 1);
        }
        here.set(col, { rect, top: r, span });
      }
      col += span;
    }
    // The columns skipped after the cells, and the padding to the table's grid, are cells too.
    const width = Math.max(row.length + after, gridCols);
    budget.cells(width - row.length);
    while (row.length < width) row.push('');
    rows.push(row);
    above = here;
  }
  return { rows, merges, headerRows };
}

/** A table's cells in order, through the content controls and custom XML that may wrap them. */
function cellsOf(tr: Element): Element[] {
  const out: Element[] = [];
  for (const el of elementChildren(tr)) {
    if (el.namespaceURI !== W) continue;
    if (el.localName === 'tc') out.push(el);
    else if (el.localName === 'sdt') {
      const content = firstChild(el, 'sdtContent');
      if (content) out.push(...cellsOf(content));
    } else if (el.localName === 'customXml') out.push(...cellsOf(el));
  }
  return out;
}

/** A cell's paragraphs joined by line breaks; a table nested in it is set aside for its own sheet. */
function cellText(tc: Element, nested: Element[]): string {
  const lines: string[] = [];
  const visit = (container: Element): void => {
    for (const el of elementChildren(container)) {
      if (el.namespaceURI !== W) continue;
      if (el.localName === 'p') lines.push(paragraphText(el));
      else if (el.localName === 'tbl') nested.push(el);
      else if (el.localName === 'sdt') {
        const content = firstChild(el, 'sdtContent');
        if (content) visit(content);
      } else if (el.localName === 'customXml') visit(el);
    }
  };
  visit(tc);
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}

/** The text before a nested table in its cell: its last non-empty paragraph, as a caption. */
function textBefore(tbl: Element): string {
  for (let n = tbl.previousSibling; n; n = n.previousSibling) {
    const el = n as Element;
    if (el.nodeType === 1 && el.namespaceURI === W && el.localName === 'p') {
      const text = paragraphText(el).trim();
      if (text !== '') return text;
    }
    if (el.nodeType === 1 && el.localName === 'tbl') return '';
  }
  return '';
}

/**
 * A paragraph's visible text: runs' w:t, tabs and breaks, in hyperlinks, fields, smart tags and
 * insertions; not deleted text, not the text boxes anchored in it (they float elsewhere on the
 * page), not the fallback copy of markup-compatibility content.
 */
export function paragraphText(p: Element): string {
  let out = '';
  const visit = (el: Element): void => {
    for (const child of elementChildren(el)) {
      if (child.namespaceURI === MC && child.localName === 'Fallback') continue;
      if (child.namespaceURI === W) {
        switch (child.localName) {
          case 't':
            out += child.textContent ?? '';
            continue;
          case 'tab':
          case 'ptab':
            out += '\t';
            continue;
          case 'br':
          case 'cr':
            out += '\n';
            continue;
          case 'noBreakHyphen':
            out += '-';
            continue;
          case 'del':
          case 'delText':
          case 'txbxContent':
          case 'pPr':
          case 'rPr':
          case 'instrText':
            continue;
          default:
            break;
        }
      }
      if (child.localName === 'txbxContent' || child.localName === 'textbox') continue;
      visit(child);
    }
  };
  visit(p);
  return out;
}

// ---- page splits and repeated headers ------------------------------------------------------------

const sameRow = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  !!a && !!b && a.length === b.length && a.every((v, i) => squash(v) === squash(b[i]!)) && a.some((v) => v.trim() !== '');

function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/**
 * A table that follows another with only empty paragraphs between, has its column count and
 * starts with a copy of one of its rows, is the rest of it (Word users split a long table at a
 * page break and copy the column headers): its rows are appended, the copied rows left out.
 */
function joinPageSplits(tables: readonly TableRead[], notes: string[]): TableRead[] {
  const out: TableRead[] = [];
  for (const t of tables) {
    const prev = out[out.length - 1];
    const width = (x: TableRead): number => x.rows[0]?.length ?? 0;
    const from = prev && t.followsTableDirectly && width(prev) === width(t) ? prev.rows.findIndex((r) => sameRow(r, t.rows[0])) : -1;
    if (prev && from >= 0) {
      let copied = 0;
      while (copied < t.rows.length && from + copied < prev.rows.length && sameRow(prev.rows[from + copied], t.rows[copied])) copied++;
      const offset = prev.rows.length - copied;
      const rows = [...prev.rows, ...t.rows.slice(copied)];
      const merges = [
        ...prev.merges,
        ...t.merges
          .filter((m) => m.top >= copied)
          .map((m) => ({ top: m.top + offset, bottom: m.bottom + offset, left: m.left, right: m.right })),
      ];
      out[out.length - 1] = { ...prev, rows, merges };
      notes.push(`表${t.index}是表${prev.index}跨页的续表，已与之合并读作一个工作表（略去重复的表头 ${copied} 行）`);
    } else out.push(t);
  }
  return out;
}

/** Drops later copies of the rows Word marks as the header (a header repeated by pasting). */
function dropRepeatedHeaders(t: TableRead, sheet: string, notes: string[]): { rows: string[][]; merges: Rect[] } {
  const k = t.headerRows;
  if (k === 0) return { rows: t.rows, merges: t.merges };
  const keep: boolean[] = t.rows.map(() => true);
  for (let r = k; r + k <= t.rows.length; r++) {
    let copy = true;
    for (let i = 0; i < k && copy; i++) copy = sameRow(t.rows[r + i], t.rows[i]);
    if (copy) {
      for (let i = 0; i < k; i++) keep[r + i] = false;
      r += k - 1;
    }
  }
  const dropped = keep.filter((k2) => !k2).length;
  if (dropped === 0) return { rows: t.rows, merges: t.merges };
  // New row numbers; merges lying in dropped rows go with them.
  const newIndex: number[] = [];
  let n = 0;
  keep.forEach((kept, r) => {
    newIndex[r] = kept ? n++ : -1;
  });
  const merges = t.merges
    .filter((m) => keep[m.top] && keep[m.bottom])
    .map((m) => ({ ...m, top: newIndex[m.top]!, bottom: newIndex[m.bottom]! }));
  notes.push(`“${sheet}”中重复的表头 ${dropped} 行已略去`);
  return { rows: t.rows.filter((_, r) => keep[r]), merges };
}

// ---- small helpers -------------------------------------------------------------------------------

function toCells(row: readonly string[]): Array<Cell | undefined> {
  return row.map((text) => (text.trim() === '' ? undefined : { value: text }));
}

/** Sheet names are unique (ignoring case, as Excel does): a second `附件3` becomes `附件3 (2)`. */
function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

function elementChildren(el: Element | null): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function firstChild(el: Element | null, localName: string): Element | null {
  if (!el) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === localName) return n as Element;
  }
  return null;
}

function attr(el: Element, localName: string): string | null {
  return el.getAttributeNS(W, localName) || null;
}

function intVal(el: Element | null): number | null {
  if (!el) return null;
  const v = Number(attr(el, 'val'));
  return Number.isInteger(v) && v >= 0 && v <= 16384 ? v : null;
}

/** A w:ST_OnOff element: on unless its val says otherwise. */
function onOff(el: Element): boolean {
  const v = attr(el, 'val');
  return v === null || !['0', 'false', 'off'].includes(v);
}
