/**
 * The batch summary workbook (docs/contract.md, `--summary FILE.xlsx`), for a reviewer:
 * 核对汇总, one row per workbook (department, year, totals, grades, counts by severity,
 * status, a link to its annotated copy, how many findings the clerk explained — 已说明); 全部问题, one row per finding across the batch, each
 * linked to its cell in the copy; 概览, counts by grade and by rule. Every sheet prints one
 * page wide with its header repeated.
 */
import { limitCellTexts } from './excel-text-limit';
import type { Style, Worksheet } from 'exceljs';
import { loadExcelJs, newWorkbook, type Workbook } from './exceljs';
import type { Report } from '../../core/report';
import { linkValue } from './links';
import { argb } from './severity-style';
import { SEVERITY_FILL } from '../../report/severity';
import { STATUS_NAME } from '../../report/labels';
import { coverageOfReport, coverageText, isFullyChecked } from '../../report/coverage';
import { fitWidth, finishTable, LINK_FONT, setPrintLayout, startTable, type TableColumn } from './sheet-layout';
import { addFindingsSheet } from './summary-findings';
import { figureCell } from './summary-figures';
import { addOverviewSheet } from './summary-overview';

export const SUMMARY_SHEET_NAME = '核对汇总';

export interface SummaryOptions {
  /**
   * Per report, in the same order: its annotated copy as a path relative to the summary's
   * folder, `/`-separated (`annotated/自评.checked.xlsx`), or null where none was written.
   * Absent: no copies, no links.
   */
  readonly copies?: readonly (string | null)[];
}

const COLUMNS: readonly TableColumn[] = [
  { header: '文件', width: 40 },
  { header: '单位', width: 28 },
  { header: '年度', width: 8 },
  { header: '填报总分', width: 10 },
  { header: '重算总分', width: 10 },
  // The grade the form states beside the one its recomputed total earns (issue 22): a form whose
  // two differ stands out. 填报等次 was appended after 项目 before; it moved here.
  { header: '填报等次', width: 10 },
  { header: '重算等次', width: 16, wrap: true },
  { header: '错误', width: 6 },
  { header: '警告', width: 6 },
  { header: '提示', width: 6 },
  { header: '状态', width: 12 },
  { header: '原因', width: 60, wrap: true },
  { header: '项目', width: 28, wrap: true },
  { header: '标注副本', width: 30 },
  { header: '已说明', width: 8 },
  // Which checks could not run, for want of which part: a row without findings is clean only when this says so.
  { header: '核对范围', width: 40, wrap: true },
];

/** 1-based columns, by header. */
const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.header, i + 1])) as Record<string, number>;

const MAX_FILE_WIDTH = 80;

export async function buildSummaryWorkbook(reports: readonly Report[], options: SummaryOptions = {}): Promise<Uint8Array> {
  const copies = reports.map((_, i) => options.copies?.[i] ?? null);
  await loadExcelJs(); // the writer, loaded when a summary is first written
  const workbook = newWorkbook();
  addSummarySheet(workbook, reports, copies);
  addFindingsSheet(workbook, reports, copies);
  addOverviewSheet(workbook, reports);
  limitCellTexts(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addSummarySheet(workbook: Workbook, reports: readonly Report[], copies: readonly (string | null)[]): Worksheet {
  const ws = workbook.addWorksheet(SUMMARY_SHEET_NAME);
  startTable(ws, COLUMNS);
  reports.forEach((r, i) => addReportRow(ws, r, copies[i]!));
  ws.getColumn(1).width = fitWidth(reports.map((r) => r.file), COLUMNS[0]!.width, MAX_FILE_WIDTH);
  ws.getColumn(COL['标注副本']!).width = fitWidth(copies, COLUMNS[COL['标注副本']! - 1]!.width, MAX_FILE_WIDTH);
  finishTable(ws, COLUMNS, reports.length);
  setPrintLayout(ws, 'landscape');
  return ws;
}

function addReportRow(ws: Worksheet, r: Report, copy: string | null): void {
  const checked = r.status === 'checked';
  const year = r.year !== null && /^\d{4}$/.test(r.year) ? Number(r.year) : r.year;
  const row = ws.addRow([
    r.file,
    r.department,
    year,
    null,
    null,
    r.statedGrade,
    checked ? (r.summary.grade ?? (r.summary.gradeWithheld ? `不评：${r.summary.gradeWithheld}` : null)) : null,
    checked ? r.summary.errors : null,
    checked ? r.summary.warnings : null,
    checked ? r.summary.infos : null,
    STATUS_NAME[r.status],
    r.error,
    r.project,
    copy === null ? null : linkValue(copy, copy),
    checked ? (r.summary.acknowledged ?? 0) : null,
    coverageSummary(r),
  ]);
  if (typeof year === 'number') row.getCell(COL['年度']!).numFmt = '0';
  for (const [header, text] of [['填报总分', r.summary.enteredTotal], ['重算总分', r.summary.recomputedTotal]] as const) {
    const figure = figureCell(text, false);
    const cell = row.getCell(COL[header]!);
    cell.value = figure.value;
    if (figure.numFmt) cell.numFmt = figure.numFmt;
  }
  const stated = r.statedGrade?.replace(/\s+/g, '') ?? null;
  if (checked && r.summary.grade && stated && !stated.startsWith(r.summary.grade)) {
    for (const h of ['填报等次', '重算等次']) row.getCell(COL[h]!).style = solid(SEVERITY_FILL.warning);
  }
  if (checked && r.summary.errors > 0) row.getCell(COL['错误']!).style = solid(SEVERITY_FILL.error);
  if (checked && r.summary.warnings > 0) row.getCell(COL['警告']!).style = solid(SEVERITY_FILL.warning);
  if (!checked) row.getCell(COL['状态']!).style = solid(SEVERITY_FILL.error);
  if (copy !== null) row.getCell(COL['标注副本']!).style = { font: LINK_FONT };
  if (checked && !isFullyChecked(r)) row.getCell(COL['核对范围']!).style = { ...solid(SEVERITY_FILL.warning), alignment: { wrapText: true, vertical: 'top' } };
}

/** `各项检查均已进行`, or what could not be checked; null for a file that was not checked. */
function coverageSummary(r: Report): string | null {
  const c = coverageOfReport(r);
  return c ? coverageText(c) : null;
}

export function solid(hex: string): Partial<Style> {
  return { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } } };
}
