import Decimal from 'decimal.js';
import { defineRule, num, present } from '../../rule';
import { executionBase } from '../../recompute';
import { agrees, compareDecimals, decimalString, enteredString, show, showEntered } from '../../../values/precision';
import { formula, withinBounds } from '../../indicator';
import { forEachAssessed } from './assessed';

export default defineRule({
  id: 'selfeval.execution-score',
  title: '预算执行得分',
  description:
    '预算执行得分 = 分值 × min(执行率, 100%)：执行率超过 100% 仍至多得满分（按 100% 计）。指标表中的“预算执行率”一行同样按此计分（执行率 ÷ 指标值，未填指标值按 100%）',
  options: ['minDecimals', 'capExecutionScore', 'executionBase'],
  messages: {
    wrong: { severity: 'error', text: '执行率得分应为 {expected}（{weight} × {rate}），填报为 {entered}' },
    wrongCapped: { severity: 'error', text: '执行率得分应为 {expected}（{weight} × 100%，执行率 {rate} 按 100% 计），填报为 {entered}' },
  },
  check(ctx) {
    const e = ctx.tables.selfEval?.execution;
    const computed = ctx.recomputed?.execution;
    const weight = num(e?.weight);
    if (e?.score && e.weight && computed && weight) {
      const kind = e.score.parsed.kind;
      const score = num(e.score);
      const d = compareDecimals(score, ctx.profile.minDecimals);
      if ((kind === 'number' || kind === 'blank') && !(score && agrees(score, computed.expected, d))) {
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
      }
    }
    // 预算执行率 as a row of the indicator table (docs/rules-domain.md, "Missing columns are not missing checks").
    forEachAssessed(ctx, (row, a) => {
      if (a.kind !== 'scored' || !a.executionRule) return;
      const kind = row.score.parsed.kind;
      if (kind !== 'number' && kind !== 'blank') return;
      const score = num(row.score);
      if (score && !withinBounds(score.value, a.weight.value)) return; // score-bounds reports it
      const d = compareDecimals(score, ctx.profile.minDecimals);
      if (score && agrees(score, a.expected, d)) return;
      const expected = decimalString(a.expected, d, false);
      const rate = a.weight.value.isZero() ? new Decimal(0) : a.expected.div(a.weight.value);
      ctx.report({
        messageId: a.met && a.basis === 'full' ? 'wrongCapped' : 'wrong',
        data: { expected, weight: showEntered(a.weight), rate: a.met ? showEntered(num(row.actual)!) : show(rate, 2, true), entered: score ? showEntered(score) : '空' },
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
