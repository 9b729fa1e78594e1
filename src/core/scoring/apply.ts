/**
 * A Criterion applied to the figure a row scores: the score, the arithmetic behind it, and
 * the scores other readings would give (so a finding can name the option that decides).
 */
import Decimal from 'decimal.js';
import type { Alternative, Applied, Band, Bound, Criterion, ScoringOptions } from './criterion';
import { DEFAULT_SCORING_OPTIONS } from './criterion';

export interface ScoringInput {
  /** The figure the row scores, in percent units (93.33 for 93.33 %); null when not known. */
  readonly figure: Decimal | null;
  /** The row's 分值. */
  readonly weight: Decimal;
  /** For a criterion with an exemption: true when the thing it names is absent (no 楼堂馆所 project). */
  readonly exempt?: boolean;
}

const ZERO = new Decimal(0);
const fmt = (v: Decimal) => v.toFixed();
const show = (v: Decimal) => v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed();
const clamp0 = (v: Decimal) => Decimal.max(ZERO, v);

const READINGS = {
  perPoint: { proportional: '按超出幅度等比例扣分', whole: '按满一个百分点计扣' },
  steps: { completed: '满一档才扣', started: '不足一档按一档扣' },
} as const;

export function applyCriterion(c: Criterion, input: ScoringInput, options: ScoringOptions = DEFAULT_SCORING_OPTIONS): Applied {
  const n = input.weight;
  switch (c.kind) {
    case 'deduction':
      if (c.exemption !== null && input.exempt) {
        return { ok: true, score: n, formula: `没有${c.exemption}，按满分 ${fmt(n)} 计`, alternatives: [] };
      }
      if (!input.figure) return { ok: false, missing: '该指标的比率' };
      return deduction(c, input.figure, n, options);
    case 'bands':
      if (!input.figure) return { ok: false, missing: '该指标的比率' };
      return bands(c.bands, input.figure);
    case 'proportional': {
      if (!input.figure) return { ok: false, missing: '该指标的比率' };
      const rate = input.figure.div(100);
      const capped = c.cap && rate.gt(1);
      const score = capped ? n : clamp0(n.times(rate));
      return { ok: true, score, formula: `${fmt(n)} × ${capped ? '100%（封顶）' : `${show(input.figure)}%`} = ${show(score)}`, alternatives: [] };
    }
    case 'linear': {
      if (!input.figure) return { ok: false, missing: '该指标的比率' };
      if (c.cutoff && input.figure.gt(c.cutoff)) {
        return { ok: true, score: ZERO, formula: `${show(input.figure)}% > ${fmt(c.cutoff)}%，得 0 分`, alternatives: [] };
      }
      const score = clamp0(n.times(new Decimal(1).minus(c.factor.times(input.figure.div(100)))));
      return { ok: true, score, formula: `${fmt(n)} × (1 − ${fmt(c.factor)} × ${show(input.figure)}%) = ${show(score)}`, alternatives: [] };
    }
    case 'checklist':
      return { ok: false, missing: '各项是否达到要求（逐项评判）' };
    case 'per-count':
      return { ok: false, missing: `${c.what}的个数` };
  }
}

function deduction(c: Extract<Criterion, { kind: 'deduction' }>, r: Decimal, n: Decimal, options: ScoringOptions): Applied {
  const excess = c.direction === 'above' ? r.minus(c.limit) : c.limit.minus(r);
  const gap = c.direction === 'above' ? `(${show(r)} − ${fmt(c.limit)})` : `(${fmt(c.limit)} − ${show(r)})`;
  if (excess.lte(0)) {
    const side = c.direction === 'above' ? '≤' : '≥';
    return { ok: true, score: n, formula: `${show(r)}% ${side} ${fmt(c.limit)}%，得满分 ${fmt(n)}`, alternatives: [] };
  }
  const k = fmt(c.perStep);
  if (c.step.eq(1)) {
    const byReading = {
      proportional: { score: clamp0(n.minus(c.perStep.times(excess))), formula: `${fmt(n)} − ${k} × ${gap}` },
      whole: { score: clamp0(n.minus(c.perStep.times(excess.floor()))), formula: `${fmt(n)} − ${k} × ⌊${gap}⌋` },
    };
    return byChosenReading('perPoint', byReading, options.perPoint);
  }
  const steps = excess.div(c.step);
  const s = fmt(c.step);
  const byReading = {
    completed: { score: clamp0(n.minus(c.perStep.times(steps.floor()))), formula: `${fmt(n)} − ${k} × ⌊${gap} ÷ ${s}⌋` },
    started: { score: clamp0(n.minus(c.perStep.times(steps.ceil()))), formula: `${fmt(n)} − ${k} × ⌈${gap} ÷ ${s}⌉` },
  };
  return byChosenReading('steps', byReading, options.steps);
}

/**
 * The score of the reading the profile chose, and the other reading as an alternative where it
 * scores differently (so a finding can say which option decides).
 */
function byChosenReading<O extends keyof typeof READINGS>(
  option: O,
  byReading: Readonly<Record<keyof (typeof READINGS)[O], { readonly score: Decimal; readonly formula: string }>>,
  chosenKey: keyof (typeof READINGS)[O],
): Applied {
  const chosen = byReading[chosenKey];
  const otherKey = (Object.keys(byReading) as Array<keyof (typeof READINGS)[O]>).find((k) => k !== chosenKey)!;
  const other = byReading[otherKey];
  const alternatives: Alternative[] = other.score.eq(chosen.score) ? [] : [{ option, reading: READINGS[option][otherKey] as string, score: other.score }];
  return { ok: true, score: chosen.score, formula: `${chosen.formula} = ${show(chosen.score)}`, alternatives };
}

function within(v: Decimal, lo: Bound | null, hi: Bound | null): boolean {
  // An unresolved bound (null) counts as inclusive: two bands then both claim the point.
  const okLo = !lo || (lo.inclusive === false ? v.gt(lo.value) : v.gte(lo.value));
  const okHi = !hi || (hi.inclusive === false ? v.lt(hi.value) : v.lte(hi.value));
  return okLo && okHi;
}

function bands(list: readonly Band[], r: Decimal): Applied {
  const hits = list.filter((b) => within(r, b.lo, b.hi));
  if (hits.length === 0) return { ok: false, missing: `评分档位未覆盖 ${show(r)}%` };
  const [first, ...rest] = hits as [Band, ...Band[]];
  const alternatives: Alternative[] = rest
    .filter((b) => !b.points.eq(first.points))
    .map((b) => ({ option: 'boundary', reading: `${show(r)}% 归入“${b.text}”档`, score: b.points }));
  return { ok: true, score: first.points, formula: `${show(r)}% 属“${first.text}”档，得 ${fmt(first.points)} 分`, alternatives };
}
