import { defineRule } from '../../rule';
import { reportRate } from '../rate';

export default defineRule({
  id: 'basic.staff-control-rate',
  severity: 'error',
  description: '财政供养人员控制率 = 实际在职人数 ÷ 编制数',
  check(ctx) {
    const staff = ctx.tables.basic?.staff;
    if (!staff) return;
    reportRate(ctx, {
      rate: staff.rate,
      numerator: staff.actual,
      denominator: staff.quota,
      rateName: '财政供养人员控制率',
      numeratorName: '实际在职人数',
      denominatorName: '编制数',
    });
  },
});
