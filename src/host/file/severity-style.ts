/** Colours in the form ExcelJS writes them (the colours themselves are src/report/severity.ts). */

/** `#FFC7CE` → ExcelJS's `FFFFC7CE`. */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}
