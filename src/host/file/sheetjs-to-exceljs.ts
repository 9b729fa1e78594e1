/**
 * A legacy .xls (or any workbook SheetJS reads) rebuilt as an ExcelJS workbook, so that its annotated
 * copy can be written as .xlsx. SheetJS does not read .xls styles, so the copy keeps values,
 * formulas with their cached results, number formats, merges, column widths and row heights;
 * fonts, borders and fills of the original are not carried over.
 */
import type { CellValue, Worksheet } from 'exceljs';
import { newWorkbook, type Workbook } from './exceljs';
import type * as XLSX from '@e965/xlsx';
import { sheetjs } from './sheetjs';
import { rawValue, SHEETJS_READ_OPTIONS } from './read-xls';
import { isCellError } from '../../grid/grid';

/** Default Excel column width in characters, when a column has no stored width. */
const PIXELS_PER_CHARACTER = 7;

export interface RebuiltWorkbook {
  readonly workbook: Workbook;
  /** Sheets whose names Excel does not allow (other writers leave `[`, `:`…): old name → name in the copy. */
  readonly renamed: ReadonlyMap<string, string>;
}

export function exceljsFromSheetJs(bytes: Uint8Array): RebuiltWorkbook {
  const source = sheetjs().read(bytes, { ...SHEETJS_READ_OPTIONS, cellStyles: true });
  const workbook = newWorkbook();
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of source.SheetNames) {
    const ws = source.Sheets[name];
    if (!ws || ws['!type'] === 'chart') continue;
    const legal = legalSheetName(name, taken);
    taken.add(legal.toLowerCase());
    if (legal !== name) renamed.set(name, legal);
    copySheet(ws, workbook.addWorksheet(legal));
  }
  return { workbook, renamed };
}

/** Characters Excel refuses in a sheet name, each replaced by its full-width look-alike. */
const FULL_WIDTH: Readonly<Record<string, string>> = { '[': '［', ']': '］', ':': '：', '*': '＊', '?': '？', '/': '／', '\\': '＼' };

/** A name Excel accepts: no `[]:*?/\`, no apostrophe at either end, 1–31 characters, not yet taken. */
export function legalSheetName(name: string, taken: ReadonlySet<string>): string {
  const base = [...name.replace(/[[\]:*?/\\]/g, (c) => FULL_WIDTH[c]!).replace(/^'+|'+$/g, '')].slice(0, 31).join('') || 'Sheet';
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `(${n})`;
    const candidate = [...base].slice(0, 31 - suffix.length).join('') + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
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
