/**
 * SheetJS (@e965/xlsx), loaded on first use: only .xls files, OLE containers and packages
 * ExcelJS cannot parse need it, and requiring it costs a checking process about a third of
 * its start-up (issue 11). Modules that use it import its types only and call `sheetjs()`.
 */
import type * as XLSX from '@e965/xlsx';

let loaded: typeof XLSX | null = null;

export function sheetjs(): typeof XLSX {
  loaded ??= require('@e965/xlsx') as typeof XLSX;
  return loaded;
}
