import { defineRule } from '../../rule';
import { reportTotalRows, SUM_MESSAGES } from '../sum';

export default defineRule({
  id: 'selfeval.weight-total',
  title: '分值合计',
  description: '分值合计：预算执行分值与各指标分值之和等于总分行的分值（通常为 100）；指标评分表为各三级指标分值之和等于合计行的分值',
  options: ['minDecimals'],
  messages: SUM_MESSAGES,
  check(ctx) {
    reportTotalRows(ctx, 'weight', { execution: '预算执行率分值', selfEvalTotal: '总分行的分值', scoreTableTotal: '合计行的分值' });
  },
});
