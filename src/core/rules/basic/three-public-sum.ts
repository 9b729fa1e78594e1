import { defineRule } from '../../rule';
import { reportSum, SUM_MESSAGES } from '../sum';
import { fundRowsSum } from './fund-sums';

export default defineRule({
  id: 'basic.three-public-sum',
  title: '三公经费合计',
  description: '三公经费 = 公务用车购置和维护经费 + 出国经费 + 公务接待（上年决算数、本年预算数、本年决算数各列分别核对）',
  options: ['minDecimals'],
  messages: SUM_MESSAGES,
  check(ctx) {
    const f = ctx.tables.basic?.funds;
    if (!f) return;
    for (const spec of fundRowsSum(f, f.threePublic, [f.vehicle, f.abroad, f.reception], '三公经费')) reportSum(ctx, spec);
  },
});
