/** Every rule, in the order a reviewer reads the forms: 附件2 first, then 附件3. */
import type { Rule } from '../rule';
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
import unparsed from './value/unparsed';

/** IDs reported by other rules rather than by a module of their own. */
export const REPORTED_BY_OTHER_RULES: ReadonlyArray<Pick<Rule, 'id' | 'severity' | 'description'>> = [
  { id: 'value.rounding', severity: 'info', description: '合计与各项之和的差额在四舍五入允许范围内（n × 末位半个单位），由各合计规则报告' },
];

export const RULES: readonly Rule[] = [
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
];
