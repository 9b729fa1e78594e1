/**
 * The Chinese name (规则名称) of each rule, for the columns and headings a reviewer reads;
 * the rule ID stays the stable key for scripts (CONTRACT.md). One place for every door, so
 * the names agree; a finding's own `title`, once rules carry one, takes its place here.
 */
import type { Finding, RuleId } from './finding';

export const RULE_TITLES: Readonly<Record<RuleId, string>> = {
  'basic.staff-control-rate': '人员控制率',
  'basic.staff-over-quota': '实有人数超编',
  'basic.three-public-sum': '三公经费合计',
  'basic.vehicle-sum': '公务用车经费合计',
  'basic.project-sum': '项目支出合计',
  'basic.public-parts-exceed': '公用经费明细超出',
  'basic.three-public-overspend': '三公经费超预算',
  'basic.building-scale-rate': '楼堂馆所规模控制率',
  'basic.building-invest-rate': '楼堂馆所投资概算控制率',
  'selfeval.execution-rate': '预算执行率',
  'selfeval.execution-score': '预算执行得分',
  'selfeval.execution-overspend': '预算超支',
  'selfeval.funds-breakdown': '资金构成合计',
  'selfeval.indicator-score': '指标得分',
  'selfeval.score-bounds': '得分超出分值范围',
  'selfeval.level-weight': '一级指标分值',
  'selfeval.standard-weights': '标准权重',
  'selfeval.weight-total': '分值合计',
  'selfeval.total-score': '总分',
  'selfeval.recomputed-total': '重算总分',
  'selfeval.missing-reason': '缺少偏差原因',
  'selfeval.grade': '评价等次',
  'selfeval.qualitative': '定性指标',
  'selfeval.unit-mismatch': '计量单位不一致',
  'value.unparsed': '无法读取的数值',
  'value.rounding': '四舍五入差异',
};

/** The finding's rule name in Chinese; unknown IDs (a newer report read by an older door) show as the ID. */
export function findingTitle(f: Pick<Finding, 'ruleId'>): string {
  return (RULE_TITLES as Readonly<Record<string, string>>)[f.ruleId] ?? f.ruleId;
}
