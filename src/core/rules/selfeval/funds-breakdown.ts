import { defineRule, num } from '../../rule';
import type { RuleContext } from '../../rule';
import { agrees, compareDecimals, decimalString, enteredString, showEntered } from '../../../values/precision';
import { reportSum, SUM_MESSAGES } from '../sum';
import type { ExecutionRow, Field } from '../../../template/tables';

const EXEC_COLUMNS: ReadonlyArray<readonly [keyof Pick<ExecutionRow, 'initialBudget' | 'budget' | 'actual'>, string]> = [
  ['initialBudget', '年初预算数'],
  ['budget', '全年预算数'],
  ['actual', '全年执行数'],
];

/** A breakdown total must also equal 全年预算数. */
const MESSAGES = {
  ...SUM_MESSAGES,
  againstBudget: { severity: 'error', text: '{group}合计 {entered} 与全年预算数 {budget} 不一致' },
} as const;

function reportAgainstBudget(ctx: RuleContext<typeof MESSAGES>, total: Field, name: string, budgetField: Field): void {
  const t = num(total);
  const b = num(budgetField);
  if (!t || !b) return;
  const d = compareDecimals(t, ctx.profile.minDecimals);
  if (agrees(t, b.value, d)) return;
  ctx.report({
    messageId: 'againstBudget',
    data: { group: name, entered: showEntered(t), budget: showEntered(b) },
    at: total,
    entered: enteredString(t),
    expected: decimalString(b.value, d, false),
    explanation: `${name}合计应等于全年预算数 ${showEntered(b)}`,
    inputs: [total, budgetField],
  });
}

export default defineRule({
  id: 'selfeval.funds-breakdown',
  title: '资金构成合计',
  description: '资金构成：按收入性质分、按支出性质分的合计各等于其明细之和，且等于全年预算数；年度资金总额等于其中各行之和（年初预算数、全年预算数、全年执行数各列）',
  options: ['minDecimals'],
  messages: MESSAGES,
  check(ctx) {
    const t = ctx.tables.selfEval;
    if (!t) return;
    for (const g of t.breakdown) {
      // The amounts are typed inside label cells (`按收入性质分：866.48`): 一键重算 must not
      // write a bare figure over the label.
      const sum = g.parts.length > 0 ? reportSum(ctx, { total: g.total, parts: g.parts, totalName: `${g.name}合计`, suggest: false }) : 'skipped';
      // One error per cell: a total already shown wrong against its parts is not repeated (a
      // mere rounding difference does not excuse it from matching 全年预算数).
      if (t.execution && sum !== 'wrong') reportAgainstBudget(ctx, g.total, g.name, t.execution.budget);
    }
    if (t.execution && t.executionParts.length > 0) {
      for (const [key, name] of EXEC_COLUMNS) {
        const total = t.execution[key];
        if (!total) continue;
        const parts = t.executionParts.flatMap((p) => (p[key] ? [{ name: p.label.replace(/^其中[:：]?/, ''), field: p[key]! }] : []));
        reportSum(ctx, { total, parts, totalName: `年度资金总额（${name}）`, suggest: false });
      }
    }
  },
});
