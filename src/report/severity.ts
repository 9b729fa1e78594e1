/**
 * How a severity is shown, for every door and every file we write: its Chinese label, its cell
 * fill (docs/conventions.md: error red, warning amber, info blue), a text colour that reads on
 * that fill, and which finding of a cell wins the cell's colour. One module, so the CLI's
 * reports, the annotated copy, the host marks and the panes cannot drift apart.
 */
import type { Finding, Severity } from '../core/finding';
import { SEVERITY_RANK } from '../core/finding';

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

/** The cell fill of each severity (annotated copy, host marks, the page's grid, the HTML report), #RRGGBB. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#BDD7EE',
};

/** Dark text on the fill (Excel's 差/适中 styles; a dark blue for info): contrast ≥ 4.5:1. */
export const SEVERITY_INK: Readonly<Record<Severity, string>> = {
  error: '#9C0006',
  warning: '#7A4B00',
  info: '#1F4E78',
};

/** Whether `a` is more severe than `b`. */
export function stronger(a: Severity, b: Severity): boolean {
  return SEVERITY_RANK[a] > SEVERITY_RANK[b];
}

/** The most severe of some severities (info when there are none). */
export function strongestSeverity(severities: Iterable<Severity>): Severity {
  let out: Severity = 'info';
  for (const s of severities) if (stronger(s, out)) out = s;
  return out;
}

/** The findings of each cell, in finding order; the key is never split (a sheet name may hold `!`). */
export function findingsByCell<F extends Pick<Finding, 'sheet' | 'cell'>>(findings: readonly F[]): Map<string, F[]> {
  const groups = new Map<string, F[]>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}`; // NUL cannot occur in a sheet name
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}
