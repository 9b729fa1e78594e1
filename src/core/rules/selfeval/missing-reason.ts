import { defineRule, num, present } from '../../rule';
import type { RuleContext } from '../../rule';
import { agrees, compareDecimals, showEntered } from '../../../values/precision';
import { formula } from '../../indicator';
import type { Field } from '../../../template/tables';

const MESSAGES = {
  missing: { severity: 'warning', text: '“{name}”得分 {score} 低于分值 {weight}，未填写偏差原因分析及改进措施' },
  unmetTarget: { severity: 'warning', text: '“{name}”未完成指标值（{formula}），得分 {score} 仍为满分，未填写偏差原因分析及改进措施' },
  missingDeduction: { severity: 'warning', text: '“{name}”得分 {score} 低于分值 {weight}，未填写扣分原因' },
} as const;

function isEmpty(f: Field): boolean {
  return f.parsed.kind === 'blank' || f.parsed.kind === 'none';
}

/** Whether the entered score is short of 分值 at its own precision. */
function short(ctx: RuleContext<typeof MESSAGES>, scoreField: Field, weightField: Field): boolean {
  const score = num(scoreField);
  const weight = num(weightField);
  if (!score || !weight) return false;
  return !(score.value.gte(weight.value) || agrees(score, weight.value, compareDecimals(score, ctx.profile.minDecimals)));
}

export default defineRule({
  id: 'selfeval.missing-reason',
  title: '缺少偏差原因',
  description:
    '得分低于分值的指标须填写偏差原因分析及改进措施；定量指标未完成指标值（完成值未达到指标值）时，即使得分为满分也须填写（模板要求说明每一项偏差）。指标评分表上为扣分原因',
  options: ['minDecimals'],
  messages: MESSAGES,
  check(ctx) {
    const assessed = ctx.recomputed?.indicators;
    (ctx.tables.selfEval?.indicators ?? []).forEach((row, i) => {
      if (!row.reason || !isEmpty(row.reason)) return;
      const score = num(row.score);
      const weight = num(row.weight);
      const body = { at: row.reason, entered: null, expected: null, inputs: present([row.score, row.weight]) };
      if (score && weight && row.weight && short(ctx, row.score, row.weight)) {
        ctx.report({
          messageId: 'missing',
          data: { name: row.name, score: showEntered(score), weight: showEntered(weight) },
          explanation: `得分 ${showEntered(score)} < 分值 ${showEntered(weight)}`,
          ...body,
        });
        return;
      }
      // A quantitative target not met is a deviation whatever the score (docs/rules-domain.md, "deviation reason").
      const a = assessed?.[i]?.assessment;
      if (!score || a?.kind !== 'scored' || a.met) return;
      ctx.report({
        messageId: 'unmetTarget',
        data: { name: row.name, formula: formula(a), score: showEntered(score) },
        explanation: `完成值未达到指标值：${formula(a)}`,
        ...body,
        inputs: [row.target, row.actual, row.score],
      });
    });
    for (const row of ctx.tables.scoreTable?.rows ?? []) {
      if (!row.reason || !isEmpty(row.reason) || !short(ctx, row.score, row.weight)) continue;
      const score = num(row.score)!;
      const weight = num(row.weight)!;
      ctx.report({
        messageId: 'missingDeduction',
        data: { name: row.name, score: showEntered(score), weight: showEntered(weight) },
        at: row.reason,
        entered: null,
        expected: null,
        explanation: `得分 ${showEntered(score)} < 分值 ${showEntered(weight)}`,
        inputs: [row.score, row.weight],
      });
    }
  },
});
