/**
 * Links in the workbooks we write, as HYPERLINK formulas rather than <hyperlink> elements:
 * ExcelJS 4.4 writes a link that has a location (`#'附件3'!H5`, `副本.xlsx#'附件3'!H5`) with
 * the whole text both as an external relationship and as the in-workbook location, which
 * Excel resolves to a broken address (exceljs issue #3027). The formula works in Excel, WPS
 * and LibreOffice, and a relative file name in it is taken relative to the workbook's folder.
 */
import type { CellValue } from 'exceljs';

/** Excel refuses a HYPERLINK whose link_location is longer than this. */
export const MAX_LINK_LOCATION = 255;

/** `'附件3'!H5`: a cell's location, the sheet name quoted as Excel quotes it. */
export function cellLocation(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * `file` (relative to the linking workbook's folder, `/`-separated) with an optional
 * `#location`; `file` empty for a place in the same workbook.
 */
export function linkTarget(file: string, location?: string): string {
  return location === undefined ? file : `${file}#${location}`;
}

export function hyperlinkFormula(target: string, text: string): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `HYPERLINK(${quote(target)},${quote(text)})`;
}

/** A cell value showing `text` and opening `target`; just the text when Excel could not follow it. */
export function linkValue(target: string, text: string): CellValue {
  if (target.length > MAX_LINK_LOCATION) return text;
  return { formula: hyperlinkFormula(target, text), result: text };
}

/** The target of a value written by linkValue, or null: what a test or a script follows. */
export function linkTargetOf(value: CellValue): string | null {
  if (!value || typeof value !== 'object' || !('formula' in value) || typeof value.formula !== 'string') return null;
  const m = /^HYPERLINK\("((?:[^"]|"")*)",/.exec(value.formula);
  return m ? m[1]!.replace(/""/g, '"') : null;
}
