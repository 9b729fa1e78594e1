import { defineRule } from '../../rule';
import { reportTotalRows, SUM_MESSAGES } from '../sum';

export default defineRule({
  id: 'selfeval.total-score',
  title: '总分',
  description: '总分 = 预算执行得分 + 各指标得分（按填报的得分相加）；指标评分表的合计得分 = 各三级指标得分之和',
  options: ['minDecimals'],
  messages: SUM_MESSAGES,
  check(ctx) {
    reportTotalRows(ctx, 'score', { execution: '预算执行得分', selfEvalTotal: '总分', scoreTableTotal: '合计得分' });
  },
});
