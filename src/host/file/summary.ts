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
  { header: '等次', width: 6 },
  { header: '错误', width: 6 },
  { header: '警告', width: 6 },
  { header: '提示', width: 6 },
  { header: '状态', width: 12 },
  { header: '原因', width: 60, wrap: true },
  // Appended, not inserted: scripts read the contract's columns by position.
  { header: '项目', width: 28 },
  { header: '填报等次', width: 10 },
  { header: '标注副本', width: 30 },
  { header: '已说明', width: 8 },
  // Which checks could not run, for want of which part: a row without findings is clean only when this says so.
  { header: '核对范围', width: 40, wrap: true },
];

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
  finishTable(ws, COLUMNS, reports.length);
  ws.getColumn(1).width = fitWidth(reports.map((r) => r.file), COLUMNS[0]!.width, MAX_FILE_WIDTH);
  ws.getColumn(14).width = fitWidth(copies, COLUMNS[13]!.width, MAX_FILE_WIDTH);
  setPrintLayout(ws, 'landscape');
  return ws;
}

function addReportRow(ws: Worksheet, r: Report, copy: string | null): void {
  const checked = r.status === 'checked';
  const row = ws.addRow([
    r.file,
    r.department,
    r.year,
    scoreValue(r.summary.enteredTotal),
    scoreValue(r.summary.recomputedTotal),
    r.summary.grade,
    checked ? r.summary.errors : null,
    checked ? r.summary.warnings : null,
    checked ? r.summary.infos : null,
    STATUS_NAME[r.status],
    r.error,
    r.project,
    r.statedGrade,
    copy === null ? null : linkValue(copy, copy),
    checked ? (r.summary.acknowledged ?? 0) : null,
    coverageSummary(r),
  ]);
  for (const col of [4, 5] as const) {
    const text = col === 4 ? r.summary.enteredTotal : r.summary.recomputedTotal;
    if (text !== null) row.getCell(col).numFmt = decimalsFormat(text);
  }
  if (checked && r.summary.errors > 0) row.getCell(7).style = solid(SEVERITY_FILL.error);
  if (checked && r.summary.warnings > 0) row.getCell(8).style = solid(SEVERITY_FILL.warning);
  if (!checked) row.getCell(10).style = solid(SEVERITY_FILL.error);
  if (copy !== null) row.getCell(14).style = { font: LINK_FONT };
  if (checked && !isFullyChecked(r)) row.getCell(16).style = { ...solid(SEVERITY_FILL.warning), alignment: { wrapText: true, vertical: 'top' } };
}

/** `各项检查均已进行`, or what could not be checked; null for a file that was not checked. */
function coverageSummary(r: Report): string | null {
  const c = coverageOfReport(r);
  return c ? coverageText(c) : null;
}

/** A decimal string as a number for sorting, or null; the format keeps the decimals shown. */
function scoreValue(text: string | null): number | null {
  if (text === null) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function decimalsFormat(text: string): string {
  const decimals = /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

export function solid(hex: string): Partial<Style> {
  return { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } } };
}
