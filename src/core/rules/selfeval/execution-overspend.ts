import { defineRule, num } from '../../rule';
import { executionBase } from '../../recompute';
import { compareDecimals, decimalString, enteredString, show, showEntered } from '../../../values/precision';

export default defineRule({
  id: 'selfeval.execution-overspend',
  title: '预算超支',
  description: '全年执行数超过全年预算数（执行率 > 100%）为超支',
  options: ['minDecimals', 'executionBase'],
  messages: {
    overspend: { severity: 'warning', text: '全年执行数 {actual} 超过{budgetName} {budget}，执行率 {rate}' },
  },
  check(ctx) {
    const e = ctx.tables.selfEval?.execution;
    const base = e ? executionBase(e, ctx.profile) : null;
    const budget = num(base?.field);
    const actual = num(e?.actual);
    if (!e || !base || !budget || !actual || budget.value.isZero() || actual.value.lte(budget.value)) return;
    ctx.report({
      messageId: 'overspend',
      data: { actual: showEntered(actual), budgetName: base.name, budget: showEntered(budget), rate: show(actual.value.div(budget.value), 2, true) },
      at: e.actual,
      entered: enteredString(actual),
      expected: decimalString(budget.value, compareDecimals(actual, ctx.profile.minDecimals), false),
      explanation: `${showEntered(actual)} > ${showEntered(budget)}`,
      inputs: [e.actual, base.field],
    });
  },
});
