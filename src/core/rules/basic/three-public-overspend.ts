import { defineRule, num } from '../../rule';
import { compareDecimals, decimalString, enteredString, showEntered } from '../../../values/precision';
import { partName } from './fund-sums';

export default defineRule({
  id: 'basic.three-public-overspend',
  title: '三公经费超预算',
  description: '三公经费及其各项的本年决算数不应超过本年预算数',
  options: ['minDecimals'],
  messages: {
    overspend: { severity: 'warning', text: '{item}本年决算数 {final} 超过本年预算数 {budget}（超支 {excess}）' },
  },
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
        messageId: 'overspend',
        data: { item: partName(row), final: showEntered(final), budget: showEntered(budget), excess: final.value.minus(budget.value).toFixed() },
        at: finalField,
        entered: enteredString(final),
        expected: decimalString(budget.value, compareDecimals(final, ctx.profile.minDecimals), false),
        explanation: `${showEntered(final)} > ${showEntered(budget)}`,
        inputs: [finalField, budgetField],
      });
    }
  },
});
