import { defineRule } from '../../rule';
import { RATE_MESSAGES, reportRate } from '../rate';

export default defineRule({
  id: 'basic.staff-control-rate',
  title: '人员控制率',
  description: '财政供养人员控制率 = 实际在职人数 ÷ 编制数；编制数为空或为 0 时无法计算，不做除法',
  options: ['minDecimals'],
  messages: RATE_MESSAGES,
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
