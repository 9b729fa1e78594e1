import { defineRule } from '../../rule';
import { reportSum, SUM_MESSAGES } from '../sum';

export default defineRule({
  id: 'selfeval.total-score',
  title: '总分',
  description: '总分 = 预算执行得分 + 各指标得分（按填报的得分相加）；指标评分表的合计得分 = 各三级指标得分之和',
  options: ['minDecimals'],
  messages: SUM_MESSAGES,
  check(ctx) {
    const t = ctx.tables.selfEval;
    if (t?.total?.score) {
      const parts = [
        ...(t.execution?.score ? [{ name: '预算执行得分', field: t.execution.score }] : []),
        ...t.indicators.map((r) => ({ name: r.name, field: r.score })),
      ];
      reportSum(ctx, { total: t.total.score, parts, totalName: '总分' });
    }
    const s = ctx.tables.scoreTable;
    if (s?.total?.score) reportSum(ctx, { total: s.total.score, parts: s.rows.map((r) => ({ name: r.name, field: r.score })), totalName: '合计得分' });
  },
});
