/**
 * ExcelJS, the writer of annotated copies and summaries, loaded when something is first written
 * (reading never needs it: xlsx-reader.ts). It comes through its own "bare" entry
 * (lib/exceljs.bare.js: Workbook and the enums): the package's main entry also loads the
 * streaming reader and writer, with unzipper, archiver and their polyfills, which we never use
 * (issue 11). In the page's worker it is a chunk of its own, fetched on the first download
 * (issue 26). Types still come from the package.
 */
import type * as ExcelJS from 'exceljs';

export type Workbook = ExcelJS.Workbook;
type Bare = Pick<typeof ExcelJS, 'Workbook' | 'ValueType'>;

let loaded: Bare | null = null;

export async function loadExcelJs(): Promise<Bare> {
  loaded ??= (await import(/* webpackChunkName: "exceljs" */ 'exceljs/lib/exceljs.bare.js')) as Bare;
  return loaded;
}

/** A new ExcelJS workbook, once `loadExcelJs()` has resolved. */
export function newWorkbook(): Workbook {
  if (!loaded) throw new Error('ExcelJS is used before loadExcelJs() resolved');
  return new loaded.Workbook();
}
