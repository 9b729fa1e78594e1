/**
 * Workbooks built in memory for the file-door tests: the same content written by ExcelJS
 * (.xlsx, with formulas) and by SheetJS (.xls; its BIFF8 writer keeps values, number
 * formats and merges, but writes no formulas and no sheet protection).
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';

export const TITLE = '部门整体支出绩效自评表（2023年度）';

/** Row-by-row content of the 附件3 sample: [address, value, numFmt?, formula?]. */
type Entry = readonly [string, number | string | boolean | { error: string }, string?, string?];

export const SELF_EVAL_ENTRIES: readonly Entry[] = [
  ['A1', TITLE],
  ['A2', '单位名称：'],
  ['B2', '某某县财政局'],
  ['A3', '项目'],
  ['B3', '年初预算数'],
  ['C3', '全年预算数'],
  ['D3', '全年执行数'],
  ['E3', '执行率'],
  ['F3', '得分'],
  ['A4', '年度资金总额'],
  ['B4', 866.48, '0.00'],
  ['C4', '866.48'],
  ['D4', 857.71, '#,##0.00'],
  ['E4', 0.9899, '0.00%', 'D4/B4'],
  ['F4', { error: '#DIV/0!' }, undefined, 'E4/0'],
  ['A5', '数量指标'],
  ['B5', '１４'],
  ['C5', '≥90%'],
  ['D5', true],
  ['E5', 9.9, '0.0', 'ROUND(10*E4,1)'],
  ['A6', '合并单元格'],
  ['A8', '  前后有空格  '],
  ['C8', 1234.5, '#,##0.00'],
];
export const SELF_EVAL_MERGES = ['A1:F1', 'A6:A7', 'B6:C7'];

export const BASIC_ENTRIES: readonly Entry[] = [
  ['A1', '部门（单位）整体支出绩效评价基础数据表'],
  ['B3', '编制数'],
  ['C3', 40],
  ['B4', '实际在职人数'],
  ['C4', 38],
  ['D4', 0.95, '0%'],
];

export async function buildXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const basic = wb.addWorksheet('附件2');
  const selfEval = wb.addWorksheet('附件3');
  fillExcelJs(basic, BASIC_ENTRIES, []);
  fillExcelJs(selfEval, SELF_EVAL_ENTRIES, SELF_EVAL_MERGES);
  await basic.protect('', {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function fillExcelJs(ws: ExcelJS.Worksheet, entries: readonly Entry[], merges: readonly string[]): void {
  for (const [address, value, numFmt, formula] of entries) {
    const cell = ws.getCell(address);
    cell.value = formula ? ({ formula, result: value } as ExcelJS.CellFormulaValue) : (value as ExcelJS.CellValue);
    if (numFmt) cell.numFmt = numFmt;
  }
  for (const m of merges) ws.mergeCells(m);
}

export function buildXls(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheetJsSheet(BASIC_ENTRIES, []), '附件2');
  XLSX.utils.book_append_sheet(wb, sheetJsSheet(SELF_EVAL_ENTRIES, SELF_EVAL_MERGES), '附件3');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
}

export function sheetJsSheet(entries: readonly Entry[], merges: readonly string[], withFormulas = false): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxRow = 0;
  let maxCol = 0;
  for (const [address, value, numFmt, formula] of entries) {
    const { r, c } = XLSX.utils.decode_cell(address);
    maxRow = Math.max(maxRow, r);
    maxCol = Math.max(maxCol, c);
    const cell: XLSX.CellObject =
      typeof value === 'object'
        ? { t: 'e', v: 0x07, w: value.error }
        : { t: typeof value === 'number' ? 'n' : typeof value === 'boolean' ? 'b' : 's', v: value };
    if (numFmt) cell.z = numFmt;
    if (withFormulas && formula) cell.f = formula;
    ws[address] = cell;
  }
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxRow, c: maxCol } });
  ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  return ws;
}

/** Rewrites one part of an .xlsx package (XLSX.CFB reads and writes zips too). */
export function replaceZipPart(xlsx: Uint8Array, part: string, content: string): Uint8Array {
  const zip = XLSX.CFB.read(xlsx, { type: 'array' });
  const entry = XLSX.CFB.find(zip, `/${part}`);
  if (!entry) throw new Error(`no part ${part}`);
  entry.content = new TextEncoder().encode(content);
  return new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'array' }) as ArrayBuffer);
}

/** The package with extra parts added (parts ExcelJS does not model, say), through fflate. */
export function addZipParts(xlsx: Uint8Array, parts: Record<string, string>): Uint8Array {
  const files = unzipSync(xlsx);
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  return zipSync(files);
}

/** A styles part ExcelJS 4.4 cannot parse (a numFmt without a code) but SheetJS reads past. */
export const STYLES_EXCELJS_REJECTS =
  '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt/></numFmts><cellXfs><xf numFmtId="abc"/></cellXfs></styleSheet>';
