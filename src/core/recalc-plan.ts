/**
 * What 一键重算 writes, decided here, purely, so every door agrees.
 *
 * One pass of suggestions is not enough: a score written under an unchanged 总分, or a
 * 公务用车 subtotal corrected under an unchanged 三公经费 total, leaves the sum above it out
 * of step, and the clerk would need a second check and recalc. So the plan applies the
 * suggestions to a copy of the Grid, checks again, and repeats until nothing is left to
 * suggest; the preview then lists every cell the chain touches, each once, with the value
 * it had before the first pass.
 *
 * Formula cells: a cell that already had a formula is recalculated by the host itself once
 * its inputs change; this copy cannot evaluate formulas, so findings on such cells after
 * the first pass are the copy's stale cached results and are not planned. (A formula cell
 * wrong on the first pass is planned like any other: the clerk sees it in the preview.)
 */
import Decimal from 'decimal.js';
import type { Finding, RuleId, Severity, Suggestion } from './finding';
import { SEVERITY_RANK } from './finding';
import type { Report } from './report';
import { describeFormat } from '../values/value';
import type { Cell, WorkbookGrid } from '../grid/grid';
import { a1, cellKey as key, normCell, parseA1 } from '../grid/grid';

/** One cell 一键重算 would change: shown as a preview, written only after confirmation. */
export interface PlannedWrite {
  readonly sheet: string;
  /** Top-left A1 address of the (possibly merged) cell. */
  readonly cell: string;
  /** The rule whose suggestion this is (the most severe finding at the cell). */
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** The value as the clerk entered it, before any pass (the first finding's `entered`). */
  readonly entered: string | null;
  /** The decimal string to write; a percentage in % units (`98.99` for 98.99 %). */
  readonly value: string;
  readonly percent: boolean;
  /** How the new value reads in the preview: `98.99%`, `9.90`. */
  readonly display: string;
}

type Suggested = Finding & { readonly suggestion: Suggestion };

/** One pass: per cell, the suggestion of its most severe finding (the first among equals). */
export function suggestedWrites(findings: readonly Finding[]): PlannedWrite[] {
  const chosen = new Map<string, Suggested>();
  for (const f of findings) {
    if (!f.suggestion) continue;
    const k = key(f.sheet, f.cell);
    const prev = chosen.get(k);
    if (!prev || SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev.severity]) chosen.set(k, f as Suggested);
  }
  return [...chosen.values()].map((f) => ({
    sheet: f.sheet,
    cell: normCell(f.cell),
    ruleId: f.ruleId,
    severity: f.severity,
    entered: f.entered,
    value: f.suggestion.value,
    percent: f.suggestion.percent,
    display: f.suggestion.percent ? `${f.suggestion.value}%` : f.suggestion.value,
  }));
}

/** What to put into a cell for a write, given the cell's current number format. */
export type CellWrite = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'text'; readonly value: string };

/**
 * A percentage goes into a %-formatted cell as its fraction (98.99 → 0.9899); into any other
 * cell as the text `98.99%`, as the clerk had typed it. A plain figure goes in as a number,
 * except into a text-formatted (`@`) cell, where it stays text.
 */
export function cellWrite(w: Pick<PlannedWrite, 'value' | 'percent'>, numFmt: string | null | undefined): CellWrite {
  if (w.percent) {
    if (describeFormat(numFmt ?? undefined).percent) return { kind: 'number', value: new Decimal(w.value).div(100).toNumber() };
    return { kind: 'text', value: `${w.value}%` };
  }
  if ((numFmt ?? '').trim() === '@') return { kind: 'text', value: w.value };
  return { kind: 'number', value: new Decimal(w.value).toNumber() };
}

/** The Grid as the hosts leave it after writing: a written figure replaces a formula, as Range.values does. */
export function applyWrites(grid: WorkbookGrid, writes: readonly PlannedWrite[]): WorkbookGrid {
  if (!writes.length) return grid;
  return {
    sheets: grid.sheets.map((sheet) => {
      const mine = writes.filter((w) => w.sheet === sheet.name);
      if (!mine.length) return sheet;
      const rows = sheet.rows.map((r) => (r ? [...r] : r));
      for (const w of mine) {
        const { row, col } = parseA1(w.cell);
        const old: Cell | undefined = rows[row]?.[col];
        const cell: Cell = { value: cellWrite(w, old?.numFmt).value, ...(old?.numFmt ? { numFmt: old.numFmt } : {}) };
        while (rows.length <= row) rows.push(undefined);
        const r = rows[row] ?? [];
        r[col] = cell;
        rows[row] = r;
      }
      return { ...sheet, rows };
    }),
  };
}

/** `Sheet!A1` of every cell holding a formula: the host recalculates these, a Grid copy cannot. */
export function formulaCells(grid: WorkbookGrid): Set<string> {
  const out = new Set<string>();
  for (const s of grid.sheets) {
    s.rows.forEach((r, row) =>
      r?.forEach((c, col) => {
        if (c?.formula !== undefined) out.add(key(s.name, a1(row, col)));
      }),
    );
  }
  return out;
}

/** Passes beyond which a chain is cut: the templates nest sums at most three deep. */
const MAX_PASSES = 5;

/**
 * Every write 一键重算 makes, in finding order: the first pass's suggestions, then what
 * the sums above them need, until nothing is left. `check` is the engine (injected, so core
 * stays below it); `report` is its result for `grid`.
 */
export function planRecalc(
  grid: WorkbookGrid,
  report: Report,
  check: (grid: WorkbookGrid) => Report,
  /**
   * `Sheet!A1` of cells the clerk unticked: never written, so the sums above them are planned
   * over their entered values (a 总分 over an unticked score adds that score as entered).
   */
  skip: ReadonlySet<string> = new Set(),
): PlannedWrite[] {
  if (report.status !== 'checked') return [];
  const allowed = (w: PlannedWrite) => !skip.has(key(w.sheet, w.cell));
  let pass = suggestedWrites(report.findings).filter(allowed);
  if (!pass.length) return [];
  const plan = new Map<string, PlannedWrite>(pass.map((w) => [key(w.sheet, w.cell), w]));
  const formulas = formulaCells(grid);
  let current = grid;
  for (let i = 1; i < MAX_PASSES; i++) {
    current = applyWrites(current, pass);
    const next = check(current);
    if (next.status !== 'checked') break;
    pass = suggestedWrites(next.findings).filter((w) => {
      const k = key(w.sheet, w.cell);
      return allowed(w) && (plan.has(k) || !formulas.has(k));
    });
    if (!pass.length) break;
    for (const w of pass) {
      const k = key(w.sheet, w.cell);
      const first = plan.get(k);
      // The preview says what the cell held before 一键重算, not what an earlier pass made it.
      plan.set(k, first ? { ...w, entered: first.entered } : w);
    }
  }
  return [...plan.values()];
}
