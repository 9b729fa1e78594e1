import Decimal from 'decimal.js';
import { defineRule, num } from '../../rule';
import type { RuleContext } from '../../rule';
import type { Field, StatedGrade } from '../../../template/tables';
import { showEntered } from '../../../values/precision';
import { gradeFor, parseGrade } from '../../grade';

const MESSAGES = {
  mismatch: { severity: 'error', text: '评价等次填为“{stated}”，总分 {total} 对应“{expected}”' },
} as const;

export default defineRule({
  id: 'selfeval.grade',
  title: '评价等次',
  description: '表中写明的评价等次须与总分（按其显示的小数位）相符：优 ≥ 90，良 80–90，中 60–80，差 < 60',
  options: ['grades'],
  messages: MESSAGES,
  check(ctx) {
    for (const t of [ctx.tables.selfEval, ctx.tables.scoreTable]) {
      if (t) checkGrade(ctx, t.grade, t.total?.score ?? null);
    }
  },
});

function checkGrade(ctx: RuleContext<typeof MESSAGES>, stated: StatedGrade | null, totalField: Field | null): void {
  const total = num(totalField);
  if (!stated || !total || !totalField) return;
  // The total as the form shows it: 89.999 formatted `0.00` reads 90.00, and 优 agrees with that.
  const expected = gradeFor(total.value.toDecimalPlaces(total.decimals, Decimal.ROUND_HALF_UP), ctx.profile);
  const said = parseGrade(stated.text);
  if (said === expected) return;
  ctx.report({
    messageId: 'mismatch',
    data: { stated: stated.text, total: showEntered(total), expected },
    at: stated.field,
    entered: stated.text,
    expected,
    explanation: `优 ≥ 90；良 80–90；中 60–80；差 < 60（总分 ${showEntered(total)}）`,
    inputs: [totalField],
  });
}
