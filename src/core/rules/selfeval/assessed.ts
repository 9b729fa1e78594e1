/** Each indicator row with the assessment the engine computed once for it (see recompute.ts). */
import type { RuleContext } from '../../rule';
import type { Assessment } from '../../indicator';
import type { IndicatorRow } from '../../../template/tables';

export function forEachAssessed(ctx: RuleContext, fn: (row: IndicatorRow, a: Assessment) => void): void {
  const t = ctx.tables.selfEval;
  const r = ctx.recomputed;
  if (!t || !r) return;
  t.indicators.forEach((row, i) => fn(row, r.indicators[i]!.assessment));
}
