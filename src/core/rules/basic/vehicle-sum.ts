import { defineRule } from '../../rule';
import { reportSum, SUM_MESSAGES } from '../sum';
import { fundRowsSum } from './fund-sums';

export default defineRule({
  id: 'basic.vehicle-sum',
  title: '公务用车经费合计',
  description: '公务用车购置和维护经费 = 公车购置 + 公车运行维护（各年度列分别核对）',
  options: ['minDecimals'],
  messages: SUM_MESSAGES,
  check(ctx) {
    const f = ctx.tables.basic?.funds;
    if (!f) return;
    for (const spec of fundRowsSum(f, f.vehicle, [f.vehiclePurchase, f.vehicleRunning], '公务用车购置和维护经费')) reportSum(ctx, spec);
  },
});
