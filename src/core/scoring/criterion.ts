/**
 * What a 评分标准 text means, as data (docs/families.md §1.4). Figures are in percent units:
 * `100` is 100 %, because the wordings are written so and the table's rates are compared in %
 * with two decimals (docs/rules-domain.md, "指标评分表").
 */
import type Decimal from 'decimal.js';

/** Which way the figure leaves the full-marks zone: P1/P2/P4 deduct above the limit, P3 below. */
export type Direction = 'above' | 'below';

/** A bound of a band; `inclusive` null where the text does not say (`10%-20%` without 含). */
export interface Bound {
  readonly value: Decimal;
  readonly inclusive: boolean | null;
}

export interface Band {
  /** null: unbounded on that side. */
  readonly lo: Bound | null;
  readonly hi: Bound | null;
  readonly points: Decimal;
  /** The band as written, for messages: `10-20%(含)`. */
  readonly text: string;
}

export type Criterion =
  /**
   * P1–P4: full marks up to (or down to) `limit`, then `perStep` points off for every `step`
   * percentage points beyond it, never below 0. `step` 1 is "每超过一个百分点".
   */
  | {
      readonly kind: 'deduction';
      readonly limit: Decimal;
      readonly direction: Direction;
      readonly step: Decimal;
      readonly perStep: Decimal;
      /** Points the text gives at the limit (`计5分`); null for 满分. */
      readonly statedFull: Decimal | null;
      /** `没有楼堂馆所项目的部门按满分计算`: what, when absent, scores full marks. */
      readonly exemption: string | null;
    }
  /** P5/P6: a table of bands, each with its points. */
  | { readonly kind: 'bands'; readonly bands: readonly Band[] }
  /** P7: 分值 × rate, capped at 分值 when the text says so. */
  | { readonly kind: 'proportional'; readonly cap: boolean }
  /** P9: 分值 × (1 − factor × rate), 0 above `cutoff` (a rate in % units). */
  | { readonly kind: 'linear'; readonly factor: Decimal; readonly cutoff: Decimal | null }
  /** P8: numbered items with their points; the points should add up to 分值. */
  | { readonly kind: 'checklist'; readonly items: readonly Decimal[] }
  /** P8/P11: `每出现一例…扣1分`, `每个问题扣0.02分`: a count the workbook does not hold. */
  | { readonly kind: 'per-count'; readonly perItem: Decimal; readonly what: string };

export type ParseResult =
  | { readonly ok: true; readonly criterion: Criterion }
  /** A plain Chinese reason, shown in `scoretable.criterion-unparsed`. */
  | { readonly ok: false; readonly reason: string };

/** Readings evaluators differ on (docs/rules-domain.md, "指标评分表"); each is a profile option. */
export interface ScoringOptions {
  /** "每超过一个百分点扣k分": k × excess (proportional) or k per completed whole point. */
  readonly perPoint: 'proportional' | 'whole';
  /** "每低于5%扣2分": steps counted when completed (⌊⌋, the default) or when started (⌈⌉). */
  readonly steps: 'completed' | 'started';
}

export const DEFAULT_SCORING_OPTIONS: ScoringOptions = { perPoint: 'proportional', steps: 'completed' };

/** The option whose other value gives another score, for the finding to name. */
export interface Alternative {
  readonly option: keyof ScoringOptions | 'boundary';
  /** The reading that gives `score`, in Chinese. */
  readonly reading: string;
  readonly score: Decimal;
}

export type Applied =
  | {
      readonly ok: true;
      readonly score: Decimal;
      /** The arithmetic, e.g. `5 − 0.5 × (104.00 − 100) = 3.00`. */
      readonly formula: string;
      readonly alternatives: readonly Alternative[];
    }
  /** What the computation needs that it was not given, in Chinese. */
  | { readonly ok: false; readonly missing: string };
