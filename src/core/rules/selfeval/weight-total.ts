import { defineRule } from '../../rule';
import { reportSum, SUM_MESSAGES } from '../sum';

export default defineRule({
  id: 'selfeval.weight-total',
  title: '分值合计',
  description: '分值合计：预算执行分值与各指标分值之和等于总分行的分值（通常为 100）；指标评分表为各三级指标分值之和等于合计行的分值',
  options: ['minDecimals'],
  messages: SUM_MESSAGES,
  check(ctx) {
    const t = ctx.tables.selfEval;
    if (t?.total?.weight) {
      const parts = [
        ...(t.execution?.weight ? [{ name: '预算执行率分值', field: t.execution.weight }] : []),
        ...t.indicators.map((r) => ({ name: r.name, field: r.weight })),
      ];
      reportSum(ctx, { total: t.total.weight, parts, totalName: '总分行的分值' });
    }
    const s = ctx.tables.scoreTable;
    if (s?.total?.weight) reportSum(ctx, { total: s.total.weight, parts: s.rows.map((r) => ({ name: r.name, field: r.weight })), totalName: '合计行的分值' });
  },
});
