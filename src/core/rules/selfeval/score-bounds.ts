import Decimal from 'decimal.js';
import { defineRule, num } from '../../rule';
import type { Field } from '../../../template/tables';
import type { RuleContext } from '../../rule';
import { compareDecimals, decimalString, enteredString, showEntered } from '../../../values/precision';
import { withinBounds } from '../../indicator';

/** `fix`: the score the rules give for the row, when they give one; else the bound. */
const MESSAGES = {
  above: { severity: 'error', text: '{what}得分 {score} 超过分值 {weight}' },
  negative: { severity: 'error', text: '{what}得分 {score} 小于 0' },
} as const;

function checkBounds(ctx: RuleContext<typeof MESSAGES>, scoreField: Field, weightField: Field, what: string, fix: Decimal | null): void {
  const score = num(scoreField);
  const weight = num(weightField);
  if (!score || !weight || withinBounds(score.value, weight.value)) return;
  const d = compareDecimals(score, ctx.profile.minDecimals);
  const above = score.value.gt(weight.value);
  const suggested = decimalString(fix ?? (above ? weight.value : new Decimal(0)), d, false);
  const body = {
    at: scoreField,
    entered: enteredString(score),
    expected: decimalString(above ? weight.value : score.value.times(0), d, false),
    explanation: `0 ≤ 得分 ≤ 分值 ${showEntered(weight)}`,
    inputs: [weightField],
    suggestion: { value: suggested, percent: false },
  };
  const data = { what, score: showEntered(score), weight: showEntered(weight) };
  if (above) ctx.report({ messageId: 'above', data, ...body });
  else ctx.report({ messageId: 'negative', data, ...body });
}

export default defineRule({
  id: 'selfeval.score-bounds',
  title: '得分超出分值范围',
  description: '每行得分应在 0 与分值之间（0 ≤ 得分 ≤ 分值）；建议值为规则给出的得分，无法重算时为边界值',
  options: ['minDecimals'],
  messages: MESSAGES,
  check(ctx) {
    const t = ctx.tables.selfEval ?? { execution: null, indicators: [] };
    const r = ctx.recomputed;
    if (t.execution?.score && t.execution.weight) checkBounds(ctx, t.execution.score, t.execution.weight, '预算执行率', r?.execution?.expected ?? null);
    t.indicators.forEach((row, i) => {
      const a = r?.indicators[i]?.assessment;
      if (row.weight) checkBounds(ctx, row.score, row.weight, `“${row.name}”`, a?.kind === 'scored' ? a.expected : null);
    });
    for (const { row, assessment: a } of ctx.scoreTable?.rows ?? []) {
      checkBounds(ctx, row.score, row.weight, `“${row.name}”`, a.kind === 'scored' ? a.expected : null);
    }
  },
});
