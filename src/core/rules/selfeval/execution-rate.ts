import { defineRule } from '../../rule';
import { reportRate } from '../rate';

export default defineRule({
  id: 'selfeval.execution-rate',
  severity: 'error',
  description: '执行率 = 全年执行数 ÷ 全年预算数',
  check(ctx) {
    const e = ctx.tables.selfEval?.execution;
    if (!e || !e.rate) return;
    reportRate(ctx, {
      rate: e.rate,
      numerator: e.actual,
      denominator: e.budget,
      rateName: '执行率',
      numeratorName: '全年执行数',
      denominatorName: '全年预算数',
    });
  },
});
