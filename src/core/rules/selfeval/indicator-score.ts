import { defineRule, num, present } from '../../rule';
import { forEachAssessed } from './assessed';
import { agrees, compareDecimals, decimalString, enteredString, showEntered } from '../../../values/precision';
import { formula, withinBounds } from '../../indicator';

export default defineRule({
  id: 'selfeval.indicator-score',
  title: '指标得分',
  description: '定量指标得分：完成指标得满分，否则按完成比例计分（正向：分值 × 完成值 ÷ 指标值；反向：分值 × 指标值 ÷ 完成值）',
  options: ['minDecimals', 'overshootPenalty'],
  messages: {
    met: { severity: 'warning', text: '“{name}”已完成指标（{formula}），得分应为 {expected}，填报为 {entered}' },
    proportional: { severity: 'warning', text: '“{name}”按完成比例得分应为 {expected}（{formula}），填报为 {entered}' },
    proportionalReverse: { severity: 'warning', text: '“{name}”为反向指标（越低越好），按完成比例得分应为 {expected}（{formula}），填报为 {entered}' },
  },
  check(ctx) {
    forEachAssessed(ctx, (row, a) => {
      if (a.kind !== 'scored' || a.executionRule) return; // a 预算执行率 row is execution-score's
      const kind = row.score.parsed.kind;
      if (kind !== 'number' && kind !== 'blank') return;
      const score = num(row.score);
      const weight = num(row.weight);
      if (score && weight && !withinBounds(score.value, weight.value)) return; // score-bounds reports it
      const d = compareDecimals(score, ctx.profile.minDecimals);
      if (score && agrees(score, a.expected, d)) return;
      const expected = decimalString(a.expected, d, false);
      ctx.report({
        messageId: a.met ? 'met' : a.direction === 'reverse' ? 'proportionalReverse' : 'proportional',
        data: { name: row.name, formula: formula(a), expected, entered: score ? showEntered(score) : '空' },
        at: row.score,
        entered: score ? enteredString(score) : null,
        expected,
        explanation: a.met ? `${expected}：${formula(a)}` : `${expected} = ${formula(a)}`,
        inputs: present([row.target, row.actual, row.weight]),
        suggestion: { value: expected, percent: false },
      });
    });
  },
});
