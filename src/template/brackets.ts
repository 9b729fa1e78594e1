/** Header text without its bracketed parts (units, notes). */
/**
 * `a(b)c(d` → `ac(d`: drops each `(…)`. A loop rather than `/\([^)]*\)/g`, which rescans to the
 * end from every `(` of an unclosed run (quadratic on a long header of `(`).
 */
export function withoutBracketed(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('(', i);
    const close = open < 0 ? -1 : s.indexOf(')', open + 1);
    if (close < 0) return out + s.slice(i);
    out += s.slice(i, open);
    i = close + 1;
  }
  return out;
}
