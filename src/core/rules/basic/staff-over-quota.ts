import { defineRule, num } from '../../rule';
import { compareDecimals, decimalString, enteredString, showEntered } from '../../../values/precision';

export default defineRule({
  id: 'basic.staff-over-quota',
  title: '实有人数超编',
  description: '实际在职人数不应超过编制数',
  options: ['minDecimals'],
  messages: {
    overQuota: { severity: 'warning', text: '实际在职人数 {actual} 超过编制数 {quota}（超编 {excess} 人）' },
  },
  check(ctx) {
    const staff = ctx.tables.basic?.staff;
    const quota = num(staff?.quota);
    const actual = num(staff?.actual);
    if (!staff || !quota || !actual || quota.value.isZero() || actual.value.lte(quota.value)) return;
    ctx.report({
      messageId: 'overQuota',
      data: { actual: showEntered(actual), quota: showEntered(quota), excess: actual.value.minus(quota.value).toFixed() },
      at: staff.actual,
      entered: enteredString(actual),
      expected: decimalString(quota.value, compareDecimals(actual, ctx.profile.minDecimals), false),
      explanation: `${showEntered(actual)} > ${showEntered(quota)}`,
      inputs: [staff.actual, staff.quota],
    });
  },
});
