/**
 * The batch summary workbook (CONTRACT.md, `--summary FILE.xlsx`): one row per workbook
 * with its department, year, totals, grade, counts by severity and status.
 */
import { Workbook, type Style, type Worksheet } from 'exceljs';
import type { Report, ReportStatus } from '../../core/report';
import { argb, SEVERITY_COLOR } from './severity-style';

export const SUMMARY_SHEET_NAME = '核对汇总';

export const STATUS_LABEL: Readonly<Record<ReportStatus, string>> = {
  checked: '已核对',
  unreadable: '无法读取',
  unrecognised: '未识别模板',
};

interface Column {
  readonly header: string;
  readonly width: number;
}

const COLUMNS: readonly Column[] = [
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
  { header: '原因', width: 60 },
  // Appended, not inserted: scripts read the contract's columns by position.
  { header: '项目', width: 28 },
];

const HEADER_STYLE: Partial<Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb('#D9D9D9') } },
  alignment: { horizontal: 'center', vertical: 'middle' },
  border: { bottom: { style: 'thin' } },
};

const MAX_FILE_WIDTH = 80;

export async function buildSummaryWorkbook(reports: readonly Report[]): Promise<Uint8Array> {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet(SUMMARY_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).eachCell((cell) => {
    cell.style = { ...HEADER_STYLE };
  });
  for (const report of reports) addReportRow(ws, report);
  ws.getColumn(1).width = Math.min(MAX_FILE_WIDTH, Math.max(COLUMNS[0]!.width, ...reports.map((r) => displayWidth(r.file) + 2)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: reports.length + 1, column: COLUMNS.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addReportRow(ws: Worksheet, r: Report): void {
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
    STATUS_LABEL[r.status],
    r.error,
    r.project,
  ]);
  for (const col of [4, 5] as const) {
    const text = col === 4 ? r.summary.enteredTotal : r.summary.recomputedTotal;
    if (text !== null) row.getCell(col).numFmt = decimalsFormat(text);
  }
  if (checked && r.summary.errors > 0) row.getCell(7).style = solid(SEVERITY_COLOR.error);
  if (checked && r.summary.warnings > 0) row.getCell(8).style = solid(SEVERITY_COLOR.warning);
  if (!checked) row.getCell(10).style = solid(SEVERITY_COLOR.error);
  row.getCell(11).style = { alignment: { wrapText: true, vertical: 'top' } };
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

function solid(hex: string): Partial<Style> {
  return { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } } };
}

/** Column width of a text: CJK characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}
