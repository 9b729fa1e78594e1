/**
 * A profile names a template family and its choices (RULES.md, "Profiles"): precision,
 * severities, grade bands and the optional regional rules, all off by default.
 */
import type { MessageKey, RuleId, Severity } from './finding';
import type { Grade } from './report';
import type { SelfEvalForm } from '../template/tables';

export interface GradeBand {
  readonly grade: Grade;
  /** Inclusive lower bound of the total score. */
  readonly min: number;
}

/** The weights a family's rules set "in principle" (原则上): deviations are warnings. */
export interface StandardWeights {
  /** 一级指标 (matched by the start of its label) → Σ 分值 of its rows. */
  readonly levels: ReadonlyArray<{ readonly label: string; readonly weight: number }>;
  /** 预算执行率's 分值. */
  readonly execution: number;
  /** Where the standard comes from, for messages. */
  readonly source: string;
}

export interface Profile {
  readonly id: string;
  readonly name: string;
  /** The form this profile is picked for when none is named. */
  readonly form: SelfEvalForm;
  /** Fewest decimals a comparison uses (RULES.md: 2 for amounts, scores and % figures). */
  readonly minDecimals: number;
  /**
   * Severity overrides, by rule (`value.rounding`) or by one of its messages
   * (`basic.staff-control-rate/notComputable`); they always win, the message's first.
   */
  readonly severity: Partial<Record<RuleId | MessageKey, Severity>>;
  /** Highest band first. */
  readonly grades: readonly GradeBand[];
  /** 执行率 > 100% still scores at most 分值 (our reading; see RULES.md). */
  readonly capExecutionScore: boolean;
  /**
   * 指标偏离 (some budget platforms; HOSTS.md): a positive indicator whose 完成值 reaches
   * `ratio` × 指标值 loses `points`, because its target was set too low. Off by default.
   */
  readonly overshootPenalty: { readonly ratio: number; readonly points: number } | null;
  /**
   * Total capped by execution rate (some platforms; HOSTS.md): 执行率 below `below` caps the
   * total at `cap`. Bands from the strictest. Off by default.
   */
  readonly totalCapByExecutionRate: ReadonlyArray<{ readonly below: number; readonly cap: number }> | null;
  /** Standard weights of the family; null when it has none. */
  readonly standardWeights: StandardWeights | null;
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
  form: 'dept-overall',
  capExecutionScore: true,
  overshootPenalty: null,
  totalCapByExecutionRate: null,
  standardWeights: null,
};

/** The same forms as scored by budget platforms that add the regional rules of HOSTS.md. */
export const HUNAN_DEPT_OVERALL_PLATFORM: Profile = {
  ...HUNAN_DEPT_OVERALL,
  id: 'hunan-dept-overall-platform',
  name: '湖南省部门整体支出绩效自评（含预算平台附加规则：指标偏离扣分、按执行率封顶总分）',
  overshootPenalty: { ratio: 1.3, points: 2 },
  totalCapByExecutionRate: [
    { below: 0.5, cap: 59 },
    { below: 0.6, cap: 69 },
    { below: 0.7, cap: 79 },
    { below: 0.8, cap: 89 },
  ],
};

/**
 * The national 项目支出绩效自评表 (财预〔2020〕10号, 附件2): the same execution and indicator
 * rules, no 基础数据表, and standard weights — 产出 50, 效益 30, 满意度 10, 预算执行率 10 —
 * which the notice sets "in principle", so a deviation is a warning.
 */
export const MOF_PROJECT_2020: Profile = {
  ...HUNAN_DEPT_OVERALL,
  id: 'mof-project-2020',
  name: '项目支出绩效自评表（财预〔2020〕10号：产出 50、效益 30、满意度 10、预算执行率 10）',
  form: 'project',
  standardWeights: {
    levels: [
      { label: '产出', weight: 50 },
      { label: '效益', weight: 30 },
      { label: '满意度', weight: 10 },
    ],
    execution: 10,
    source: '财预〔2020〕10号',
  },
};

export const PROFILES: readonly Profile[] = [HUNAN_DEPT_OVERALL, HUNAN_DEPT_OVERALL_PLATFORM, MOF_PROJECT_2020];

export function findProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}
