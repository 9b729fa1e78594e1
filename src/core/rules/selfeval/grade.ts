import Decimal from 'decimal.js';
import { defineRule, num } from '../../rule';
import { showEntered } from '../../precision';
import { gradeFor, parseGrade } from '../../grade';

export default defineRule({
  id: 'selfeval.grade',
  title: '评价等次',
  description: '表中写明的评价等次须与总分（按其显示的小数位）相符：优 ≥ 90，良 80–90，中 60–80，差 < 60',
  options: ['grades'],
  messages: {
    mismatch: { severity: 'error', text: '评价等次填为“{stated}”，总分 {total} 对应“{expected}”' },
  },
  check(ctx) {
    const t = ctx.tables.selfEval;
    const stated = t?.grade;
    const total = num(t?.total?.score);
    if (!t || !stated || !total) return;
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
      inputs: [t.total!.score!],
    });
  },
});
