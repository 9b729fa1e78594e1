import { defineRule, num } from '../../rule';
import { compareDecimals, decimalString, enteredString, show, showEntered } from '../../precision';

export default defineRule({
  id: 'selfeval.execution-overspend',
  severity: 'warning',
  description: '全年执行数超过全年预算数（执行率 > 100%）为超支',
  check(ctx) {
    const e = ctx.tables.selfEval?.execution;
    const budget = num(e?.budget);
    const actual = num(e?.actual);
    if (!e || !budget || !actual || budget.value.isZero() || actual.value.lte(budget.value)) return;
    ctx.report({
      at: e.actual,
      entered: enteredString(actual),
      expected: decimalString(budget.value, compareDecimals(actual, ctx.profile.minDecimals), false),
      message: `全年执行数 ${showEntered(actual)} 超过全年预算数 ${showEntered(budget)}，执行率 ${show(actual.value.div(budget.value), 2, true)}`,
      explanation: `${showEntered(actual)} > ${showEntered(budget)}`,
      inputs: [e.actual, e.budget],
    });
  },
});
