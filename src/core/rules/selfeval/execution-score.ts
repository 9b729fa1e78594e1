import Decimal from 'decimal.js';
import { defineRule, num } from '../../rule';
import { agrees, compareDecimals, decimalString, enteredString, show, showEntered } from '../../precision';

export default defineRule({
  id: 'selfeval.execution-score',
  severity: 'error',
  description: '预算执行得分 = 分值 × min(执行率, 100%)',
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
    const rateShown = show(capped ? new Decimal(1) : computed.rate, 2, true);
    const note = capped ? `，执行率 ${show(computed.rate, 2, true)} 按 100% 计` : '';
    ctx.report({
      at: e.score,
      entered: score ? enteredString(score) : null,
      expected,
      message: `执行率得分应为 ${expected}（${showEntered(weight)} × ${rateShown}${note}），填报为 ${score ? showEntered(score) : '空'}`,
      explanation: `${expected} = ${computed.formula}`,
      inputs: [e.budget, e.actual, e.weight],
      suggestion: { value: expected, percent: false },
    });
  },
});
