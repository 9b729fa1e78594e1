/** The shared arithmetic of every "total = Σ parts" rule, so each rule holds only its labels. */
import type { RuleContext } from '../rule';
import { amount, num } from '../rule';
import { checkSum, decimalString, enteredString, show, showEntered } from '../precision';
import type { Field } from '../../template/tables';
import type { Quantity } from '../value';
import rounding from './value/rounding';

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
    ...(spec.suggest === false ? {} : { suggestion: { value: decimalString(verdict.sum, verdict.d, false), percent: false } }),
  });
  return 'wrong';
}
