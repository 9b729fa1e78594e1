/**
 * The scores the rules give, row by row, and the total they add up to. Shared by the
 * execution/indicator rules, the recomputed-total rule and the report summary, so that the
 * figure a reviewer sees in the summary is the one the findings explain.
 */
import Decimal from 'decimal.js';
import type { ExecutionRow, Field, SelfEvalTable } from '../template/tables';
import { num } from './rule';
import { assessIndicator, type Assessment } from './indicator';
import { showEntered } from '../values/precision';
import type { Profile } from './profile';

export interface ExecutionScore {
  readonly rate: Decimal;
  readonly expected: Decimal;
  /** `10 × 857.71 ÷ 866.48`. */
  readonly formula: string;
}

/** 得分 = 分值 × min(执行率, 100%); null when 全年预算数 is 0 or blank. */
/**
 * The execution rate's base (profile option `execution.base`): 全年预算数 (the form's own budget
 * column: 调整后预算数, or 年初预算数 on a form without either), or 年初预算数 where the profile says so.
 */
export function executionBase(row: ExecutionRow, profile: Profile): { readonly field: Field; readonly name: string } {
  if (profile.executionBase === 'initial' && row.initialBudget) return { field: row.initialBudget, name: '年初预算数' };
  return { field: row.budget, name: row.budgetName ?? '全年预算数' };
}

export function executionScore(row: ExecutionRow, profile: Profile): ExecutionScore | null {
  const budget = num(executionBase(row, profile).field);
  const actual = num(row.actual);
  const weight = num(row.weight);
  if (!budget || !actual || !weight || budget.value.isZero()) return null;
  const rate = actual.value.div(budget.value);
  const capped = profile.capExecutionScore && rate.gt(1);
  const expected = weight.value.times(capped ? new Decimal(1) : rate);
  const formula = capped
    ? `${showEntered(weight)} × min(执行率, 100%)（执行率超过 100% 按 100% 计）`
    : `${showEntered(weight)} × ${showEntered(actual)} ÷ ${showEntered(budget)}`;
  return { rate, expected, formula };
}

export interface Recomputed {
  readonly execution: ExecutionScore | null;
  readonly indicators: ReadonlyArray<{ readonly row: number; readonly assessment: Assessment }>;
  /** Σ recomputed scores, unrounded (rounding each row first would drift on long tables); qualitative rows count as entered. */
  readonly total: Decimal | null;
  /** Σ entered scores (execution row + indicators). */
  readonly enteredSum: Decimal | null;
}

/** The cap a profile puts on the total for this execution rate, if any. */
export function totalCap(rate: Decimal, profile: Profile): number | null {
  for (const band of profile.totalCapByExecutionRate ?? []) if (rate.lt(band.below)) return band.cap;
  return null;
}

export function recompute(table: SelfEvalTable, profile: Profile): Recomputed {
  const execution = table.execution ? executionScore(table.execution, profile) : null;
  const year = table.year !== null && /^\d{4}$/.test(table.year) ? Number(table.year) : null;
  const indicators = table.indicators.map((row) => ({ row: row.row, assessment: assessIndicator(row, profile, year) }));
  let total: Decimal | null = new Decimal(0);
  let enteredSum: Decimal | null = new Decimal(0);
  const execScore = num(table.execution?.score);
  if (execution) total = total.plus(execution.expected);
  else if (execScore) total = total.plus(execScore.value);
  if (execScore) enteredSum = enteredSum.plus(execScore.value);
  table.indicators.forEach((row, i) => {
    const a = indicators[i]!.assessment;
    const entered = num(row.score);
    if (entered && enteredSum) enteredSum = enteredSum.plus(entered.value);
    if (!total) return;
    if (a.kind === 'scored') total = total.plus(a.expected);
    else if (entered) {
      const weight = num(row.weight);
      // A judged score counts as entered, but never beyond its bounds.
      const bounded = weight ? Decimal.min(Decimal.max(entered.value, 0), weight.value) : entered.value;
      total = total.plus(bounded);
    }
  });
  const cap = execution && total ? totalCap(execution.rate, profile) : null;
  if (cap !== null && total && total.gt(cap)) total = new Decimal(cap);
  if (!table.execution && table.indicators.length === 0) {
    total = null;
    enteredSum = null;
  }
  return { execution, indicators, total, enteredSum };
}
