/**
 * A profile names a template family and its choices (RULES.md, "Profiles"): precision,
 * severities, grade bands and the optional regional rules, all off by default.
 */
import type { RuleId, Severity } from './finding';
import type { Grade } from './report';

export interface GradeBand {
  readonly grade: Grade;
  /** Inclusive lower bound of the total score. */
  readonly min: number;
}

export interface Profile {
  readonly id: string;
  readonly name: string;
  /** Fewest decimals a comparison uses (RULES.md: 2 for amounts, scores and % figures). */
  readonly minDecimals: number;
  /** Overrides of a rule's default severity. */
  readonly severity: Partial<Record<RuleId, Severity>>;
  /** Highest band first. */
  readonly grades: readonly GradeBand[];
  /** 执行率 > 100% still scores at most 分值 (our reading; see RULES.md). */
  readonly capExecutionScore: boolean;
}

export const HUNAN_DEPT_OVERALL: Profile = {
  id: 'hunan-dept-overall',
  name: '湖南省部门整体支出绩效自评（附件2 基础数据表 / 附件3 自评表）',
  minDecimals: 2,
  severity: {},
  grades: [
    { grade: '优', min: 90 },
    { grade: '良', min: 80 },
    { grade: '中', min: 60 },
    { grade: '差', min: Number.NEGATIVE_INFINITY },
  ],
  capExecutionScore: true,
};

export const PROFILES: readonly Profile[] = [HUNAN_DEPT_OVERALL];

export function findProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}
