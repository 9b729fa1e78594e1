/**
 * Indicator scoring (docs/rules-domain.md, 自评表): which kind an indicator is, and the score the
 * proportional rule gives. Pure; the rules decide what to report.
 */
import Decimal from 'decimal.js';
import type { IndicatorKind, IndicatorRow } from '../template/tables';
import { parseText, type Parsed, type Quantity } from '../values/value';
import { EXECUTION_INDICATOR_WORDS, headerKey, isWord } from '../template/roles';
import { num } from './rule';
import { showEntered } from '../values/precision';
import { deadlineMet, parseDeadline } from '../values/deadline';
import type { Profile } from './profile';

const TIME_UNITS = new Set(['年', '个月', '月', '天', '日', '小时', '工作日', '个工作日', '周']);

/** How a score was reached; `formula()` turns it into words only when a finding needs them. */
export type ScoreBasis = 'full' | 'ratio' | 'overshoot' | 'deadline';

export interface Scored {
  readonly kind: 'scored';
  readonly direction: 'positive' | 'reverse';
  /** The score the rule gives, unrounded. */
  readonly expected: Decimal;
  readonly met: boolean;
  readonly basis: ScoreBasis;
  readonly row: IndicatorRow;
  readonly weight: Quantity;
  /** For `overshoot`: the ratio and the points deducted. */
  readonly penalty?: { readonly ratio: number; readonly points: number };
  /** A 预算执行率 row of the indicator table: scored by the execution rule (selfeval.execution-score reports it). */
  readonly executionRule?: true;
  /** Such a row with no target typed: the 100% it was scored on. */
  readonly assumedTarget?: string;
}

export type Assessment =
  | Scored
  | { readonly kind: 'qualitative'; readonly why: string }
  | { readonly kind: 'not-computable'; readonly why: string }
  /** 分值 is blank or unparsed: nothing to score against (value.unparsed reports the cell). */
  | { readonly kind: 'no-weight' }
  | { readonly kind: 'unit-mismatch'; readonly targetUnit: string | null; readonly actualUnit: string | null };

/** The indicator's kind: an explicit 指标性质 wins, then the target's prefix, then the labels. */
export function indicatorKind(row: IndicatorRow, target: Quantity | null): IndicatorKind {
  if (row.declaredKind) return row.declaredKind;
  if (!target) return 'qualitative';
  if (target.comparator === '≤' || target.comparator === '<') return 'reverse';
  if (target.comparator === '≥' || target.comparator === '>' || target.comparator === '=') return 'positive';
  if (row.level1?.text.includes('成本') || row.level2.includes('成本')) return 'reverse';
  if (target.unit !== null && TIME_UNITS.has(target.unit) && isTimeIndicator(row, target.unit)) return 'reverse';
  return 'positive';
}

/** Labels that make a duration a time limit (finished sooner is better), not an amount of time. */
const TIME_LABEL = /时效|进度|完成时间|时限|期限|周期|工期|办结|用时/;

/**
 * A duration is a time limit under a 时效/进度 label, or when its name says so (`办结时限`,
 * `完成时间`); `个工作日` is always one. `培训时间 40小时` and `开放时间 300天` stay amounts.
 */
function isTimeIndicator(row: IndicatorRow, unit: string): boolean {
  return unit === '工作日' || unit === '个工作日' || TIME_LABEL.test(row.level2) || TIME_LABEL.test(row.name);
}

/** A figure's unit, falling back on the row's 度量单位 column. */
function unitOf(q: Quantity, declared: string | null): string | null {
  return q.unit ?? declared;
}

/** A bare `90` under a 度量单位 of `%` means 90%: bring it to the fraction `98%` parses to. */
function valueIn(q: Quantity, unit: string | null): Decimal {
  return unit === '%' && !q.percent ? q.value.div(100) : q.value;
}

/**
 * A row of the indicator table that is the budget's execution (预算执行率 as an indicator): scored
 * by the execution rule (docs/rules-domain.md), 分值 × min(执行率 ÷ 指标值, 100%), on 100% where no target is typed.
 */
export function isExecutionIndicator(row: IndicatorRow): boolean {
  return isWord(EXECUTION_INDICATOR_WORDS, headerKey(row.name));
}

const FULL_EXECUTION = parseText('100%') as Quantity;

/** `year`: the year the table reports on (dates a deadline given without one). */
export function assessIndicator(row: IndicatorRow, profile: Profile, year: number | null = null): Assessment {
  const execution = isExecutionIndicator(row);
  const typedTarget = num(row.target);
  const assumed = execution && !typedTarget && row.target.parsed.kind !== 'text';
  const target = assumed ? FULL_EXECUTION : typedTarget;
  const actual = num(row.actual);
  const weight = num(row.weight);
  const deadline = assessDeadline(row, year);
  if (deadline) return deadline;
  const kind = execution && target ? 'positive' : indicatorKind(row, target);
  if (kind === 'qualitative' || !target) {
    return { kind: 'qualitative', why: '定性指标（指标值为文字），按评价人判断分档打分，不重算' };
  }
  if (!actual) return { kind: 'not-computable', why: '实际完成值不是数字，无法按比例重算' };
  if (!weight) return { kind: 'no-weight' };
  const tu = unitOf(target, row.declaredUnit);
  const au = unitOf(actual, row.declaredUnit);
  if (tu !== au) return { kind: 'unit-mismatch', targetUnit: tu, actualUnit: au };
  const t = valueIn(target, tu);
  const a = valueIn(actual, au);
  const w = weight.value;
  const scored = (direction: Scored['direction'], basis: ScoreBasis, expected: Decimal): Scored => ({
    kind: 'scored',
    direction,
    // A proportion of negative figures can leave 0…分值 (docs/rules-domain.md: 0 ≤ 得分 ≤ 分值).
    expected: expected.isNegative() ? ZERO : expected.gt(w) ? w : expected,
    met: basis !== 'ratio',
    basis,
    row,
    weight,
    ...(execution ? { executionRule: true as const } : {}),
    ...(assumed ? { assumedTarget: '100%' } : {}),
  });
  if (kind === 'positive') {
    const penalty = execution ? null : profile.overshootPenalty;
    if (penalty && t.gt(0) && a.gte(t.times(penalty.ratio))) {
      return { ...scored('positive', 'overshoot', Decimal.max(w.minus(penalty.points), 0)), penalty };
    }
    if (a.gte(t)) return scored('positive', 'full', w);
    if (t.isZero()) return { kind: 'not-computable', why: '指标值为 0，无法按比例计算' };
    if (t.isNegative()) return { kind: 'not-computable', why: '指标值为负数，无法按完成比例计算' };
    return scored('positive', 'ratio', w.times(a).div(t));
  }
  if (a.lte(t)) return scored('reverse', 'full', w);
  if (a.isZero()) return { kind: 'not-computable', why: '完成值为 0，无法按比例计算' };
  if (t.isNegative() || a.isNegative()) return { kind: 'not-computable', why: '指标值或完成值为负数，无法按完成比例计算' };
  return scored('reverse', 'ratio', w.times(t).div(a));
}

/** The arithmetic behind a score, for people: `33 ÷ 40 × 10`, `完成值 98% ≥ 指标值 90%，得满分 10`. */
export function formula(s: Scored): string {
  const shown = (p: Parsed) => (p.kind === 'number' ? showEntered(p) : p.kind === 'blank' ? '' : p.text);
  const T = s.assumedTarget ? `${s.assumedTarget}（预算执行率未填指标值，按执行率规则以 100% 计）` : shown(s.row.target.parsed);
  const A = shown(s.row.actual.parsed);
  const W = showEntered(s.weight);
  switch (s.basis) {
    case 'deadline':
      return `完成时间“${A}”不晚于指标“${T}”，得满分 ${W}`;
    case 'overshoot':
      return `完成值 ${A} 达到指标值 ${T} 的 ${s.penalty!.ratio * 100}% 以上（指标偏离），${W} − ${s.penalty!.points}`;
    case 'full':
      return s.direction === 'positive' ? `完成值 ${A} ≥ 指标值 ${T}，得满分 ${W}` : `完成值 ${A} ≤ 指标值 ${T}（越低越好），得满分 ${W}`;
    case 'ratio':
      return s.direction === 'positive' ? `${A} ÷ ${T} × ${W}` : `${T} ÷ ${A} × ${W}`;
  }
}

/** A deadline target met in time scores full marks; one missed is left to judgment. */
function assessDeadline(row: IndicatorRow, year: number | null): Assessment | null {
  const target = parseDeadline(row.target.parsed);
  const actual = parseDeadline(row.actual.parsed);
  const weight = num(row.weight);
  if (!target || !actual || !weight) return null;
  if (deadlineMet(target, actual, year)) {
    return { kind: 'scored', direction: 'reverse', expected: weight.value, met: true, basis: 'deadline', row, weight };
  }
  const T = (row.target.parsed as { text: string }).text;
  const A = (row.actual.parsed as { text: string }).text;
  return { kind: 'qualitative', why: `时效指标完成时间“${A}”晚于或无法对照指标“${T}”，按评价人判断打分，不重算` };
}

/** Whether a score is inside 0…分值. */
export function withinBounds(score: Decimal, weight: Decimal): boolean {
  return score.gte(0) && score.lte(weight);
}

export const ZERO = new Decimal(0);
