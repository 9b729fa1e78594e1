import { defineRule } from '../../rule';
import { RATE_MESSAGES, reportRate } from '../rate';
import { executionBase } from '../../recompute';

export default defineRule({
  id: 'selfeval.execution-rate',
  title: '预算执行率',
  description: '执行率 = 全年执行数 ÷ 全年预算数；全年预算数为空或为 0 时无法计算，不做除法',
  options: ['minDecimals', 'executionBase'],
  messages: RATE_MESSAGES,
  check(ctx) {
    const e = ctx.tables.selfEval?.execution;
    if (!e || !e.rate) return;
    const base = executionBase(e, ctx.profile);
    reportRate(ctx, {
      rate: e.rate,
      numerator: e.actual,
      denominator: base.field,
      rateName: '执行率',
      numeratorName: '全年执行数',
      denominatorName: base.name,
    });
  },
});
