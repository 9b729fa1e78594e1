/**
 * The annotated copy (docs/contract.md, `--annotate`): the original workbook with each finding's
 * cell filled by severity and given a note, plus a `核对结果` sheet listing every finding.
 * Returns new .xlsx bytes; the input bytes are never modified.
 *
 * The copy is re-serialised by ExcelJS, which keeps (tested in annotate.test.ts) values,
 * formulas, styles, merges, column widths, row heights, number formats, other sheets,
 * existing notes, drop-down lists, conditional formats, frozen panes, print set-up, defined
 * names and pictures. ExcelJS drops charts, pivot tables, shapes/text boxes, form controls,
 * VBA macros and Excel 2010+ extension lists (e.g. a drop-down whose list sits on another
 * sheet, data-bar extras, slicers); the original file stays the one to submit. A legacy .xls (or a package ExcelJS cannot
 * parse) is rebuilt from its SheetJS read (values, formulas, number formats, merges,
 * widths; no fonts or fills).
 */
import { limitCellTexts } from './excel-text-limit';
import type { Cell as ExcelCell } from 'exceljs';
import { loadExcelJs, newWorkbook, type Workbook } from './exceljs';
import { loadSheetJs } from './sheetjs';
import type { Finding } from '../../core/finding';
import type { Report } from '../../core/report';
import { asUint8Array, type WorkbookBytes } from './bytes';
import { noteText } from './finding-text';
import { addResultsSheet, openOn } from './results-sheet';
import { argb } from './severity-style';
import { findingsByCell, SEVERITY_FILL, strongestSeverity } from '../../report/severity';
import { sniffContent } from './sniff';
import { exceljsFromSheetJs } from './sheetjs-to-exceljs';
import { lostInCopy } from './copy-losses';
import { quietlyAsync } from './quiet-console';
import { exceljsFromDocxGrid } from './docx-to-exceljs';
import { BODY_SHEET } from '../../core/narrative';
import { isWordPackage, readDocx } from './read-docx';
import { readZipDirectory } from './zip-directory';
import { DEFAULT_READ_LIMITS } from './limits';

export interface AnnotateInput {
  /** The original workbook, as read. Not modified. */
  readonly bytes: WorkbookBytes;
  /** The report of that workbook. */
  readonly report: Report;
}

export async function annotateWorkbook(input: AnnotateInput): Promise<Uint8Array> {
  const bytes = asUint8Array(input.bytes);
  await loadExcelJs(); // the writer: loaded when a copy is first made
  if (isWordDocument(bytes)) return quietlyAsync(() => annotateWordReport(bytes, input.report));
  // ExcelJS warns on the console (e.g. sheet names past 31 characters): never shown raw.
  return quietlyAsync(async () => {
    const { workbook, lost, renamed } = await loadForAnnotation(bytes);
    // Findings point at the sheets as the copy names them, so fills and links find their cells.
    const report = renamed.size === 0 ? input.report : { ...input.report, findings: input.report.findings.map((f) => ({ ...f, sheet: renamed.get(f.sheet) ?? f.sheet })) };
    paintFindings(workbook, report.findings);
    openOn(workbook, addResultsSheet(workbook, report, [...lost, ...[...renamed].map(([from, to]) => `工作表名“${from}”（含 Excel 不允许的字符，副本中改为“${to}”）`)]));
    limitCellTexts(workbook);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  });
}

function isWordDocument(bytes: Uint8Array): boolean {
  if (sniffContent(bytes) !== 'zip') return false;
  const entries = readZipDirectory(bytes);
  return !!entries && isWordPackage(entries.map((e) => e.name));
}

/** What a Word report's copy holds of it: its tables' text and merges, and its paragraphs. */
const LOST_FROM_WORD = 'Word 文档的排版、字体与图片（副本只含各表格的文字与合并单元格，以及“正文”工作表中的段落）';

/**
 * A Word report's copy: one sheet per table, plus `正文`. Findings are moved onto the copy's
 * sheet names, and a narrative finding (`正文!¶N`) onto row N of `正文`.
 */
async function annotateWordReport(bytes: Uint8Array, report: Report): Promise<Uint8Array> {
  const read = readDocx(bytes, { maxDocumentBytes: DEFAULT_READ_LIMITS.maxUncompressedBytes, maxCells: DEFAULT_READ_LIMITS.maxCells, maxMergesPerTable: DEFAULT_READ_LIMITS.maxMergesPerSheet });
  if (!read.ok) throw new Error('annotateWorkbook: the Word document could not be read again');
  const { workbook, sheetNames } = exceljsFromDocxGrid(read.grid);
  const onCopy = (f: Finding): Finding =>
    f.sheet === BODY_SHEET && f.cell.startsWith('¶')
      ? { ...f, cell: `A${f.cell.slice(1)}` }
      : { ...f, sheet: sheetNames.get(f.sheet) ?? f.sheet };
  const findings = report.findings.map(onCopy);
  paintFindings(workbook, findings);
  openOn(workbook, addResultsSheet(workbook, { ...report, findings } as Report, [LOST_FROM_WORD]));
  limitCellTexts(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** What a rebuild from the SheetJS read does not carry (it keeps values, formulas, formats, merges, widths). */
const LOST_IN_REBUILD = '字体、边框、填充等样式';

interface Loaded {
  readonly workbook: Workbook;
  readonly lost: string[];
  readonly renamed: ReadonlyMap<string, string>;
}

async function loadForAnnotation(bytes: Uint8Array): Promise<Loaded> {
  const kind = sniffContent(bytes);
  if (kind === 'zip') {
    const workbook = newWorkbook();
    try {
      await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      return { workbook, lost: lostInCopy(bytes), renamed: new Map() };
    } catch {
      // The reader fell back to SheetJS for this package too (or ExcelJS refused a sheet name
      // Excel does not allow, such as `附件[3]`): rebuild from that read.
      await loadSheetJs();
      return { ...exceljsFromSheetJs(bytes), lost: [LOST_IN_REBUILD, ...lostInCopy(bytes)] };
    }
  }
  if (kind === 'cfb' || kind === 'markup') {
    await loadSheetJs();
    return { ...exceljsFromSheetJs(bytes), lost: [LOST_IN_REBUILD] };
  }
  throw new Error('annotateWorkbook: the bytes are not a workbook the reader accepts');
}

/** Fills and notes every cell that has findings; several findings on a cell share one note. */
export function paintFindings(workbook: Workbook, findings: readonly Finding[]): void {
  for (const group of findingsByCell(findings).values()) {
    const ws = workbook.getWorksheet(group[0]!.sheet);
    if (!ws) continue;
    // The cell from the finding itself: a sheet name may hold `!` (`附件!3`), so the group
    // key is never split to find it.
    paintCell(ws.getCell(group[0]!.cell), group);
  }
}

function paintCell(cell: ExcelCell, findings: readonly Finding[]): void {
  const color = argb(SEVERITY_FILL[strongestSeverity(findings.map((f) => f.severity))]);
  // A new style object per cell: ExcelJS shares one style object among cells of an
  // Excel-made file, so `cell.fill = …` would recolour them all (exceljs issue #2055).
  cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: color }, bgColor: { argb: color } } };
  cell.note = { texts: [{ text: combinedNote(cell, noteText(findings)) }] };
}

/** Keeps a note the clerk already wrote, ours after it. */
function combinedNote(cell: ExcelCell, ours: string): string {
  const existing = existingNoteText(cell);
  return existing ? `${existing}\n\n${ours}` : ours;
}

function existingNoteText(cell: ExcelCell): string {
  const note = cell.note as unknown;
  if (!note) return '';
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts ?? [];
  return texts.map((t) => t.text ?? '').join('');
}

