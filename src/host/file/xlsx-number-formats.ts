/**
 * Number formats as the Grid has always carried them (through ExcelJS, whose reading the
 * one-pass reader keeps: xlsx-reader.ts): a custom format of styles.xml by its id, else one of
 * the built-in ids with a fixed code. The CJK date ids 27–36 have no code here, as in ExcelJS
 * (its table gives them per locale only), so such a cell keeps its serial number and no format.
 */

/** Built-in number format codes by id (ECMA-376 §18.8.30), as ExcelJS 4.4 lists them. */
const BUILT_IN_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, 'General'],
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy "h":mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00 ;(#,##0.00)'],
  [40, '#,##0.00 ;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
]);

export function builtInFormat(id: number): string | undefined {
  return BUILT_IN_FORMATS.get(id);
}

/**
 * Whether a format shows a date or time: a letter of y m d h M s b once every `[...]` and then
 * every `"..."` is taken out (ExcelJS's own test, which decides whether a number cell arrives as
 * a date). Hand loops: no pattern over workbook text may backtrack (README, "Limits").
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const shown = withoutPairs(withoutPairs(code, '[', ']'), '"', '"');
  for (let i = 0; i < shown.length; i++) if ('ymdhMsb'.includes(shown[i]!)) return true;
  return false;
}

/** `code` without each `open…close` pair, leftmost first; an opener never closed stays. */
function withoutPairs(code: string, open: string, close: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = code.indexOf(open, at);
    if (start < 0) break;
    const end = code.indexOf(close, start + 1);
    if (end < 0) break; // no closer after this opener, so none after any later one either
    out += code.slice(at, start);
    at = end + 1;
  }
  return out + code.slice(at);
}
