/**
 * Figures as a reviewer's Excel or WPS wants them: numbers, never text (no green "number stored
 * as text" triangle, sorting by value), each with the format of the form — rates as % with the
 * decimals the finding shows (0.9899 → 98.99%), amounts and scores with their decimals.
 */
import type { Finding, RuleId } from '../../core/finding';

/** Rules whose entered/expected figures are rates, carried as fractions (CONTRACT.md). */
const RATE_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['selfeval.execution-rate', 'basic.staff-control-rate', 'basic.building-scale-rate', 'basic.building-invest-rate']);

/** A cell's value and, for a number, its number format. */
export interface FigureCell {
  readonly value: number | string | null;
  readonly numFmt?: string;
}

const DECIMAL = /^-?\d+(?:\.(\d+))?$/;

/**
 * A decimal string as a number with a format keeping its decimals (`9.90` → 9.9, `0.00`);
 * a rate (a fraction) as a % with two decimals fewer (`0.9899` → 0.9899, `0.00%`). Anything
 * that is not a decimal string (`无`, a text the clerk typed) stays text, as written.
 */
export function figureCell(text: string | null, rate: boolean): FigureCell {
  if (text === null || text === '') return { value: null };
  const m = DECIMAL.exec(text);
  const n = Number(text);
  if (!m || !Number.isFinite(n)) return { value: text };
  const decimals = m[1]?.length ?? 0;
  if (rate) return { value: n, numFmt: zeros(Math.max(0, decimals - 2)) + '%' };
  return { value: n, numFmt: zeros(decimals) };
}

/** Whether a finding's entered/expected are rates. */
export function isRateFinding(f: Pick<Finding, 'ruleId' | 'suggestion'>): boolean {
  return f.suggestion ? f.suggestion.percent : RATE_RULES.has(f.ruleId);
}

function zeros(decimals: number): string {
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}
