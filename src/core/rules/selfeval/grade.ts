import Decimal from 'decimal.js';
import { defineRule, num } from '../../rule';
import { showEntered } from '../../precision';
import { gradeFor, parseGrade } from '../../grade';

export default defineRule({
  id: 'selfeval.grade',
  severity: 'error',
  description: '表中写明的评价等次须与总分相符：优 ≥ 90，良 80–90，中 60–80，差 < 60',
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
      at: stated.field,
      entered: stated.text,
      expected,
      message: `评价等次填为“${stated.text}”，总分 ${showEntered(total)} 对应“${expected}”`,
      explanation: `优 ≥ 90；良 80–90；中 60–80；差 < 60（总分 ${showEntered(total)}）`,
      inputs: [t.total!.score!],
    });
  },
});
