/**
 * report.narrative-figure (docs/contract.md): a figure a Word report states in its text — 执行率,
 * 全年预算数 / 全年执行数, 自评得分 / 总分, 评价等级 — that contradicts the same figure as entered in
 * its tables (the 自评表, or a 指标评分表 where the report has no 自评表). Rates and amounts are
 * compared at the text's own precision and unit (`99%` agrees with 98.99 %, `0.09亿元` with 866.48
 * 万元); a score is a declaration, equal only at the table's own decimals (`96分` contradicts 95.8).
 * Figures the tables do not hold are left alone; a grade is compared with the grade the table
 * states, or else with the grade its entered total gives (as it shows) on a 100-point table.
 */
import Decimal from 'decimal.js';
import { defineRule, num } from '../../rule';
import { showEntered } from '../../../values/precision';
import { gradeFor, parseGrade } from '../../grade';
import { BODY_SHEET, statedFigures, type StatedFigure, type StatedNumber } from '../../narrative';
import type { Field, SelfEvalTable } from '../../../template/tables';

/** What the rule reads of a table: its execution row, 总分 and stated grade. */
type Scored = Pick<SelfEvalTable, 'form' | 'execution' | 'total' | 'grade'>;
import type { Quantity } from '../../../values/value';

const WHAT: Record<StatedFigure['kind'], string> = {
  rate: '预算执行率',
  budget: '全年预算数',
  actual: '全年执行数',
  total: '自评得分',
  grade: '评价等级',
};

/** Parts of the spending a department report may give rates and amounts for: not the whole. */
const PART_WORDS = ['项目', '基本支出', '人员经费', '公用经费', '专项', '三公'];

function paragraphField(f: StatedFigure): Field {
  return { sheet: BODY_SHEET, cell: `¶${f.paragraph}`, row: f.paragraph - 1, col: 0, parsed: { kind: 'text', text: f.sentence } };
}

/** The table's figure in the text's unit, rounded half-up to the text's decimals. */
function asWritten(table: Decimal, f: StatedNumber): Decimal {
  const inTextUnit = f.kind === 'rate' ? table.times(100) : f.kind === 'total' ? table : table.div(f.unitInWan);
  return inTextUnit.toDecimalPlaces(f.decimals, Decimal.ROUND_HALF_UP);
}

function writtenValue(f: StatedNumber): Decimal {
  return f.kind === 'rate' ? f.value.times(100) : f.kind === 'total' ? f.value : f.value.div(f.unitInWan);
}

/** A rate cell holds a fraction (98.99% → 0.9899); one typed as 98.99 without % is in % units. */
function rateFraction(q: Quantity): Decimal {
  return !q.percent && q.value.gt(2) ? q.value.div(100) : q.value;
}

export default defineRule({
  id: 'report.narrative-figure',
  title: '报告正文数字',
  description:
    'Word 自评报告正文中写明的预算执行率、全年预算数、全年执行数、自评得分和评价等级，须与报告所附表格（自评表或指标评分表）中填报的同一数字一致：执行率和金额按正文所写的单位和小数位比较（99% 与 98.99% 一致）；得分是申报的分数，须按表中的小数位相等（96 分与 95.8 不一致）；正文所述而表中没有的数字不核对',
  messages: {
    contradicts: { severity: 'warning', text: '正文第 {n} 段写明{what}为 {written}，表中填报为 {table}：“{sentence}”' },
  },
  check(ctx) {
    const paragraphs = ctx.tables.paragraphs;
    // The 自评表, or else a 指标评分表: its 合计 得分 and stated grade are the report's too.
    const t: Scored | null = ctx.tables.selfEval ?? (ctx.tables.scoreTable ? { form: 'dept-overall', execution: null, ...ctx.tables.scoreTable } : null);
    if (!paragraphs || paragraphs.length === 0 || !t) return;
    const seen = new Set<string>();
    const isProject = t.form === 'project';
    for (const f of statedFigures(paragraphs)) {
      const key = `${f.paragraph}/${f.kind}`;
      if (seen.has(key)) continue;
      const found = tableFigure(f);
      if (!found) continue;
      seen.add(key);
      if (found.agrees) continue;
      ctx.report({
        messageId: 'contradicts',
        data: { n: f.paragraph, what: WHAT[f.kind], written: f.written, table: found.shown, sentence: f.sentence },
        at: paragraphField(f),
        // As the contract writes figures: rates as fractions, amounts in the tables' 万元.
        entered: f.kind === 'grade' ? f.grade : f.value.toFixed(),
        expected: found.expected,
        explanation: found.explanation,
        inputs: [found.field],
      });
    }

    function tableFigure(f: StatedFigure): { agrees: boolean; expected: string; shown: string; explanation: string; field: Field } | null {
      if (f.kind === 'grade') return gradeFigure(f.grade);
      if (!isProject && f.kind !== 'total' && PART_WORDS.some((w) => f.before.includes(w))) return null;
      const field = f.kind === 'rate' ? t!.execution?.rate : f.kind === 'budget' ? t!.execution?.budget : f.kind === 'actual' ? t!.execution?.actual : t!.total?.score;
      const q = num(field);
      if (!field || !q) return null;
      const table = f.kind === 'rate' ? rateFraction(q) : q.value;
      const shown = showEntered(q);
      if (f.kind === 'total') {
        // A score is declared, not rounded: it equals the table's only at the table's own decimals (96 is not 95.8).
        return {
          agrees: writtenValue(f).eq(new Decimal(showEntered(q))),
          expected: table.toFixed(),
          shown,
          field,
          explanation: `表中 ${WHAT[f.kind]}（${field.sheet}!${field.cell}）填报 ${shown}，正文所写得分须与之相等（按表中的 ${q.decimals} 位小数），正文为 ${f.written}`,
        };
      }
      const rounded = asWritten(table, f);
      const unit = f.kind === 'rate' ? '%' : f.written.replace(/[\d.,]/g, '');
      return {
        agrees: rounded.eq(writtenValue(f)),
        expected: table.toFixed(),
        shown,
        field,
        explanation: `表中 ${WHAT[f.kind]}（${field.sheet}!${field.cell}）填报 ${shown}，按正文的单位和 ${f.decimals} 位小数为 ${rounded.toFixed(f.decimals)}${unit}，正文为 ${f.written}`,
      };
    }

    function gradeFigure(said: string): { agrees: boolean; expected: string; shown: string; explanation: string; field: Field } | null {
      const stated = t!.grade;
      if (stated) {
        const grade = parseGrade(stated.text);
        if (!grade) return null;
        return { agrees: grade === said, expected: grade, shown: stated.text, field: stated.field, explanation: `表中评价等次（${stated.field.sheet}!${stated.field.cell}）填为“${stated.text}”，正文为“${said}”` };
      }
      const totalField = t!.total?.score;
      const total = num(totalField);
      if (!totalField || !total) return null;
      // Grade bands are on 100 points: a table of other points (a part of a form) gives no grade to compare.
      const points = num(t!.total?.weight);
      if (points && !points.value.eq(100)) return null;
      const grade = gradeFor(total.value.toDecimalPlaces(total.decimals, Decimal.ROUND_HALF_UP), ctx.profile);
      return {
        agrees: grade === said,
        expected: grade,
        shown: `总分 ${showEntered(total)}（对应“${grade}”）`,
        field: totalField,
        explanation: `表中未写等次；总分（${totalField.sheet}!${totalField.cell}）${showEntered(total)} 对应“${grade}”（优 ≥ 90；良 80–90；中 60–80；差 < 60），正文为“${said}”`,
      };
    }
  },
});
