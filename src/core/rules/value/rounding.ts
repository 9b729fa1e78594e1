/**
 * A sum whose gap to its total is within what rounding its parts explains (docs/rules-domain.md,
 * "Precision and tolerance"). It has no check of its own: every sum rule reports it (rules/sum.ts).
 */
import { defineRule } from '../../rule';

export default defineRule({
  id: 'value.rounding',
  title: '四舍五入差异',
  description: '合计与各项之和的差额在四舍五入允许范围内（n × 末位半个单位，再加合计末位半个单位），是提示而非错误',
  reportedBy: '各合计规则（三公经费、公务用车、项目支出、资金构成、分值合计、总分）',
  options: ['minDecimals'],
  messages: {
    rounding: { severity: 'info', text: '{total}填报为 {entered}，各项之和为 {sum}，差额在四舍五入允许范围内（±{tolerance}）' },
  },
});
