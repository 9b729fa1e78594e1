/**
 * The summary's 全部问题 sheet: every finding of the batch on one row, so a reviewer can filter
 * 300 workbooks' problems by rule, severity or department in Excel, and read the clerk's
 * reason beside each explained one (已说明); each cell address opens that cell in the
 * workbook's annotated copy when there is one.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { Finding } from '../../core/finding';
import type { Report } from '../../core/report';
import { findingTitle } from '../../core/rule-titles';
import { cellLocation, linkTarget, linkValue } from './links';
import { argb } from './severity-style';
import { figureCell, isRateFinding } from './summary-figures';
import { SEVERITY_FILL, SEVERITY_LABEL } from '../../report/severity';
import { fitWidth, finishTable, LINK_FONT, setPrintLayout, startTable, type TableColumn } from './sheet-layout';

export const FINDINGS_SHEET_NAME = '全部问题';

const COLUMNS: readonly TableColumn[] = [
  { header: '文件', width: 30 },
  { header: '单位', width: 24 },
  { header: '年度', width: 8 },
  { header: '工作表', width: 12 },
  { header: '单元格', width: 8 },
  { header: '规则名称', width: 18 },
  { header: '严重程度', width: 8 },
  { header: '填报值', width: 12 },
  { header: '应为', width: 12 },
  { header: '说明', width: 60, wrap: true },
  { header: '已说明', width: 30, wrap: true },
  { header: '规则编号', width: 26 },
];

const FILE_COLUMN = 1;
const CELL_COLUMN = 5;
const SEVERITY_COLUMN = 7;
const ENTERED_COLUMN = 8;

export function addFindingsSheet(workbook: Workbook, reports: readonly Report[], copies: readonly (string | null)[]): Worksheet {
  const ws = workbook.addWorksheet(FINDINGS_SHEET_NAME);
  startTable(ws, COLUMNS);
  let rows = 0;
  reports.forEach((r, i) => {
    for (const f of r.findings) {
      addFindingRow(ws, r, f, copies[i] ?? null);
      rows++;
    }
  });
  ws.getColumn(FILE_COLUMN).width = fitWidth(
    reports.filter((r) => r.findings.length > 0).map((r) => r.file),
    COLUMNS[0]!.width,
    60,
  );
  finishTable(ws, COLUMNS, rows);
  setPrintLayout(ws, 'landscape');
  return ws;
}

function addFindingRow(ws: Worksheet, r: Report, f: Finding, copy: string | null): void {
  const row = ws.addRow([
    r.file,
    r.department,
    r.year,
    f.sheet,
    copy === null ? f.cell : linkValue(linkTarget(copy, cellLocation(f.sheet, f.cell)), f.cell),
    findingTitle(f),
    SEVERITY_LABEL[f.severity],
    null,
    null,
    f.explanation ? `${f.message}\n${f.explanation}` : f.message,
    f.acknowledged ? `${f.acknowledged.reason}（${f.acknowledged.at.slice(0, 10)}）` : null,
    f.ruleId,
  ]);
  const rate = isRateFinding(f);
  [f.entered, f.expected].forEach((text, i) => {
    const cell = row.getCell(ENTERED_COLUMN + i);
    const figure = figureCell(text, rate);
    cell.value = figure.value;
    if (figure.numFmt) cell.numFmt = figure.numFmt;
  });
  if (copy !== null) row.getCell(CELL_COLUMN).style = { font: LINK_FONT };
  row.getCell(SEVERITY_COLUMN).style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(SEVERITY_FILL[f.severity]) } } };
}
