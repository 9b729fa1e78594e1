import { defineRule, num } from '../../rule';
import { agrees, compareDecimals, showEntered } from '../../precision';

export default defineRule({
  id: 'selfeval.missing-reason',
  severity: 'warning',
  description: '得分低于分值的指标须填写偏差原因分析及改进措施',
  check(ctx) {
    for (const row of ctx.tables.selfEval?.indicators ?? []) {
      const score = num(row.score);
      const weight = num(row.weight);
      if (!row.reason || !score || !weight) continue;
      if (score.value.gte(weight.value) || agrees(score, weight.value, compareDecimals(score, ctx.profile.minDecimals))) continue;
      const reason = row.reason.parsed;
      if (reason.kind !== 'blank' && reason.kind !== 'none') continue;
      ctx.report({
        at: row.reason,
        entered: null,
        expected: null,
        message: `“${row.name}”得分 ${showEntered(score)} 低于分值 ${showEntered(weight)}，未填写偏差原因分析及改进措施`,
        explanation: `得分 ${showEntered(score)} < 分值 ${showEntered(weight)}`,
        inputs: [row.score, row.weight],
      });
    }
  },
});
