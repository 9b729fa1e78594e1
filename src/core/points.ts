/**
 * The form's points are fixed (docs/rules-domain.md, "The form's points are fixed"): the 分值 of the 总分 row is
 * the scale, not a figure to correct. While the rows' 分值 do not add up to it, or a scored row's
 * 得分 is blank, the form is unfinished: no grade is given, and every door says why.
 */
import Decimal from 'decimal.js';
import type { Field, LocatedWorkbook } from '../template/tables';
import { amount, num } from './field-value';
import { checkSum, showEntered } from '../values/precision';
import { show } from '../values/precision';
import type { Quantity } from '../values/value';

interface ScoredRow {
  readonly weight: Field | null;
  readonly score: Field | null;
}

/** The rows a table's total adds up and the 总分 row's 分值 (the points), on the table the report is summed on. */
function scoredRows(tables: LocatedWorkbook): { rows: ScoredRow[]; points: Field | null } | null {
  const s = tables.selfEval;
  if (s) {
    const rows: ScoredRow[] = [...(s.execution ? [{ weight: s.execution.weight, score: s.execution.score }] : []), ...s.indicators];
    return { rows, points: s.total?.weight ?? null };
  }
  const t = tables.scoreTable;
  if (t) return { rows: [...t.rows], points: t.total?.weight ?? null };
  return null;
}

/**
 * Whether the rows' 分值 add up to the points (the total row's 分值, at its precision; a rounding
 * difference counts as adding up). False when the points or a 分值 cannot be read.
 */
export function weightsMatchPoints(rows: ReadonlyArray<{ readonly weight: Field | null }>, pointsField: Field | null, minDecimals: number): boolean {
  const points = num(pointsField);
  if (!points) return false;
  const parts: Array<Quantity | null> = [];
  for (const r of rows) {
    const a = amount(r.weight);
    if (a === 'unknown') return false;
    parts.push(a);
  }
  return checkSum(points, parts, minDecimals).kind !== 'wrong';
}

/**
 * The most a proposed total may be, or null when none may be proposed: the points (the total
 * row's 分值, 100 where the form shows none) while the rows' 分值 add up to them — or while no row
 * has a 分值 of its own (a form with 得分 only: nothing contradicts the points).
 */
export function totalSuggestionCap(rows: ReadonlyArray<{ readonly weight: Field | null }>, pointsField: Field | null, minDecimals: number): Decimal | null {
  const points = num(pointsField)?.value ?? new Decimal(100);
  // Rows without a 分值 of their own leave Σ 分值 unknown: nothing contradicts the points.
  const everyWeight = rows.length > 0 && rows.every((r) => r.weight && r.weight.parsed.kind !== 'blank' && r.weight.parsed.kind !== 'none');
  if (!everyWeight) return points;
  if (num(pointsField)) return weightsMatchPoints(rows, pointsField, minDecimals) ? points : null;
  const parts: Quantity[] = [];
  for (const r of rows) {
    const a = amount(r.weight);
    if (a === 'unknown') return null;
    if (a) parts.push(a);
  }
  const sum = parts.reduce((t, q) => t.plus(q.value), new Decimal(0));
  return sum.eq(points) ? points : null;
}

export type PointsVerdict =
  | { readonly kind: 'ok' }
  /** A scored row (分值 above 0) whose 得分 is blank or a "none" mark. */
  | { readonly kind: 'unfinished'; readonly reason: string }
  /** Σ 分值 differs from the 总分 row's 分值. */
  | { readonly kind: 'weights'; readonly reason: string; readonly sum: Decimal; readonly points: Quantity }
  /** The points are not 100: the grade bands are on 100 points. */
  | { readonly kind: 'scale'; readonly reason: string; readonly points: Quantity };

/** Whether a grade may be given, and in Chinese why not (`得分未填完，不评等次`). */
export function pointsVerdict(tables: LocatedWorkbook, minDecimals: number): PointsVerdict {
  const scored = scoredRows(tables);
  if (!scored) return { kind: 'ok' };
  const unfinished = scored.rows.some((r) => {
    const w = num(r.weight);
    const kind = r.score?.parsed.kind;
    return w !== null && w.value.gt(0) && (kind === 'blank' || kind === 'none');
  });
  if (unfinished) return { kind: 'unfinished', reason: '得分未填完，不评等次' };
  const points = num(scored.points);
  if (!points) return { kind: 'ok' };
  const parts: Array<Quantity | null> = [];
  for (const r of scored.rows) {
    const a = amount(r.weight);
    if (a === 'unknown') return { kind: 'ok' }; // value.unparsed says so; the sum is not known
    parts.push(a);
  }
  if (parts.some((p) => p !== null)) {
    const verdict = checkSum(points, parts, minDecimals);
    if (verdict.kind === 'wrong') {
      const sum = show(verdict.sum, Math.max(...parts.map((p) => p?.decimals ?? 0)), false);
      return { kind: 'weights', reason: `分值合计 ${sum} 与总分分值 ${showEntered(points)} 不符，不评等次`, sum: verdict.sum, points };
    }
  }
  if (!points.value.eq(100)) return { kind: 'scale', reason: `总分分值为 ${showEntered(points)}，等次按百分制评定，不评等次`, points };
  return { kind: 'ok' };
}
