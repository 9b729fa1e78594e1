/**
 * What the panes read back from their own stores (the marks snapshot, what 一键重算 replaced),
 * checked against what the add-in itself could have written. The store lives in the workbook
 * (WPS: the very hidden sheet `_selfeval_marks`; Excel: the document's settings), so a stranger's
 * file can carry a planted one: an entry whose "original formula" is `=HYPERLINK(…)` would be
 * written into the form by 撤销重算. Nothing there is trusted: an entry is taken only when every
 * field is of the kind we write — a sheet name Excel allows, a plain cell address inside the
 * grid, our own colours, a figure where 一键重算 writes figures, and as a formula only the
 * arithmetic of a form's sums (cell references, numbers, + − × ÷, SUM and ROUND; never a text, a
 * link or any other function). Anything else is dropped, as if it had never been stored. Pure.
 */
import { parseA1 } from '../grid/grid';
import { SEVERITY_FILL } from '../report/severity';
import { OUTLINE_FILL, RECALC_FILL, type MarkEntry } from './marks';
import type { RecalcEntry } from './snapshots';

/** Most entries read from one store: a form has a few thousand cells at most. */
export const MAX_STORED_ENTRIES = 20_000;

const OUR_COLOURS = new Set<string>([...Object.values(SEVERITY_FILL), RECALC_FILL, OUTLINE_FILL].map((c) => c.toUpperCase()));

/** A sheet name Excel allows: 1–31 characters, none of `[]:*?/\`. */
export function isSheetName(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= 31 && !/[[\]:*?/\\]/.test(x);
}

/** `A1`…`XFD1048576`, without `$` or a sheet. */
export function isPlainCell(x: unknown): x is string {
  if (typeof x !== 'string' || !/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(x)) return false;
  const { row, col } = parseA1(x);
  return row < 1_048_576 && col < 16_384;
}

/** Plain data as an adapter records a fill: numbers, booleans, short texts, null, in small arrays and objects. */
export function isPlainFill(x: unknown, depth = 0): boolean {
  if (x === null || typeof x === 'boolean') return true;
  if (typeof x === 'number') return Number.isFinite(x);
  if (typeof x === 'string') return x.length <= 64 && !/^[=+\-@]/.test(x);
  if (depth >= 3 || typeof x !== 'object') return false;
  const values = Array.isArray(x) ? x : Object.values(x as Record<string, unknown>);
  return values.length <= 16 && values.every((v) => isPlainFill(v, depth + 1));
}

/** A figure 一键重算 writes: a finite number, or its decimal text (`9.90`, `98.99%`). */
function isWrittenFigure(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  return typeof x === 'string' && /^-?\d{1,15}(\.\d{1,15})?%?$/.test(x);
}

const FORMULA_FUNCTIONS = new Set(['SUM', 'ROUND', 'ROUNDUP', 'ROUNDDOWN']);

/**
 * The arithmetic of a form's sums and scores: `=SUM(H14:H20)`, `=ROUND(E5/D5*10,2)`, `=H14+H15`,
 * references to other sheets by plain name. No quotes (no texts, no quoted sheet names that
 * could hide anything), no other function (HYPERLINK, WEBSERVICE, INDIRECT…).
 */
export function isArithmeticFormula(x: unknown): x is string {
  if (typeof x !== 'string' || x.length > 1024 || !x.startsWith('=')) return false;
  const body = x.slice(1);
  if (!/^[A-Za-z0-9_$:.,+\-*/()%!\s\u4e00-\u9fff]*$/.test(body)) return false;
  for (const m of body.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) if (!FORMULA_FUNCTIONS.has(m[1]!.toUpperCase())) return false;
  return true;
}

/** A constant a cell held before 一键重算 (put back as a constant; text never as a formula). */
function isConstant(x: unknown): boolean {
  if (x === null || typeof x === 'boolean') return true;
  if (typeof x === 'number') return Number.isFinite(x);
  return typeof x === 'string' && x.length <= 32_767;
}

export function isMarkEntry<F>(x: unknown): x is MarkEntry<F> {
  if (!x || typeof x !== 'object') return false;
  const e = x as Record<string, unknown>;
  return isSheetName(e['sheet']) && isPlainCell(e['cell']) && typeof e['painted'] === 'string' && OUR_COLOURS.has(e['painted'].toUpperCase()) && isPlainFill(e['original']);
}

export function isRecalcEntry<F>(x: unknown): x is RecalcEntry<F> {
  if (!x || typeof x !== 'object') return false;
  const e = x as Record<string, unknown>;
  return (
    isSheetName(e['sheet']) &&
    isPlainCell(e['cell']) &&
    (e['formula'] === null || isArithmeticFormula(e['formula'])) &&
    isConstant(e['value']) &&
    typeof e['numFmt'] === 'string' &&
    e['numFmt'].length <= 255 &&
    (e['fill'] === null || isPlainFill(e['fill'])) &&
    typeof e['addedToMarks'] === 'boolean' &&
    isWrittenFigure(e['written'])
  );
}

/** The entries that pass `valid`, at most MAX_STORED_ENTRIES. */
export function trustedEntries<E>(entries: readonly unknown[], valid: (x: unknown) => x is E): E[] {
  const out: E[] = [];
  for (const e of entries) {
    if (out.length >= MAX_STORED_ENTRIES) break;
    if (valid(e)) out.push(e);
  }
  return out;
}
