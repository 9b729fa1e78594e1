/** The shared arithmetic of "rate = numerator ÷ denominator" rules (控制率, 执行率). */
import type Decimal from 'decimal.js';
import type { RuleContext } from '../rule';
import { num } from '../rule';
import { agrees, compareDecimals, decimalString, enteredString, show, showEntered } from '../../values/precision';
import type { Field } from '../../template/tables';
import type { Quantity } from '../../values/value';
import { roundHalfUp } from '../../values/value';

/** The messages every rate rule declares (spread into its `messages`). */
export const RATE_MESSAGES = {
  wrong: { severity: 'error', text: '{rate}应为 {value}（{formula}），填报为 {entered}' },
  notComputable: { severity: 'info', text: '{rate}无法计算：{denominator}为空或为 0' },
} as const;

export interface RateSpec {
  readonly rate: Field | null;
  readonly numerator: Field;
  readonly denominator: Field;
  /** `控制率`, `执行率`. */
  readonly rateName: string;
  readonly numeratorName: string;
  readonly denominatorName: string;
}

/** A rate typed as a fraction (0.9899) or as a bare number of percent (98.99) both occur. */
function rateAgrees(rate: Quantity, value: Decimal, min: number): boolean {
  if (rate.percent) return agrees(rate, value, compareDecimals(rate, min));
  return agrees(rate, value, Math.max(rate.decimals, min + 2)) || agrees(rate, value.times(100), Math.max(rate.decimals, min));
}

/**
 * Checks an entered rate against numerator ÷ denominator. Returns the computed rate, or null
 * when it cannot be computed, so that callers can go on to check limits.
 */
export function reportRate(ctx: RuleContext<typeof RATE_MESSAGES>, spec: RateSpec): Decimal | null {
  const n = num(spec.numerator);
  const d = num(spec.denominator);
  const inputs = [spec.numerator, spec.denominator];
  const formula = `${spec.numeratorName} ÷ ${spec.denominatorName}`;
  const rateKind = spec.rate?.parsed.kind ?? 'blank';
  if (!d || d.value.isZero()) {
    const anythingTyped = n !== null || rateKind !== 'blank';
    if (spec.rate && anythingTyped && (d || spec.denominator.parsed.kind === 'blank' || spec.denominator.parsed.kind === 'none')) {
      const rate = num(spec.rate);
      ctx.report({
        messageId: 'notComputable',
        data: { rate: spec.rateName, denominator: spec.denominatorName },
        at: spec.rate,
        entered: rate ? enteredString(rate) : rateKind === 'blank' ? null : (spec.rate.parsed as { text: string }).text,
        expected: null,
        explanation: `${spec.rateName} = ${formula}`,
        inputs,
      });
    }
    return null;
  }
  if (!n) return null;
  const value = n.value.div(d.value);
  if (!spec.rate || (rateKind !== 'blank' && rateKind !== 'number')) return value;
  const rate = num(spec.rate);
  if (rate && rateAgrees(rate, value, ctx.profile.minDecimals)) return value;
  const digits = compareDecimals(rate && rate.percent ? rate : null, ctx.profile.minDecimals);
  const shown = show(value, digits, true);
  const expected = decimalString(value, digits, true);
  ctx.report({
    messageId: 'wrong',
    data: { rate: spec.rateName, value: shown, formula, entered: rate ? showEntered(rate) : '空' },
    at: spec.rate,
    entered: rate ? enteredString(rate) : null,
    expected,
    explanation: `${shown} = ${showEntered(n)} ÷ ${showEntered(d)}`,
    inputs,
    suggestion: { value: roundHalfUp(value.times(100), digits).toFixed(digits), percent: true },
  });
  return value;
}
