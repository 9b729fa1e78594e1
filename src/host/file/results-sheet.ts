/** The `核对结果` sheet of the annotated copy: every finding, each linked to its cell. */
import type { Workbook, Worksheet } from 'exceljs';
import type { Finding } from '../../core/finding';
import type { Report } from '../../core/report';
import { argb, SEVERITY_COLOR, SEVERITY_LABEL } from './severity-style';

export const RESULTS_SHEET_NAME = '核对结果';

const COLUMNS: readonly { header: string; width: number }[] = [
  { header: '序号', width: 6 },
  { header: '严重程度', width: 10 },
  { header: '工作表', width: 16 },
  { header: '单元格', width: 10 },
  { header: '规则', width: 30 },
  { header: '填报值', width: 14 },
  { header: '应为', width: 14 },
  { header: '说明', width: 80 },
];

const HEADER_FILL = argb('#D9D9D9');
const LINK_COLOR = argb('#0563C1');

/**
 * `lost`: what the copy lacks of the original (see copy-losses.ts); said below the table, so
 * a reviewer knows to open the original for it.
 */
export function addResultsSheet(workbook: Workbook, report: Report, lost: readonly string[] = []): Worksheet {
  const ws = workbook.addWorksheet(freeSheetName(workbook, RESULTS_SHEET_NAME), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  styleHeader(ws);
  report.findings.forEach((f, i) => addFindingRow(ws, i + 1, f));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, report.findings.length + 1), column: COLUMNS.length } };
  const notes = [...(report.status !== 'checked' && report.error ? [`未核对：${report.error}`] : []), ...(lost.length ? [lostInCopyNote(lost)] : [])];
  // One blank row apart from the table, outside the autofilter range.
  notes.forEach((text, i) => {
    const note = ws.getCell(report.findings.length + 3 + i, 1);
    note.value = text;
    note.style = { font: { bold: true, color: { argb: argb('#9C0006') } } };
  });
  return ws;
}

function styleHeader(ws: Worksheet): void {
  const header = ws.getRow(1);
  header.eachCell((cell) => {
    cell.style = {
      font: { bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } },
      alignment: { vertical: 'middle', horizontal: 'center' },
      border: { bottom: { style: 'thin' } },
    };
  });
}

function addFindingRow(ws: Worksheet, index: number, f: Finding): void {
  const row = ws.addRow([
    index,
    SEVERITY_LABEL[f.severity],
    f.sheet,
    null,
    f.ruleId,
    f.entered,
    f.expected,
    f.explanation ? `${f.message}\n${f.explanation}` : f.message,
  ]);
  row.getCell(2).style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(SEVERITY_COLOR[f.severity]) } } };
  const link = row.getCell(4);
  // A HYPERLINK formula rather than a <hyperlink> element: ExcelJS 4.4 writes internal links
  // with both an external relationship and a location, which Excel resolves to a broken
  // address (exceljs issue #3027). The formula works in Excel, WPS and LibreOffice.
  link.value = { formula: hyperlinkFormula(f.sheet, f.cell), result: f.cell };
  link.style = { font: { color: { argb: LINK_COLOR }, underline: true } };
  row.getCell(8).style = { alignment: { wrapText: true, vertical: 'top' } };
}

export function lostInCopyNote(lost: readonly string[]): string {
  return `注意：本副本由核对工具另存，未保留原工作簿中的${lost.join('、')}。提交和存档请以原文件为准。`;
}

/** `#'附件3'!H5`: the in-workbook address of a finding's cell. */
export function internalAddress(sheet: string, cell: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export function hyperlinkFormula(sheet: string, cell: string): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `HYPERLINK(${quote(internalAddress(sheet, cell))},${quote(cell)})`;
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
