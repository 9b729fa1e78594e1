import { defineRule, num } from '../../rule';
import { agrees, decimalString, enteredString, show, showEntered } from '../../precision';

export default defineRule({
  id: 'selfeval.recomputed-total',
  severity: 'info',
  description: '按规则重算各项得分后的总分与填报总分不同时，列出重算总分',
  check(ctx) {
    const t = ctx.tables.selfEval;
    const total = ctx.recomputed?.total;
    const entered = num(t?.total?.score);
    if (!t?.total?.score || !total || !entered) return;
    const d = ctx.profile.minDecimals;
    if (agrees(entered, total, Math.max(d, entered.decimals))) return;
    ctx.report({
      at: t.total.score,
      entered: enteredString(entered),
      expected: decimalString(total, d, false),
      message: `填报总分 ${showEntered(entered)}；按规则重算各项得分后总分为 ${show(total, d, false)}`,
      explanation: `${show(total, d, false)} = 预算执行得分 + 各指标重算得分（定性指标按填报得分计）`,
      inputs: [
        ...(t.execution ? [t.execution.budget, t.execution.actual, ...(t.execution.weight ? [t.execution.weight] : [])] : []),
        ...t.indicators.flatMap((r) => [r.target, r.actual, r.weight, r.score]),
      ],
    });
  },
});
