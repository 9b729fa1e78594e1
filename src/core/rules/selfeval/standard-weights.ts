/**
 * A family's standard weights (项目支出: 产出 50, 效益 30, 满意度 10, 预算执行率 10, per
 * 财预〔2020〕10号). The notice sets them "in principle", so a deviation is a warning; a table
 * whose 一级指标 are not the standard's (a region adding 成本指标 as its own level, say)
 * follows another scheme and is left alone.
 */
import Decimal from 'decimal.js';
import { defineRule, num, present } from '../../rule';
import { textBeforeParen } from '../../../values/value';
import { agrees, compareDecimals, decimalString, enteredString, show, showEntered } from '../../../values/precision';
import type { IndicatorRow, LevelLabel } from '../../../template/tables';

export default defineRule({
  id: 'selfeval.standard-weights',
  title: '标准权重',
  description: '一级指标与预算执行率的分值符合规则配置的标准权重（项目支出：产出 50、效益 30、满意度 10、执行率 10）',
  options: ['standardWeights', 'minDecimals'],
  messages: {
    execution: { severity: 'warning', text: '预算执行率分值为 {weight}，{source}规定原则上为 {standard} 分' },
    level: { severity: 'warning', text: '一级指标“{level}”下各指标分值合计 {sum}，{source}规定原则上为 {standard} 分' },
  },
  check(ctx) {
    const t = ctx.tables.selfEval;
    const std = ctx.profile.standardWeights;
    if (!t || !std) return;
    const d = ctx.profile.minDecimals;

    const execWeight = num(t.execution?.weight);
    if (t.execution?.weight && execWeight && !agrees(execWeight, new Decimal(std.execution), compareDecimals(execWeight, d))) {
      ctx.report({
        messageId: 'execution',
        data: { weight: showEntered(execWeight), source: std.source, standard: std.execution },
        at: t.execution.weight,
        entered: enteredString(execWeight),
        expected: decimalString(new Decimal(std.execution), compareDecimals(execWeight, d), false),
        explanation: `标准权重：预算执行率 ${std.execution}，${std.levels.map((l) => `${l.label} ${l.weight}`).join('，')}`,
        inputs: [t.execution.weight],
      });
    }

    // By the label's text: a level typed again on every row (no merge) is still one level.
    const groups = new Map<string, { label: LevelLabel; rows: IndicatorRow[] }>();
    for (const row of t.indicators) {
      if (!row.level1) continue; // a row under no 一级指标 (or no such column): nothing to group it by
      const key = textBeforeParen(row.level1.text);
      const g = groups.get(key) ?? { label: row.level1, rows: [] };
      g.rows.push(row);
      groups.set(key, g);
    }
    const standardOf = (label: string) => std.levels.find((l) => label.startsWith(l.label));
    if ([...groups.values()].some((g) => !standardOf(g.label.text))) return;
    for (const { label, rows } of groups.values()) {
      const standard = standardOf(label.text)!;
      const weights = rows.map((r) => num(r.weight));
      if (weights.some((w) => w === null)) continue; // a blank or unreadable 分值 is another rule's finding
      const sum = weights.reduce((acc, w) => acc.plus(w!.value), new Decimal(0));
      if (sum.eq(standard.weight)) continue;
      const shown = Math.max(d, ...weights.map((w) => w!.decimals));
      ctx.report({
        messageId: 'level',
        data: { level: textBeforeParen(label.text), sum: show(sum, shown, false), source: std.source, standard: standard.weight },
        at: label.field,
        // What the clerk entered for the level: its rows' 分值, summed (the label holds no figure).
        entered: decimalString(sum, shown, false),
        expected: decimalString(new Decimal(standard.weight), shown, false),
        explanation: `${show(sum, shown, false)} = ${weights.map((w) => w!.text).join(' + ')}`,
        inputs: present(rows.map((r) => r.weight)),
      });
    }
  },
});
