/** The `核对结果` sheet of the annotated copy: every finding, each linked to its cell. */
import type { Workbook, Worksheet } from 'exceljs';
import type { Finding, Severity } from '../../core/finding';
import { figureCell, isRateFinding } from './summary-figures';
import type { Report } from '../../core/report';
import { findingTitle } from '../../core/rule-titles';
import { cellLocation, hyperlinkFormula as linkFormula, linkTarget } from './links';
import { argb } from './severity-style';
import { SEVERITY_FILL, SEVERITY_LABEL } from '../../report/severity';
import { finishTable, LINK_FONT, setPrintLayout, startTable, type TableColumn } from './sheet-layout';
import { coverageLine, isFullyChecked } from '../../report/coverage';

export const RESULTS_SHEET_NAME = '核对结果';

const COLUMNS: readonly TableColumn[] = [
  { header: '序号', width: 6 },
  { header: '严重程度', width: 10 },
  { header: '工作表', width: 16 },
  { header: '单元格', width: 10 },
  { header: '规则名称', width: 22 },
  { header: '填报值', width: 14 },
  { header: '应为', width: 14 },
  { header: '说明', width: 80, wrap: true },
  // Appended: the stable ID scripts and the rule list (--list-rules) go by.
  { header: '规则编号', width: 28 },
];

/**
 * `lost`: what the copy lacks of the original (see copy-losses.ts); said below the table, so
 * a reviewer knows to open the original for it.
 */
export function addResultsSheet(workbook: Workbook, report: Report, lost: readonly string[] = []): Worksheet {
  const ws = workbook.addWorksheet(freeSheetName(workbook, RESULTS_SHEET_NAME));
  startTable(ws, COLUMNS);
  report.findings.forEach((f, i) => addFindingRow(ws, i + 1, f));
  finishTable(ws, COLUMNS, report.findings.length);
  setPrintLayout(ws, 'landscape');
  const coverage = coverageLine(report);
  // Bold red: what the reviewer must not miss (not checked, checked in part, lost in the copy).
  const notes: Array<{ text: string; alert: boolean }> = [
    ...(report.status !== 'checked' && report.error ? [{ text: `未核对：${report.error}`, alert: true }] : []),
    ...(coverage ? [{ text: coverage, alert: !isFullyChecked(report) }] : []),
    ...(lost.length ? [{ text: lostInCopyNote(lost), alert: true }] : []),
    // Copies of same-named workbooks from different folders must say which one they are.
    { text: sourceNote(report.file), alert: false },
  ];
  // One blank row apart from the table, outside the autofilter range: first the legend of the
  // fills, then the notes.
  const legendRow = report.findings.length + 3;
  addLegend(ws, legendRow);
  notes.forEach(({ text, alert }, i) => {
    const note = ws.getCell(legendRow + 1 + i, 1);
    note.value = text;
    if (alert) note.style = { font: { bold: true, color: { argb: argb('#9C0006') } } };
  });
  return ws;
}

/** `图例：红 错误 · 黄 警告 · 蓝 提示`, each word on its own fill, as the marked cells are filled. */
export const LEGEND: ReadonlyArray<readonly [Severity, string]> = [
  ['error', '红 错误'],
  ['warning', '黄 警告'],
  ['info', '蓝 提示'],
];

function addLegend(ws: Worksheet, row: number): void {
  ws.getCell(row, 1).value = '图例';
  ws.getCell(row, 1).style = { font: { bold: true } };
  LEGEND.forEach(([severity, label], i) => {
    const cell = ws.getCell(row, 2 + i);
    cell.value = label;
    cell.style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(SEVERITY_FILL[severity]) } }, alignment: { horizontal: 'center' } };
  });
}

/**
 * Opens the copy where the problems are: on 核对结果 (the list, each row a link to its cell),
 * its tab the only one selected — not on whichever sheet the clerk last saved on.
 */
export function openOn(workbook: Workbook, ws: Worksheet): void {
  const index = workbook.worksheets.indexOf(ws);
  for (const other of workbook.worksheets) {
    const views = other.views?.length ? other.views : [{}];
    other.views = views.map((v) => ({ ...v, tabSelected: other === ws }) as unknown as (typeof other.views)[number]);
  }
  const book = workbook.views?.[0] ?? { x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible' as const };
  workbook.views = [{ ...book, firstSheet: 0, activeTab: index }];
}

function addFindingRow(ws: Worksheet, index: number, f: Finding): void {
  const row = ws.addRow([
    index,
    f.acknowledged ? `${SEVERITY_LABEL[f.severity]}（已说明）` : SEVERITY_LABEL[f.severity],
    f.sheet,
    null,
    findingTitle(f),
    null,
    null,
    [f.message, f.explanation, f.acknowledged ? `已说明：${f.acknowledged.reason}` : ''].filter(Boolean).join('\n'),
    f.ruleId,
  ]);
  const rate = isRateFinding(f);
  [f.entered, f.expected].forEach((text, i) => {
    const figure = figureCell(text, rate);
    const cell = row.getCell(6 + i);
    cell.value = figure.value;
    if (figure.numFmt) cell.numFmt = figure.numFmt;
  });
  row.getCell(2).style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(SEVERITY_FILL[f.severity]) } } };
  const link = row.getCell(4);
  // A formula, not a <hyperlink> element (links.ts says why).
  link.value = { formula: hyperlinkFormula(f.sheet, f.cell), result: f.cell };
  link.style = { font: LINK_FONT };
}

/** `原文件：乡镇/seed-004.xlsx` — the workbook as it was given to the checker. */
export function sourceNote(file: string): string {
  return `原文件：${file}`;
}

export function lostInCopyNote(lost: readonly string[]): string {
  return `注意：本副本由核对工具另存，未保留原工作簿中的${lost.join('、')}。提交和存档请以原文件为准。`;
}

/** `#'附件3'!H5`: the in-workbook address of a finding's cell. */
export function internalAddress(sheet: string, cell: string): string {
  return linkTarget('', cellLocation(sheet, cell));
}

export function hyperlinkFormula(sheet: string, cell: string): string {
  return linkFormula(internalAddress(sheet, cell), cell);
}

/** `核对结果`, or `核对结果(2)`… when the workbook already has one (sheet names ignore case). */
function freeSheetName(workbook: Workbook, wanted: string): string {
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}(${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
