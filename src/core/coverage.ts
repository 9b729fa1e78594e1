/**
 * Which checks of the form's family ran, and which could not for want of which part (docs/rules-domain.md,
 * "Any form: read what is there, say what is not"). Worked out from the located tables alone, so
 * the report's `coverage` and the `template.part-missing` findings say the same thing.
 */
import type { BasicDataTable, Field, IndicatorColumn, LocatedWorkbook, ScoreTable, SelfEvalTable } from '../template/tables';
import type { Coverage } from './report';

/** A check that could not run: the part it needs, and where that part was looked for (null: a whole sheet). */
export interface CoverageGap {
  readonly check: string;
  readonly missing: string;
  readonly at: Field | null;
}

export interface CoverageAssessment {
  readonly ran: readonly string[];
  readonly gaps: readonly CoverageGap[];
  readonly unreadSheets: Coverage['unreadSheets'];
}

const COLUMN_NAME: Readonly<Record<IndicatorColumn, string>> = {
  level3: '三级指标列',
  target: '指标值列',
  actual: '实际完成值列',
  weight: '分值列',
  score: '得分列',
  reason: '偏差原因列',
};

/** Collects ran checks and gaps in the order a reviewer reads the forms. */
class Tally {
  readonly ran: string[] = [];
  readonly gaps: CoverageGap[] = [];
  /** `check` ran when `missing` is null; otherwise it is a gap at `at`. */
  add(check: string, missing: string | null, at: Field | null): void {
    if (missing === null) {
      if (!this.ran.includes(check)) this.ran.push(check);
    } else this.gaps.push({ check, missing, at });
  }
}

function basicChecks(t: Tally, basic: BasicDataTable): void {
  t.add('财政供养人员控制率', basic.staff ? null : '财政供养人员情况', basic.title);
  const funds = basic.funds;
  t.add('三公经费', funds?.threePublic ? null : funds ? '三公经费行' : '经费控制情况', basic.title);
  if (funds?.project) t.add('项目支出', null, null);
  if (funds?.publicFunds) t.add('公用经费', null, null);
  if (basic.buildings.length > 0) t.add('楼堂馆所控制率', null, null);
}

/** The names of the columns missing from `missing` among `cols`, joined: `分值列、得分列`; null when none is. */
function missingColumns(missing: readonly IndicatorColumn[], cols: readonly IndicatorColumn[]): string | null {
  const names = cols.filter((c) => missing.includes(c)).map((c) => COLUMN_NAME[c]);
  return names.length > 0 ? names.join('、') : null;
}

function selfEvalChecks(t: Tally, s: SelfEvalTable): void {
  const exec = s.execution;
  t.add('执行率及得分', exec ? (exec.rate || exec.score ? null : '执行率列和得分列') : '年度资金总额行', s.title);
  if (s.breakdown.length > 0) t.add('资金结构', null, null);
  const header = s.indicatorHeader;
  const indicatorChecks = ['指标得分', '得分范围', '分值合计', '总分', '偏差原因'];
  // A row is read by its name, its 得分 and a target or an actual (locate-selfeval.ts): without them
  // no row is, and each check of the table names what is missing. Other columns stop only the checks that read them.
  const rowless = header && header.missing.includes('target') && header.missing.includes('actual') ? ['target', 'actual'] : [];
  const unread = header ? missingColumns(header.missing, ['level3', 'score', ...rowless] as IndicatorColumn[]) : '指标表（一级指标表头）';
  if (!header || unread !== null) {
    for (const check of indicatorChecks) t.add(check, unread, header?.field ?? s.title);
  } else {
    const at = header.field;
    t.add('指标得分', missingColumns(header.missing, ['target', 'actual', 'weight']), at);
    t.add('得分范围', missingColumns(header.missing, ['weight']), at);
    const total = s.total;
    const noWeights = missingColumns(header.missing, ['weight']);
    t.add('分值合计', noWeights ?? (total ? (total.weight ? null : '总分行的分值') : '总分行'), noWeights ? at : (total?.labelField ?? at));
    t.add('总分', total ? (total.score ? null : '总分行的得分') : '总分行', total?.labelField ?? at);
    t.add('偏差原因', missingColumns(header.missing, ['reason']), at);
  }
  if (s.indicators.some((r) => r.level1?.declaredWeight)) t.add('指标层级分值', null, null);
  if (s.grade) t.add('评价等次', null, null);
}

function scoreTableChecks(t: Tally, s: ScoreTable, basic: BasicDataTable | null): void {
  const at = s.header.field;
  t.add('评分标准计分', basic ? null : '基础数据表', at);
  t.add('得分范围', null, null);
  t.add('分值合计', s.total ? (s.total.weight ? null : '合计行的分值') : '合计行', s.total?.labelField ?? at);
  t.add('总分', s.total ? (s.total.score ? null : '合计行的得分') : '合计行', s.total?.labelField ?? at);
  // Often, not always, part of the form (docs/families.md §1): said in the coverage, not as a finding.
  t.add('扣分原因', s.header.missing.includes('reason') ? '扣分原因列' : null, null);
  if (s.rows.some((r) => r.level1?.declaredWeight || r.level2?.declaredWeight)) t.add('指标层级分值', null, null);
  if (s.grade) t.add('评价等次', null, null);
}

/**
 * The checks of the family the tables belong to: a department form's 基础数据表 and 自评表, a
 * project form's 自评表, a 指标评分表 with the 基础数据表 its 评分标准 read.
 */
export function assessCoverage(tables: LocatedWorkbook): CoverageAssessment {
  const t = new Tally();
  const s = tables.selfEval;
  // The department family files a 基础数据表 beside its 自评表 (or 指标评分表); a project form has none.
  const deptFamily = (s !== null && s.form === 'dept-overall') || !!tables.scoreTable || tables.basic !== null;
  if (tables.basic) basicChecks(t, tables.basic);
  else if (deptFamily && !tables.scoreTable) t.add('基础数据表各项', '基础数据表', null);
  if (s) selfEvalChecks(t, s);
  else if (tables.basic && !tables.scoreTable) t.add('自评表各项', '自评表', null);
  if (tables.scoreTable) scoreTableChecks(t, tables.scoreTable, tables.basic);
  return { ran: t.ran, gaps: t.gaps, unreadSheets: tables.unreadSheets ?? [] };
}

/** The report's coverage: the gaps without their cells. */
export function coverageOf(a: CoverageAssessment): Coverage {
  return { ran: a.ran, notRun: a.gaps.map((g) => ({ check: g.check, missing: g.missing })), unreadSheets: a.unreadSheets };
}
