/**
 * selfeval.score-coefficient: a form with a 得分系数 column (Chongqing's 部门整体绩效自评表,
 * docs/families.md T5) states each score as 分值 × 得分系数. That product is checked as arithmetic; it
 * replaces no rule: the indicator rule still judges the score (docs/rules-domain.md, "Missing columns are not
 * missing checks"), so a coefficient of 100% on a target met at 72.74% is also the usual warning.
 */
import Decimal from 'decimal.js';
import { defineRule, num } from '../../rule';
import type { Quantity } from '../../../values/value';
import { withinBounds } from '../../indicator';
import { agrees, compareDecimals, decimalString, enteredString, show, showEntered } from '../../../values/precision';

/** The coefficient as a fraction: `100%` and `1` are full marks; a bare `80` under `得分系数(%)` is 80%. */
function fraction(q: Quantity): Decimal {
  return !q.percent && q.value.gt(1) ? q.value.div(100) : q.value;
}

export default defineRule({
  id: 'selfeval.score-coefficient',
  title: '得分系数',
  description: '设有“得分系数”列的自评表：指标得分 = 分值 × 得分系数（系数 100% 或 1 为满分）。此项只核对乘积，按完成比例的计分规则照常适用',
  options: ['minDecimals'],
  messages: {
    wrong: { severity: 'error', text: '“{name}”得分应为 {expected}（分值 {weight} × 得分系数 {coefficient}），填报为 {entered}' },
  },
  check(ctx) {
    for (const row of ctx.tables.selfEval?.indicators ?? []) {
      const coefficient = num(row.coefficient);
      const weight = num(row.weight);
      const score = num(row.score);
      if (!row.coefficient || !row.weight || !coefficient || !weight || !score) continue;
      if (!withinBounds(score.value, weight.value)) continue; // score-bounds reports it
      const product = weight.value.times(fraction(coefficient));
      const d = compareDecimals(score, ctx.profile.minDecimals);
      if (agrees(score, product, d)) continue;
      const expected = decimalString(product, d, false);
      const shownCoefficient = coefficient.percent ? showEntered(coefficient) : `${showEntered(coefficient)}（${show(fraction(coefficient), 2, true)}）`;
      ctx.report({
        messageId: 'wrong',
        data: { name: row.name, expected, weight: showEntered(weight), coefficient: shownCoefficient, entered: showEntered(score) },
        at: row.score,
        entered: enteredString(score),
        expected,
        explanation: `${expected} = ${showEntered(weight)} × ${shownCoefficient}`,
        inputs: [row.weight, row.coefficient],
      });
    }
  },
});
