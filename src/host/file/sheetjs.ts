/**
 * SheetJS (@e965/xlsx), loaded on first use: only .xls files, OLE containers and packages
 * the .xlsx reader refuses need it, and loading it costs a checking process about a third of
 * its start-up (issue 11); in the page's worker it is a chunk of its own, fetched when the
 * first such file comes (issue 26). Modules that use it import its types only, and call
 * `sheetjs()` once `loadSheetJs()` has resolved.
 */
import type * as XLSX from '@e965/xlsx';

let loaded: typeof XLSX | null = null;

export async function loadSheetJs(): Promise<typeof XLSX> {
  loaded ??= await import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx');
  return loaded;
}

/** SheetJS, once `loadSheetJs()` has resolved. */
export function sheetjs(): typeof XLSX {
  if (!loaded) throw new Error('SheetJS is used before loadSheetJs() resolved');
  return loaded;
}
