/** The shared arithmetic of every "total = Σ parts" rule, so each rule holds only its labels. */
import type { RuleContext } from '../rule';
import { amount, num } from '../rule';
import { checkSum, decimalString, enteredString, show, showEntered } from '../../values/precision';
import type { Field } from '../../template/tables';
import type { Quantity } from '../../values/value';
import rounding from './value/rounding';
import { totalSuggestionCap } from '../points';
import type Decimal from 'decimal.js';

/** The message every sum rule declares (spread into its `messages`). */
export const SUM_MESSAGES = {
  wrong: { severity: 'error', text: '{total}应为 {sum}（{parts}），填报为 {entered}' },
} as const;

export interface SumSpec {
  readonly total: Field;
  readonly parts: ReadonlyArray<{ readonly name: string; readonly field: Field }>;
  /** What the total is, for the message: `三公经费（2023年决算数）`. */
  readonly totalName: string;
  /**
   * Whether 一键重算 may write the sum into the total. Not for a total that is itself an input
   * of other rules (全年预算数 feeds 执行率 and its score): there a part may be the wrong figure.
   */
  readonly suggest?: boolean;
  /** The most a suggestion may write (the form's points): a sum above it is said, never proposed. */
  readonly max?: Decimal | null;
}

/** Reports total ≠ Σ parts; returns what it found (`skipped` when it could not add up). */
export function reportSum(ctx: RuleContext<typeof SUM_MESSAGES>, spec: SumSpec): 'ok' | 'rounding' | 'wrong' | 'skipped' {
  const total = num(spec.total);
  if (!total) return 'skipped';
  const parts: Array<Quantity | null> = [];
  for (const p of spec.parts) {
    const a = amount(p.field);
    if (a === 'unknown') return 'skipped'; // value.unparsed reports it
    parts.push(a);
  }
  if (parts.length === 0) return 'skipped';
  const verdict = checkSum(total, parts, ctx.profile.minDecimals);
  if (verdict.kind === 'ok') return 'ok';
  const terms = parts.map((q) => (q ? showEntered(q) : '0')).join(' + ');
  const sum = show(verdict.sum, verdict.d, total.percent);
  const body = {
    at: spec.total,
    entered: enteredString(total),
    expected: decimalString(verdict.sum, verdict.d, total.percent),
    explanation: `${sum} = ${terms}`,
    inputs: [spec.total, ...spec.parts.map((p) => p.field)],
  };
  const data = { total: spec.totalName, entered: showEntered(total), sum };
  if (verdict.kind === 'rounding') {
    ctx.reportAs(rounding, { messageId: 'rounding', data: { ...data, tolerance: verdict.tolerance.toFixed() }, ...body });
    return 'rounding';
  }
  ctx.report({
    messageId: 'wrong',
    data: { ...data, parts: spec.parts.map((p) => p.name).join(' + ') },
    ...body,
    ...(spec.suggest === false || (spec.max && verdict.sum.gt(spec.max))
      ? {}
      : { suggestion: { value: decimalString(verdict.sum, verdict.d, false), percent: false } }),
  });
  return 'wrong';
}

export interface TotalRowNames {
  /** The execution row's part: `预算执行率分值`, `预算执行得分`. */
  readonly execution: string;
  /** The 自评表's 总分 row: `总分行的分值`, `总分`. */
  readonly selfEvalTotal: string;
  /** The 指标评分表's 合计 row: `合计行的分值`, `合计得分`. */
  readonly scoreTableTotal: string;
}

/**
 * One column (分值 or 得分) of a scored table's total row against its rows: on the 自评表 the
 * execution row and every indicator; on a 指标评分表 every row.
 */
export function reportTotalRows(ctx: RuleContext<typeof SUM_MESSAGES>, column: 'weight' | 'score', names: TotalRowNames): void {
  // The form's points are fixed (RULES.md): the 总分 row's 分值 is never corrected; a total score is
  // proposed only while the rows' 分值 add up to the points, and never above them.
  const suggestFor = (rows: ReadonlyArray<{ readonly weight: Field | null }>, points: Field | null) => {
    const cap = column === 'score' ? totalSuggestionCap(rows, points, ctx.profile.minDecimals) : null;
    return cap ? { suggest: true, max: cap } : { suggest: false };
  };
  const t = ctx.tables.selfEval;
  const total = t?.total?.[column];
  if (t && total) {
    const execution = t.execution?.[column];
    const rows = t.indicators.map((r) => ({ name: r.name, field: r[column] }));
    // Rows without a 分值 of their own (a form with 得分 only) leave no 分值 to add up; their 得分 still are.
    if (rows.every((p): p is { name: string; field: Field } => p.field !== null)) {
      const weights = [...(t.execution ? [{ weight: t.execution.weight }] : []), ...t.indicators];
      const parts = [...(execution ? [{ name: names.execution, field: execution }] : []), ...rows];
      reportSum(ctx, { total, parts, totalName: names.selfEvalTotal, ...suggestFor(weights, t.total?.weight ?? null) });
    }
  }
  const s = ctx.tables.scoreTable;
  const scoreTotal = s?.total?.[column];
  if (s && scoreTotal) {
    const parts = s.rows.map((r) => ({ name: r.name, field: r[column] }));
    reportSum(ctx, { total: scoreTotal, parts, totalName: names.scoreTableTotal, ...suggestFor(s.rows, s.total?.weight ?? null) });
  }
}
