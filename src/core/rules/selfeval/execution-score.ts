import { defineRule, num } from '../../rule';
import { executionBase } from '../../recompute';
import { agrees, compareDecimals, decimalString, enteredString, show, showEntered } from '../../../values/precision';

export default defineRule({
  id: 'selfeval.execution-score',
  title: '预算执行得分',
  description: '预算执行得分 = 分值 × min(执行率, 100%)：执行率超过 100% 仍至多得满分（按 100% 计）',
  options: ['minDecimals', 'capExecutionScore', 'executionBase'],
  messages: {
    wrong: { severity: 'error', text: '执行率得分应为 {expected}（{weight} × {rate}），填报为 {entered}' },
    wrongCapped: { severity: 'error', text: '执行率得分应为 {expected}（{weight} × 100%，执行率 {rate} 按 100% 计），填报为 {entered}' },
  },
  check(ctx) {
    const e = ctx.tables.selfEval?.execution;
    const computed = ctx.recomputed?.execution;
    const weight = num(e?.weight);
    if (!e?.score || !e.weight || !computed || !weight) return;
    const kind = e.score.parsed.kind;
    if (kind !== 'number' && kind !== 'blank') return;
    const score = num(e.score);
    const d = compareDecimals(score, ctx.profile.minDecimals);
    if (score && agrees(score, computed.expected, d)) return;
    const expected = decimalString(computed.expected, d, false);
    const capped = ctx.profile.capExecutionScore && computed.rate.gt(1);
    ctx.report({
      messageId: capped ? 'wrongCapped' : 'wrong',
      data: { expected, weight: showEntered(weight), rate: show(computed.rate, 2, true), entered: score ? showEntered(score) : '空' },
      at: e.score,
      entered: score ? enteredString(score) : null,
      expected,
      explanation: `${expected} = ${computed.formula}`,
      inputs: [executionBase(e, ctx.profile).field, e.actual, e.weight],
      suggestion: { value: expected, percent: false },
    });
  },
});
