/** Every rule, in the order a reviewer reads the forms: 附件2 first, then 附件3. */
import staffControlRate from './basic/staff-control-rate';
import staffOverQuota from './basic/staff-over-quota';
import threePublicSum from './basic/three-public-sum';
import vehicleSum from './basic/vehicle-sum';
import projectSum from './basic/project-sum';
import publicPartsExceed from './basic/public-parts-exceed';
import threePublicOverspend from './basic/three-public-overspend';
import { buildingInvestRate, buildingScaleRate } from './basic/building-rates';
import executionRate from './selfeval/execution-rate';
import executionScore from './selfeval/execution-score';
import executionOverspend from './selfeval/execution-overspend';
import fundsBreakdown from './selfeval/funds-breakdown';
import indicatorScore from './selfeval/indicator-score';
import scoreBounds from './selfeval/score-bounds';
import levelWeight from './selfeval/level-weight';
import standardWeights from './selfeval/standard-weights';
import weightTotal from './selfeval/weight-total';
import totalScore from './selfeval/total-score';
import recomputedTotal from './selfeval/recomputed-total';
import missingReason from './selfeval/missing-reason';
import grade from './selfeval/grade';
import qualitative from './selfeval/qualitative';
import unitMismatch from './selfeval/unit-mismatch';
import scoreCoefficient from './selfeval/score-coefficient';
import unparsed from './value/unparsed';
import rounding from './value/rounding';
import criterionScore from './scoretable/criterion-score';
import criterionUnparsed from './scoretable/criterion-unparsed';
import narrativeFigure from './report/narrative-figure';
import partMissing from './template/part-missing';

/**
 * The one list of rules: `RuleId` and the message IDs are derived from it (finding.ts), the
 * engine runs it in this order, and docs/rules.md is generated from it.
 */
export const RULES = [
  partMissing,
  unparsed,
  staffControlRate,
  staffOverQuota,
  threePublicSum,
  vehicleSum,
  projectSum,
  publicPartsExceed,
  threePublicOverspend,
  buildingScaleRate,
  buildingInvestRate,
  executionRate,
  executionScore,
  executionOverspend,
  fundsBreakdown,
  indicatorScore,
  scoreCoefficient,
  scoreBounds,
  levelWeight,
  standardWeights,
  weightTotal,
  totalScore,
  recomputedTotal,
  missingReason,
  grade,
  qualitative,
  unitMismatch,
  criterionScore,
  criterionUnparsed,
  rounding,
  narrativeFigure,
] as const;

export type AnyRule = (typeof RULES)[number];

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((r) => r.id === id);
}
