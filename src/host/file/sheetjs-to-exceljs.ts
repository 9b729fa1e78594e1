/**
 * A legacy .xls (or any workbook SheetJS reads) rebuilt as an ExcelJS workbook, so that its annotated
 * copy can be written as .xlsx. SheetJS does not read .xls styles, so the copy keeps values,
 * formulas with their cached results, number formats, merges, column widths and row heights;
 * fonts, borders and fills of the original are not carried over.
 */
import { Workbook, type CellValue, type Worksheet } from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { rawValue, SHEETJS_READ_OPTIONS } from './read-xls';
import { isCellError } from '../../template/grid';

/** Default Excel column width in characters, when a column has no stored width. */
const PIXELS_PER_CHARACTER = 7;

export function exceljsFromSheetJs(bytes: Uint8Array): Workbook {
  const source = XLSX.read(bytes, { ...SHEETJS_READ_OPTIONS, cellStyles: true });
  const workbook = new Workbook();
  for (const name of source.SheetNames) {
    const ws = source.Sheets[name];
    if (!ws || ws['!type'] === 'chart') continue;
    copySheet(ws, workbook.addWorksheet(name));
  }
  return workbook;
}

function copySheet(from: XLSX.WorkSheet, to: Worksheet): void {
  for (const key of Object.keys(from)) {
    if (key.startsWith('!')) continue;
    const cell = from[key] as XLSX.CellObject;
    const value = rawValue(cell);
    const target = to.getCell(key);
    const plain: CellValue = value === null ? null : isCellError(value) ? { error: value.error as never } : value;
    target.value = cell.f ? { formula: cell.f.replace(/^=/, ''), result: plain as never } : plain;
    if (typeof cell.z === 'string' && !/^general$/i.test(cell.z)) target.numFmt = cell.z;
  }
  for (const m of from['!merges'] ?? []) to.mergeCells(m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1);
  (from['!cols'] ?? []).forEach((col, i) => {
    if (!col) return;
    const column = to.getColumn(i + 1);
    // `width` is Excel's own unit (as ExcelJS's); `wch` and `wpx` are what writers set.
    const width = col.width ?? col.wch ?? (col.wpx !== undefined ? col.wpx / PIXELS_PER_CHARACTER : undefined);
    if (width !== undefined) column.width = width;
    if (col.hidden) column.hidden = true;
  });
  (from['!rows'] ?? []).forEach((row, i) => {
    if (!row) return;
    const height = row.hpt ?? (row.hpx !== undefined ? (row.hpx * 3) / 4 : undefined);
    if (height !== undefined) to.getRow(i + 1).height = height;
    if (row.hidden) to.getRow(i + 1).hidden = true;
  });
}
