import { amount, defineRule, num, present } from '../../rule';
import { agrees, checkSum, decimalString, enteredString, show, showEntered } from '../../../values/precision';

export default defineRule({
  id: 'selfeval.recomputed-total',
  title: '重算总分',
  description: '填报总分与填报得分之和相符、但有得分与规则不符时，列出按规则重算后的总分',
  options: ['minDecimals', 'capExecutionScore', 'overshootPenalty', 'totalCapByExecutionRate'],
  messages: {
    recomputed: { severity: 'info', text: '填报总分 {entered}；按规则重算各项得分后总分为 {total}' },
  },
  check(ctx) {
    const t = ctx.tables.selfEval;
    const total = ctx.recomputed?.total;
    const entered = num(t?.total?.score);
    if (!t?.total?.score || !total || !entered) return;
    const d = ctx.profile.minDecimals;
    if (agrees(entered, total, Math.max(d, entered.decimals))) return;
    // A total that does not add up is total-score's finding; this one speaks of the scores.
    const scores = [t.execution?.score ?? null, ...t.indicators.map((r) => r.score)].map(amount);
    if (scores.includes('unknown')) return;
    const parts = scores.filter((s): s is NonNullable<typeof s> & object => s !== null && s !== 'unknown');
    if (checkSum(entered, parts, d).kind === 'wrong') return;
    ctx.report({
      messageId: 'recomputed',
      data: { entered: showEntered(entered), total: show(total, d, false) },
      at: t.total.score,
      entered: enteredString(entered),
      expected: decimalString(total, d, false),
      explanation: `${show(total, d, false)} = 预算执行得分 + 各指标重算得分（定性指标按填报得分计）`,
      inputs: [
        ...(t.execution ? [t.execution.budget, t.execution.actual, ...(t.execution.weight ? [t.execution.weight] : [])] : []),
        ...t.indicators.flatMap((r) => present([r.target, r.actual, r.weight, r.score])),
      ],
    });
  },
});
