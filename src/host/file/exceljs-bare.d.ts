/** ExcelJS's bare entry (exceljs.ts): the package's own types, for what it exports. */
declare module 'exceljs/lib/exceljs.bare.js' {
  import type * as ExcelJS from 'exceljs';
  export const Workbook: typeof ExcelJS.Workbook;
  export const ValueType: typeof ExcelJS.ValueType;
}
