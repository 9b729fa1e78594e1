/**
 * A 指标评分表 row scored from the workbook (docs/rules-domain.md, "指标评分表"): the row's indicator is
 * named by its 三级指标 label, its figure comes from the 基础数据表 of the same workbook
 * (docs/families.md §1.5), and its 评分标准 text, read by the interpreter, turns the figure into a score.
 */
import Decimal from 'decimal.js';
import type { BasicDataTable, Field, FundRow, ScoreTable, ScoreTableRow } from '../template/tables';
import { applyCriterion, parseCriterion } from './scoring';
import type { Alternative, Criterion, ScoringOptions } from './scoring';
import { num } from './rule';
import { showEntered } from '../values/precision';
import { roundHalfUp } from '../values/value';

export type ScoreAssessment =
  /** The 评分标准 could not be read: bounds only. */
  | { readonly kind: 'unparsed'; readonly reason: string }
  | {
      readonly kind: 'scored';
      readonly expected: Decimal;
      /** `在职人员控制率 = 43 ÷ 45 = 95.56%；95.56% ≤ 100%，得满分 5`. */
      readonly formula: string;
      readonly inputs: readonly Field[];
      readonly alternatives: readonly Alternative[];
    }
  /** Not recomputable from the workbook: what is missing, and any related figure worth showing. */
  | { readonly kind: 'not-computable'; readonly missing: string; readonly note: string | null; readonly inputs: readonly Field[] };

type Figure =
  | { readonly ok: true; readonly percent: Decimal; readonly formula: string; readonly inputs: readonly Field[] }
  | { readonly ok: true; readonly exempt: string; readonly inputs: readonly Field[] }
  | { readonly ok: false; readonly missing: string; readonly note?: string; readonly inputs?: readonly Field[] };

/** Names compared without quotes and brackets: `"三公经费"变动率` → `三公经费变动率`. */
function bareName(name: string): string {
  return name.replace(/["'“”‘’「」()（）\s]/g, '');
}

function ratio(name: string, n: Field | undefined, d: Field | undefined, nName: string, dName: string, where: string): Figure {
  const a = num(n);
  const b = num(d);
  if (!n || !d) return { ok: false, missing: `基础数据表的${where}` };
  if (!b || b.value.isZero()) return { ok: false, missing: `${dName}（为空或为 0）`, inputs: [d] };
  if (!a) return { ok: false, missing: nName, inputs: [n] };
  const percent = roundHalfUp(a.value.div(b.value).times(100), 2);
  return { ok: true, percent, formula: `${name} = ${nName} ${showEntered(a)} ÷ ${dName} ${showEntered(b)} = ${percent.toFixed(2)}%`, inputs: [n, d] };
}

function fundRatio(name: string, row: FundRow | null | undefined, where: string): Figure {
  if (!row) return { ok: false, missing: `基础数据表的“${where}”行` };
  return ratio(name, row.values.final, row.values.budget, '本年决算数', '本年预算数', `“${where}”本年决算数、本年预算数`);
}

/** The figure docs/families.md §1.5 gives for the indicator, from the 基础数据表. */
export function figureFor(rowName: string, basic: BasicDataTable | null): Figure | null {
  const name = bareName(rowName);
  const needBasic = (what: string): Figure => ({ ok: false, missing: `基础数据表（${what}）；工作簿中未找到基础数据表` });
  if (/(在职人员|财政供养人员|人员)控制率/.test(name)) {
    if (!basic) return needBasic('财政供养人员情况');
    const s = basic.staff;
    if (!s) return { ok: false, missing: '基础数据表的财政供养人员情况（编制数、实际在职人数）' };
    return ratio('在职人员控制率', s.actual, s.quota, '实际在职人数', '编制数', '编制数、实际在职人数');
  }
  if (/三公经费变动率/.test(name)) {
    // Defined on 预算数 (53号, Hunan); the 基础数据表 has 上年决算数 only.
    const t = basic?.funds?.threePublic;
    const prev = num(t?.values.prevFinal);
    const now = num(t?.values.final);
    const note =
      prev && now && !prev.value.isZero()
        ? `按决算数计：(${showEntered(now)} − ${showEntered(prev)}) ÷ ${showEntered(prev)} = ${roundHalfUp(now.value.minus(prev.value).div(prev.value).times(100), 2).toFixed(2)}%（仅供参考）`
        : undefined;
    return { ok: false, missing: '上年度“三公经费”预算数（按定义用预算数计算，基础数据表只有上年决算数）', note, inputs: t ? [t.values.prevFinal, t.values.final].filter((f): f is Field => !!f) : [] };
  }
  if (/预算完成率/.test(name)) return { ok: false, missing: '上年结转和年末结余（预算完成率 =（上年结转 + 年初预算 + 本年追加 − 年末结余）÷（上年结转 + 年初预算 + 本年追加），基础数据表中没有）' };
  if (/三公经费控制率/.test(name)) return basic ? fundRatio('三公经费控制率', basic.funds?.threePublic, '三公经费') : needBasic('三公经费');
  if (/公用经费控制率/.test(name)) return basic ? fundRatio('公用经费控制率', basic.funds?.publicFunds, '公用经费') : needBasic('公用经费');
  if (/政府采购执行率/.test(name)) return basic ? fundRatio('政府采购执行率', basic.funds?.procurement, '政府采购金额') : needBasic('政府采购金额');
  if (/(支出)?预算(调整|控制)率/.test(name)) {
    if (!basic) return needBasic('部门整体支出预算调整');
    const row = basic.funds?.budgetAdjust;
    if (!row) return { ok: false, missing: '基础数据表的“部门整体支出预算调整”行' };
    const b = num(row.values.budget);
    const f = num(row.values.final);
    if (!row.values.budget || !row.values.final) return { ok: false, missing: '“部门整体支出预算调整”的本年预算数、本年决算数' };
    if (!b || b.value.isZero()) return { ok: false, missing: '“部门整体支出预算调整”本年预算数（为空或为 0）', inputs: [row.values.budget] };
    if (!f) return { ok: false, missing: '“部门整体支出预算调整”本年决算数', inputs: [row.values.final] };
    const percent = roundHalfUp(f.value.minus(b.value).div(b.value).times(100), 2);
    return {
      ok: true,
      percent,
      formula: `预算调整率 = (本年决算数 ${showEntered(f)} − 本年预算数 ${showEntered(b)}) ÷ ${showEntered(b)} = ${percent.toFixed(2)}%`,
      inputs: [row.values.budget, row.values.final],
    };
  }
  const area = /楼堂馆所.*(面积|规模)控制率/.test(name);
  const invest = /楼堂馆所.*投资(概算)?控制率/.test(name);
  if (area || invest) {
    if (!basic) return needBasic('楼堂馆所控制情况');
    const projects = basic.buildings.filter((b) => num(area ? b.approvedScale : b.budgetInvestment) || num(area ? b.actualScale : b.actualInvestment));
    if (projects.length === 0) return { ok: true, exempt: '楼堂馆所项目', inputs: [] };
    const sum = (fs: Field[]) => fs.reduce((acc, f) => acc.plus(num(f)?.value ?? 0), new Decimal(0));
    const approved = projects.map((p) => (area ? p.approvedScale : p.budgetInvestment));
    const actual = projects.map((p) => (area ? p.actualScale : p.actualInvestment));
    const d = sum(approved);
    if (d.isZero()) return { ok: false, missing: area ? '批复规模' : '预算投资', inputs: approved };
    const percent = roundHalfUp(sum(actual).div(d).times(100), 2);
    const label = area ? '规模控制率 = 实际规模 ÷ 批复规模' : '投资概算控制率 = 实际投资 ÷ 预算投资';
    const shown = (fs: Field[]) => fs.map((f) => num(f)?.text ?? '0').join(' + ');
    return { ok: true, percent, formula: `${label} = ${shown(actual)} ÷ ${shown(approved)} = ${percent.toFixed(2)}%`, inputs: [...actual, ...approved] };
  }
  return null;
}

export function assessScoreRow(row: ScoreTableRow, basic: BasicDataTable | null, options: ScoringOptions): ScoreAssessment {
  const parsed = parseCriterion(row.criterionText);
  if (!parsed.ok) return { kind: 'unparsed', reason: parsed.reason };
  const weight = num(row.weight);
  if (!weight) return { kind: 'not-computable', missing: '分值', note: null, inputs: [row.weight] };
  const c: Criterion = parsed.criterion;
  if (c.kind === 'checklist' || c.kind === 'per-count') {
    const a = applyCriterion(c, { figure: null, weight: weight.value });
    return { kind: 'not-computable', missing: a.ok ? '' : a.missing, note: null, inputs: [row.criterion ?? row.nameField] };
  }
  const fig = figureFor(row.name, basic);
  if (!fig) return { kind: 'not-computable', missing: `“${row.name}”的比率（基础数据表不提供）`, note: null, inputs: [row.nameField] };
  if (!fig.ok) return { kind: 'not-computable', missing: fig.missing, note: fig.note ?? null, inputs: fig.inputs ?? [row.nameField] };
  const exempt = 'exempt' in fig;
  const a = applyCriterion(c, { figure: exempt ? null : fig.percent, weight: weight.value, exempt }, options);
  if (!a.ok) return { kind: 'not-computable', missing: exempt ? `${fig.exempt}（评分标准未写“没有…按满分计算”）` : a.missing, note: null, inputs: fig.inputs };
  const formula = exempt ? `基础数据表中没有${fig.exempt}；${a.formula}` : `${fig.formula}；${a.formula}`;
  return { kind: 'scored', expected: a.score, formula, inputs: [...fig.inputs, row.weight], alternatives: a.alternatives };
}

export interface ScoreTableRecomputed {
  readonly rows: ReadonlyArray<{ readonly row: ScoreTableRow; readonly assessment: ScoreAssessment }>;
  /** Σ recomputed scores, entered ones where a row cannot be recomputed (bounded to 0…分值). */
  readonly total: Decimal | null;
}

export function recomputeScoreTable(table: ScoreTable, basic: BasicDataTable | null, options: ScoringOptions): ScoreTableRecomputed {
  let total: Decimal | null = table.rows.length > 0 ? new Decimal(0) : null;
  const rows = table.rows.map((row) => {
    const assessment = assessScoreRow(row, basic, options);
    if (total) {
      const weight = num(row.weight);
      const entered = num(row.score);
      if (assessment.kind === 'scored') total = total.plus(assessment.expected);
      else if (entered) total = total.plus(weight ? Decimal.min(Decimal.max(entered.value, 0), weight.value) : entered.value);
    }
    return { row, assessment };
  });
  return { rows, total };
}
