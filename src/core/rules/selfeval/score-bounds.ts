import { defineRule, num } from '../../rule';
import type { Field } from '../../../template/tables';
import type { RuleContext } from '../../rule';
import { compareDecimals, decimalString, enteredString, showEntered } from '../../precision';
import { withinBounds } from '../../indicator';

function checkBounds(ctx: RuleContext, scoreField: Field, weightField: Field, what: string): void {
  const score = num(scoreField);
  const weight = num(weightField);
  if (!score || !weight || withinBounds(score.value, weight.value)) return;
  const d = compareDecimals(score, ctx.profile.minDecimals);
  const above = score.value.gt(weight.value);
  ctx.report({
    at: scoreField,
    entered: enteredString(score),
    expected: decimalString(above ? weight.value : score.value.times(0), d, false),
    message: above
      ? `${what}得分 ${showEntered(score)} 超过分值 ${showEntered(weight)}`
      : `${what}得分 ${showEntered(score)} 小于 0`,
    explanation: `0 ≤ 得分 ≤ 分值 ${showEntered(weight)}`,
    inputs: [weightField],
  });
}

export default defineRule({
  id: 'selfeval.score-bounds',
  severity: 'error',
  description: '每行得分应在 0 与分值之间',
  check(ctx) {
    const t = ctx.tables.selfEval;
    if (!t) return;
    if (t.execution?.score && t.execution.weight) checkBounds(ctx, t.execution.score, t.execution.weight, '预算执行率');
    for (const row of t.indicators) checkBounds(ctx, row.score, row.weight, `“${row.name}”`);
  },
});
