import { defineRule, num } from '../../rule';
import { roundHalfUp } from '../../value';
import { agrees, decimalString, enteredString, show, showEntered } from '../../precision';

export default defineRule({
  id: 'selfeval.recomputed-total',
  severity: 'info',
  description: '有得分与规则不符时，列出按规则重算各项得分后的总分，与填报总分并列',
  check(ctx) {
    const t = ctx.tables.selfEval;
    const total = ctx.recomputed?.total;
    const entered = num(t?.total?.score);
    if (!t?.total?.score || !total || !entered) return;
    const d = ctx.profile.minDecimals;
    if (agrees(entered, total, Math.max(d, entered.decimals))) return;
    // When every score is as the rules give, a wrong total is total-score's finding alone.
    const enteredSum = ctx.recomputed?.enteredSum;
    if (enteredSum && roundHalfUp(enteredSum, d).eq(roundHalfUp(total, d))) return;
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
