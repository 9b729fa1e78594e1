import { defineRule, num } from '../../rule';
import { forEachAssessed } from './assessed';
import { agrees, compareDecimals, decimalString, enteredString, showEntered } from '../../precision';
import { formula, withinBounds } from '../../indicator';

export default defineRule({
  id: 'selfeval.indicator-score',
  severity: 'warning',
  description: '定量指标得分：完成指标得满分，否则按完成比例计分（正向：分值 × 完成值 ÷ 指标值；反向：分值 × 指标值 ÷ 完成值）',
  check(ctx) {
    forEachAssessed(ctx, (row, a) => {
      if (a.kind !== 'scored') return;
      const kind = row.score.parsed.kind;
      if (kind !== 'number' && kind !== 'blank') return;
      const score = num(row.score);
      const weight = num(row.weight);
      if (score && weight && !withinBounds(score.value, weight.value)) return; // score-bounds reports it
      const d = compareDecimals(score, ctx.profile.minDecimals);
      if (score && agrees(score, a.expected, d)) return;
      const expected = decimalString(a.expected, d, false);
      ctx.report({
        at: row.score,
        entered: score ? enteredString(score) : null,
        expected,
        message: a.met
          ? `“${row.name}”已完成指标（${formula(a)}），得分应为 ${expected}，填报为 ${score ? showEntered(score) : '空'}`
          : `“${row.name}”${a.direction === 'reverse' ? '为反向指标（越低越好），' : ''}按完成比例得分应为 ${expected}（${formula(a)}），填报为 ${score ? showEntered(score) : '空'}`,
        explanation: a.met ? `${expected}：${formula(a)}` : `${expected} = ${formula(a)}`,
        inputs: [row.target, row.actual, row.weight],
        suggestion: { value: expected, percent: false },
      });
    });
  },
});
