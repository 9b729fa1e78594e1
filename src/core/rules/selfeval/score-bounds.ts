import Decimal from 'decimal.js';
import { defineRule, num } from '../../rule';
import type { Field } from '../../../template/tables';
import type { RuleContext } from '../../rule';
import { compareDecimals, decimalString, enteredString, showEntered } from '../../precision';
import { withinBounds } from '../../indicator';

/** `fix`: the score the rules give for the row, when they give one; else the bound. */
function checkBounds(ctx: RuleContext, scoreField: Field, weightField: Field, what: string, fix: Decimal | null): void {
  const score = num(scoreField);
  const weight = num(weightField);
  if (!score || !weight || withinBounds(score.value, weight.value)) return;
  const d = compareDecimals(score, ctx.profile.minDecimals);
  const above = score.value.gt(weight.value);
  const suggested = decimalString(fix ?? (above ? weight.value : new Decimal(0)), d, false);
  ctx.report({
    at: scoreField,
    entered: enteredString(score),
    expected: decimalString(above ? weight.value : score.value.times(0), d, false),
    message: above
      ? `${what}得分 ${showEntered(score)} 超过分值 ${showEntered(weight)}`
      : `${what}得分 ${showEntered(score)} 小于 0`,
    explanation: `0 ≤ 得分 ≤ 分值 ${showEntered(weight)}`,
    inputs: [weightField],
    suggestion: { value: suggested, percent: false },
  });
}

export default defineRule({
  id: 'selfeval.score-bounds',
  severity: 'error',
  description: '每行得分应在 0 与分值之间',
  check(ctx) {
    const t = ctx.tables.selfEval;
    if (!t) return;
    const r = ctx.recomputed;
    if (t.execution?.score && t.execution.weight) checkBounds(ctx, t.execution.score, t.execution.weight, '预算执行率', r?.execution?.expected ?? null);
    t.indicators.forEach((row, i) => {
      const a = r?.indicators[i]?.assessment;
      checkBounds(ctx, row.score, row.weight, `“${row.name}”`, a?.kind === 'scored' ? a.expected : null);
    });
  },
});
