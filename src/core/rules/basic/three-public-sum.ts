import { defineRule } from '../../rule';
import { reportSum } from '../sum';
import { fundRowsSum } from './fund-sums';

export default defineRule({
  id: 'basic.three-public-sum',
  severity: 'error',
  description: '三公经费 = 公务用车购置和维护经费 + 出国经费 + 公务接待',
  check(ctx) {
    const f = ctx.tables.basic?.funds;
    if (!f) return;
    for (const spec of fundRowsSum(f, f.threePublic, [f.vehicle, f.abroad, f.reception], '三公经费')) reportSum(ctx, spec);
  },
});
