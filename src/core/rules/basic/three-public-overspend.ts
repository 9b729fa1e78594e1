import { defineRule, num } from '../../rule';
import { compareDecimals, decimalString, enteredString, showEntered } from '../../precision';
import { partName } from './fund-sums';

export default defineRule({
  id: 'basic.three-public-overspend',
  severity: 'warning',
  description: '三公经费及其各项的本年决算数不应超过本年预算数',
  check(ctx) {
    const f = ctx.tables.basic?.funds;
    if (!f) return;
    const rows = [f.threePublic, f.vehicle, f.vehiclePurchase, f.vehicleRunning, f.abroad, f.reception];
    for (const row of rows) {
      const budgetField = row?.values.budget;
      const finalField = row?.values.final;
      const budget = num(budgetField);
      const final = num(finalField);
      if (!row || !budgetField || !finalField || !budget || !final || final.value.lte(budget.value)) continue;
      ctx.report({
        at: finalField,
        entered: enteredString(final),
        expected: decimalString(budget.value, compareDecimals(final, ctx.profile.minDecimals), false),
        message: `${partName(row)}本年决算数 ${showEntered(final)} 超过本年预算数 ${showEntered(budget)}（超支 ${final.value.minus(budget.value).toFixed()}）`,
        explanation: `${showEntered(final)} > ${showEntered(budget)}`,
        inputs: [finalField, budgetField],
      });
    }
  },
});
