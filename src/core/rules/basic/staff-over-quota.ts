import { defineRule, num } from '../../rule';
import { compareDecimals, decimalString, enteredString, showEntered } from '../../precision';

export default defineRule({
  id: 'basic.staff-over-quota',
  severity: 'warning',
  description: '实际在职人数不应超过编制数',
  check(ctx) {
    const staff = ctx.tables.basic?.staff;
    const quota = num(staff?.quota);
    const actual = num(staff?.actual);
    if (!staff || !quota || !actual || quota.value.isZero() || actual.value.lte(quota.value)) return;
    ctx.report({
      at: staff.actual,
      entered: enteredString(actual),
      expected: decimalString(quota.value, compareDecimals(actual, ctx.profile.minDecimals), false),
      message: `实际在职人数 ${showEntered(actual)} 超过编制数 ${showEntered(quota)}（超编 ${actual.value.minus(quota.value).toFixed()} 人）`,
      explanation: `${showEntered(actual)} > ${showEntered(quota)}`,
      inputs: [staff.actual, staff.quota],
    });
  },
});
