import { defineRule } from '../../rule';

export default defineRule({
  id: 'scoretable.criterion-unparsed',
  title: '评分标准无法识别',
  description:
    '指标评分表：评分标准的表述不是可识别的计分方式（超标准每个百分点扣分、每 N% 一档扣分、分档计分、按比例计分、逐项计分）时如实说明，不猜测；该行只核对得分范围',
  messages: {
    unparsed: { severity: 'info', text: '“{name}”的评分标准无法转为计算：{reason}；该行只核对得分范围' },
  },
  check(ctx) {
    for (const { row, assessment: a } of ctx.scoreTable?.rows ?? []) {
      if (a.kind !== 'unparsed') continue;
      ctx.report({
        messageId: 'unparsed',
        data: { name: row.name, reason: a.reason },
        at: row.criterion ?? row.nameField,
        entered: row.criterion?.parsed.kind === 'text' ? row.criterion.parsed.text : null,
        expected: null,
        explanation: `评分标准：${row.criterionText.trim() || '（空）'}`,
        inputs: [row.criterion ?? row.nameField],
      });
    }
  },
});
