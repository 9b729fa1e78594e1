/**
 * The file door: workbook bytes + file name → Grid, or a ReadFailure value with a Chinese
 * message naming the file. Runs in Node and in a browser bundle (no fs, no Buffer).
 *
 * The parser is chosen by content: a zip package is measured and read in one pass
 * (package-scan.ts with xlsx-reader.ts; SheetJS when that reader refuses it, as ExcelJS would
 * have), an OLE container or markup saved as .xls goes to SheetJS. The extension only has to
 * be one we accept. ExcelJS is not loaded to read: it only writes (annotate.ts, summary.ts).
 */
import type * as XLSX from '@e965/xlsx';
import { loadSheetJs, sheetjs } from './sheetjs';
import type { WorkbookGrid } from '../../grid/grid';
import { asUint8Array, baseName, extensionOf, type WorkbookBytes } from './bytes';
import { failures, libraryDetail, xmlProblemDetail, type ReadFailure } from './failure';
import { CellLimitExceeded, hasContent } from './grid-builder';
import { withDefaultLimits, type ReadLimits } from './limits';
import { inspectOleContainer } from './ole-container';
import { scanPackage, type PackageScan } from './package-scan';
import { partKey } from './part-scan';
import { quietly } from './quiet-console';
import { XlsxReader, XlsxRefusal, type XlsxRead } from './xlsx-reader';
import { gridFromSheetJs, MergeLimitExceeded, sheetCutAtRowLimit, sheetJsReadOptions } from './read-xls';
import { markupSpansProblem } from './markup-spans';
import { otherFormat, sniffContent } from './sniff';
import { readZipDirectory } from './zip-directory';
import { isWordPackage, readDocx, type DocxProblem } from './read-docx';

export type { ReadFailure, ReadFailureReason } from './failure';
export type { ReadLimits } from './limits';
export { DEFAULT_READ_LIMITS } from './limits';

export const SUPPORTED_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.docx'];

/** Old binary Word: accepted only to say how to make it readable. */
const LEGACY_WORD = '.doc';

/** Which parser read the file: a workbook's, or the Word report reader (its tables as sheets). */
export type WorkbookFormat = 'xlsx' | 'xls' | 'docx';

export interface ReadSuccess {
  readonly ok: true;
  readonly grid: WorkbookGrid;
  readonly format: WorkbookFormat;
  /** What the reader did beyond a plain read (a Word table joined across a page break…), in Chinese. */
  readonly notes?: readonly string[];
}

export type ReadResult = ReadSuccess | ReadFailure;

export interface ReadInput {
  readonly bytes: WorkbookBytes;
  /** The name shown in messages and used for the extension check. */
  readonly fileName: string;
}

export async function readWorkbook(input: ReadInput, limits?: Partial<ReadLimits>): Promise<ReadResult> {
  const lim = withDefaultLimits(limits);
  const name = baseName(input.fileName);
  const ext = extensionOf(input.fileName);
  const bytes = asUint8Array(input.bytes);
  if (ext === LEGACY_WORD) {
    // A .doc that is really a .docx (renamed) is read; a binary Word file is not.
    return sniffContent(bytes) === 'zip' ? readZipPackage(bytes, name, lim) : failures.legacyWord(name);
  }
  if (!SUPPORTED_EXTENSIONS.includes(ext)) return failures.unsupportedExtension(name, ext);

  if (bytes.length > lim.maxBytes) return failures.tooManyBytes(name, bytes.length, lim.maxBytes);

  const other = otherFormat(bytes);
  if (other) return failures.otherFormat(name, other);
  switch (sniffContent(bytes)) {
    case 'empty':
      return failures.zeroBytes(name);
    case 'zip':
      return readZipPackage(bytes, name, lim);
    case 'cfb':
      await loadSheetJs(); // the OLE container is read by SheetJS's own CFB reader
      return readOleContainer(bytes, name, lim, ext === '.docx');
    case 'markup':
      // Excel opens HTML/XML saved as .xls (common in exports from budget systems); not as .xlsx.
      if (ext !== '.xls') return failures.textFile(name);
      // SheetJS reads XML without a DTD; a file that declares entities is refused all the same.
      if (declaresEntities(bytes)) return failures.doctype(name, {});
      // SheetJS's HTML reader places each cell past the row- and column-spans above it by
      // searching every merge again and again: a few thousand overlapping spans take minutes.
      // The spans are measured in the markup first (markup-spans.ts).
      {
        const spans = markupSpansProblem(bytes, name, lim);
        if (spans) return spans;
      }
      await loadSheetJs();
      return readWithSheetJs(bytes, name, lim);
    case 'text':
      return failures.textFile(name);
    case 'binary':
      return failures.corrupt(name, '文件格式无法识别');
  }
}

async function readZipPackage(bytes: Uint8Array, name: string, lim: ReadLimits): Promise<ReadResult> {
  // A Word report is read by its own reader (read-docx.ts), which measures what it inflates.
  const entries = readZipDirectory(bytes);
  if (entries && isWordPackage(entries.map((e) => e.name))) return readWordPackage(bytes, name, lim);
  // One pass: every limit is counted as the parts stream, and the reader keeps what the Grid
  // needs from the same events; nothing is built past a limit or from a damaged package.
  const reader = new XlsxReader();
  const scan = scanPackage(bytes, name, lim, reader);
  if (!scan.ok) return scan;
  let read: XlsxRead;
  try {
    // An XML error where ExcelJS (whose Grid this is) would have stopped: SheetJS is more lenient.
    const problem = scan.problems.find((p) => partKey(p.part) !== CONTENT_TYPES);
    if (problem) throw new XlsxRefusal(xmlProblemDetail(problem, scan.sheetOfPart.get(partKey(problem.part))));
    read = reader.grid(scan.listing, lim.maxCells);
  } catch (e) {
    if (e instanceof CellLimitExceeded) return failures.tooManyCells(name, lim.maxCells);
    if (!(e instanceof XlsxRefusal)) throw e;
    return readRefusedPackage(bytes, name, lim, scan, e);
  }
  if (read.worksheets < scan.listedWorksheets) {
    // Only parts named xl/worksheets/sheetN.xml are read (as ExcelJS did); SheetJS follows the
    // workbook's relationships to wherever a writer put a sheet. Never report a sheet we did not read.
    await loadSheetJs();
    const second = readWithSheetJs(bytes, name, lim, 'xlsx');
    return second.ok ? second : failures.corrupt(name, '部分工作表无法读取');
  }
  return finish(name, 'xlsx', () => read.grid, lim);
}

const CONTENT_TYPES = '[content_types].xml';

/**
 * A package the reader refuses (quirks other writers leave: overlapping merges, stray
 * characters in the XML…) goes to SheetJS, which is more lenient; when it fails too, the
 * message says what the reader met, in Chinese.
 */
async function readRefusedPackage(bytes: Uint8Array, name: string, lim: ReadLimits, scan: PackageScan, refusal: XlsxRefusal): Promise<ReadResult> {
  await loadSheetJs();
  const second = readWithSheetJs(bytes, name, lim, 'xlsx');
  if (second.ok || second.reason !== 'corrupt') return second;
  const problem = scan.problems[0];
  return failures.corrupt(name, problem ? xmlProblemDetail(problem, scan.sheetOfPart.get(partKey(problem.part))) : refusal.detail);
}

function readOleContainer(bytes: Uint8Array, name: string, lim: ReadLimits, namedDocx: boolean): ReadResult {
  switch (inspectOleContainer(bytes)) {
    case 'encrypted-package':
      // An encrypted .docx and an encrypted .xlsx are the same container; the name tells which.
      return namedDocx ? failures.encryptedDocument(name) : failures.encrypted(name);
    case 'corrupt':
      return failures.corrupt(name, 'OLE 复合文件结构不完整');
    case 'other':
      return namedDocx ? failures.legacyWord(name) : failures.oleNotWorkbook(name);
    case 'xls':
      return readWithSheetJs(bytes, name, lim);
  }
}

/** Maximum inflated size of a report's word/document.xml: a long report with its tables is a few MB. */
const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;

function readWordPackage(bytes: Uint8Array, name: string, lim: ReadLimits): ReadResult {
  const read = readDocx(bytes, { maxDocumentBytes: Math.min(MAX_DOCUMENT_XML_BYTES, lim.maxUncompressedBytes), maxCells: lim.maxCells, maxMergesPerTable: lim.maxMergesPerSheet });
  if (!read.ok) return docxFailure(name, read.problem, lim);
  if (read.grid.sheets.length === 0) return failures.documentWithoutTables(name);
  return { ok: true, grid: read.grid, format: 'docx', notes: read.notes };
}

function docxFailure(name: string, problem: DocxProblem, lim: ReadLimits): ReadFailure {
  switch (problem.kind) {
    case 'no-document':
      return failures.zipNotWorkbook(name);
    case 'too-large':
      return failures.tooManyUncompressedBytes(name, problem.limit);
    case 'too-many-cells':
      return failures.tooManyCells(name, lim.maxCells);
    case 'too-many-merges':
      return failures.tooManyMerges(name, { sheet: `表${problem.table}` }, problem.limit);
    case 'doctype':
      return failures.corruptDocument(name, '正文含有文档类型声明（DOCTYPE），出于安全不予读取');
    case 'corrupt':
      return failures.corruptDocument(name, problem.detail);
  }
}

function readWithSheetJs(bytes: Uint8Array, name: string, lim: ReadLimits, format: WorkbookFormat = 'xls'): ReadResult {
  // An .xls is not compressed: its size bounds what SheetJS builds. A package was measured already.
  if (format === 'xls' && bytes.length > lim.maxXlsBytes) return failures.tooManyBytes(name, bytes.length, lim.maxXlsBytes);
  let workbook: XLSX.WorkBook;
  try {
    workbook = quietly(() => sheetjs().read(bytes, sheetJsReadOptions(lim)));
  } catch (e) {
    // BIFF files with a FILEPASS record (an open password) make SheetJS throw this.
    if (/password|encrypt/i.test(describeError(e))) return failures.encrypted(name);
    return failures.corrupt(name, libraryDetail(e));
  }
  const cut = sheetCutAtRowLimit(workbook, lim.maxXlsRows);
  if (cut !== null) return failures.tooManyRows(name, { sheet: cut }, lim.maxXlsRows);
  return finish(name, format, () => gridFromSheetJs(workbook, lim.maxCells, lim.maxMergesPerSheet), lim);
}

function finish(name: string, format: WorkbookFormat, build: () => WorkbookGrid, lim: ReadLimits): ReadResult {
  let grid: WorkbookGrid;
  try {
    grid = build();
  } catch (e) {
    if (e instanceof CellLimitExceeded) return failures.tooManyCells(name, lim.maxCells);
    if (e instanceof MergeLimitExceeded) {
      return e.ref === null
        ? failures.tooManyMerges(name, { sheet: e.sheet }, lim.maxMergesPerSheet)
        : failures.mergeTooLarge(name, { sheet: e.sheet }, e.ref, e.cells, lim.maxCells);
    }
    return failures.corrupt(name, libraryDetail(e));
  }
  if (!hasContent(grid.sheets)) return failures.emptyWorkbook(name);
  return { ok: true, grid, format };
}

/** An `<!ENTITY` declaration in the prolog of markup saved as .xls (an HTML `<!DOCTYPE html>` is fine). */
function declaresEntities(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, PROLOG_BYTES));
  return head.toUpperCase().includes('<!ENTITY');
}

const PROLOG_BYTES = 64 * 1024;

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
