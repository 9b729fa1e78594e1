import { defineRule, num } from '../../rule';
import { agrees, compareDecimals, showEntered } from '../../precision';

export default defineRule({
  id: 'selfeval.missing-reason',
  title: '缺少偏差原因',
  description: '得分低于分值的指标须填写偏差原因分析及改进措施',
  options: ['minDecimals'],
  messages: {
    missing: { severity: 'warning', text: '“{name}”得分 {score} 低于分值 {weight}，未填写偏差原因分析及改进措施' },
  },
  check(ctx) {
    for (const row of ctx.tables.selfEval?.indicators ?? []) {
      const score = num(row.score);
      const weight = num(row.weight);
      if (!row.reason || !score || !weight) continue;
      if (score.value.gte(weight.value) || agrees(score, weight.value, compareDecimals(score, ctx.profile.minDecimals))) continue;
      const reason = row.reason.parsed;
      if (reason.kind !== 'blank' && reason.kind !== 'none') continue;
      ctx.report({
        messageId: 'missing',
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
