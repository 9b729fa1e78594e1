import Decimal from 'decimal.js';
import { defineRule, num } from '../../rule';
import { textBeforeParen } from '../../../values/value';
import { decimalString, show } from '../../../values/precision';
import type { RuleContext } from '../../rule';
import type { Field, LevelLabel } from '../../../template/tables';

const MESSAGES = {
  mismatch: { severity: 'error', text: '一级指标“{level}”标注 {declared} 分，其下指标分值合计 {sum}' },
} as const;

export default defineRule({
  id: 'selfeval.level-weight',
  title: '一级指标分值',
  description: '一级指标标注的分值（如“产出指标(40分)”）等于其下各指标分值之和',
  options: ['minDecimals'],
  messages: MESSAGES,
  check(ctx) {
    checkLevels(ctx, ctx.tables.selfEval?.indicators ?? []);
    checkLevels(ctx, ctx.tables.scoreTable?.rows ?? []);
  },
});

type Row = { readonly level1: LevelLabel | null; readonly weight: Field | null };

function checkLevels(ctx: RuleContext<typeof MESSAGES>, all: readonly Row[]): void {
  const groups = new Map<string, { label: LevelLabel; rows: Row[] }>();
  for (const row of all) {
    if (!row.level1?.declaredWeight) continue;
    const key = row.level1.field.cell;
    const g = groups.get(key) ?? { label: row.level1, rows: [] };
    g.rows.push(row);
    groups.set(key, g);
  }
  for (const { label, rows } of groups.values()) {
    const declared = label.declaredWeight!;
    const fields = rows.map((r) => r.weight);
    // No 分值 column (得分 only) leaves nothing to add up; text and errors are value.unparsed's.
    if (!fields.every((f): f is Field => f !== null) || fields.some((f) => f.parsed.kind === 'text' || f.parsed.kind === 'error')) continue;
    const weights = fields.map((f) => num(f));
    const sum = weights.reduce((acc, w) => (w ? acc.plus(w.value) : acc), new Decimal(0));
    const d = Math.max(ctx.profile.minDecimals, declared.decimals, ...weights.map((w) => w?.decimals ?? 0));
    if (sum.toDecimalPlaces(d).eq(new Decimal(declared.value))) continue;
    const inputs: Field[] = fields;
    ctx.report({
      messageId: 'mismatch',
      data: { level: textBeforeParen(label.text), declared: declared.value, sum: show(sum, d, false) },
      // The label (`产出指标(40分)`), or the 分值 cell beside it where the form has one.
      at: label.weightField ?? label.field,
      entered: new Decimal(declared.value).toFixed(declared.decimals),
      expected: decimalString(sum, d, false),
      explanation: `${show(sum, d, false)} = ${weights.map((w) => (w ? w.text : '0')).join(' + ')}`,
      inputs,
    });
  }
}
