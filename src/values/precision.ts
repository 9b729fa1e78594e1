/**
 * Comparing entered figures with the rules' results at the entered figure's own precision
 * (docs/rules-domain.md, "Precision and tolerance"), and writing both as decimal strings.
 */
import Decimal from 'decimal.js';
import type { Quantity } from './value';
import { roundHalfUp } from './value';

/** Decimals a comparison uses: the entered figure's own, never fewer than the minimum. */
export function compareDecimals(entered: Quantity | null, min: number): number {
  return Math.max(entered?.decimals ?? 0, min);
}

/** The shown value: a percentage in % units. */
function shownUnits(v: Decimal, percent: boolean): Decimal {
  return percent ? v.times(100) : v;
}

/** Whether `entered` shows `expected` at `d` decimals (in % units for a percentage). */
export function agrees(entered: Quantity, expected: Decimal, d: number): boolean {
  if (entered.value.eq(expected)) return true; // the common case, without rounding twice
  const percent = entered.percent;
  return roundHalfUp(shownUnits(entered.value, percent), d).eq(roundHalfUp(shownUnits(expected, percent), d));
}

/** The decimal string of a report: a percentage is a fraction with two more decimals. */
export function decimalString(v: Decimal, d: number, percent: boolean): string {
  if (!percent) return roundHalfUp(v, d).toFixed(d);
  return roundHalfUp(v.times(100), d).div(100).toFixed(d + 2);
}

/** The entered figure as a decimal string, with the decimals it shows. */
export function enteredString(q: Quantity): string {
  return decimalString(q.value, q.decimals, q.percent);
}

/** For people: `9.90`, `98.99%`. */
export function show(v: Decimal, d: number, percent: boolean): string {
  return percent ? `${roundHalfUp(v.times(100), d).toFixed(d)}%` : roundHalfUp(v, d).toFixed(d);
}

/** An entered figure for people, as it shows: `9.8`, `98.99%`. */
export function showEntered(q: Quantity): string {
  return show(q.value, q.decimals, q.percent);
}

export type SumVerdict =
  | { readonly kind: 'ok'; readonly sum: Decimal; readonly d: number }
  /** Differs by no more than the parts' rounding can explain. */
  | { readonly kind: 'rounding'; readonly sum: Decimal; readonly d: number; readonly tolerance: Decimal }
  | { readonly kind: 'wrong'; readonly sum: Decimal; readonly d: number };

/**
 * Checks total = Σ parts at the total's own displayed decimals (never fewer than `min`): the
 * total is the entered figure, so 7.86 over parts of 7.855 is right (docs/rules-domain.md, "Precision").
 * A sum of n rounded parts may miss its rounded total by up to n × half a unit of the last
 * shown decimal; that much is a rounding difference, not an error.
 */
export function checkSum(total: Quantity, parts: ReadonlyArray<Quantity | null>, min: number): SumVerdict {
  let sum = new Decimal(0);
  const d = Math.max(min, total.decimals);
  let partDecimals = min;
  let n = 0;
  for (const p of parts) {
    if (p === null) continue;
    if (!p.value.isZero()) sum = sum.plus(p.value);
    if (p.decimals > partDecimals) partDecimals = p.decimals;
    n++;
  }
  if (roundHalfUp(sum, d).eq(roundHalfUp(total.value, d))) return { kind: 'ok', sum, d };
  // Each part shown rounded is off by at most half a unit of its last shown decimal, the
  // total by half a unit of its own: a gap within that much may be rounding alone.
  const half = (places: number) => new Decimal(10).pow(-places).times(0.5);
  const tolerance = half(partDecimals).times(Math.max(n, 1)).plus(half(d));
  if (total.value.minus(sum).abs().lte(tolerance)) return { kind: 'rounding', sum, d, tolerance };
  return { kind: 'wrong', sum, d };
}
