/**
 * A profile names a template family and its choices (docs/rules-domain.md, "Profiles"): precision,
 * severities, grade bands and the optional regional rules, all off by default.
 */
import type { MessageKey, RuleId, Severity } from './finding';
import type { Grade } from './report';
import type { Family, LabelSynonyms, ProfileContext } from './profile-file';
import { parseProfileJson } from './profile-file';
import type { ScoringOptions } from './scoring';
import { DEFAULT_SCORING_OPTIONS } from './scoring';
import hunanDeptOverall from './profiles/hunan-dept-overall.json';
import hunanDeptOverallPlatform from './profiles/hunan-dept-overall-platform.json';
import mofProject2020 from './profiles/mof-project-2020.json';
import hunanDeptScoreTable2013 from './profiles/hunan-dept-scoretable-2013.json';

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
  readonly form: Family;
  /** Fewest decimals a comparison uses (docs/rules-domain.md: 2 for amounts, scores and % figures). */
  readonly minDecimals: number;
  /**
   * Severity overrides, by rule (`value.rounding`) or by one of its messages
   * (`basic.staff-control-rate/notComputable`); they always win, the message's first.
   */
  readonly severity: Partial<Record<RuleId | MessageKey, Severity>>;
  /** Highest band first. */
  readonly grades: readonly GradeBand[];
  /** 执行率 > 100% still scores at most 分值 (our reading; see docs/rules-domain.md). */
  readonly capExecutionScore: boolean;
  /**
   * The execution rate's base (docs/rules-domain.md, "Families seen elsewhere"): 全年预算数 (调整后预算数; a
   * form with 年初预算数 only is read on it), or 年初预算数 even where the form has both.
   */
  readonly executionBase: 'budget' | 'initial';
  /** Readings of the 评分标准 wordings that evaluators differ on (指标评分表). */
  readonly scoring: ScoringOptions;
  /** Labels the bureau's forms use beside the built-in ones. */
  readonly labels: LabelSynonyms;
  /**
   * 指标偏离 (some budget platforms; docs/hosts.md): a positive indicator whose 完成值 reaches
   * `ratio` × 指标值 loses `points`, because its target was set too low. Off by default.
   */
  readonly overshootPenalty: { readonly ratio: number; readonly points: number } | null;
  /**
   * Total capped by execution rate (some platforms; docs/hosts.md): 执行率 below `below` caps the
   * total at `cap`. Bands from the strictest. Off by default.
   */
  readonly totalCapByExecutionRate: ReadonlyArray<{ readonly below: number; readonly cap: number }> | null;
  /** Standard weights of the family; null when it has none. */
  readonly standardWeights: StandardWeights | null;
}

/** The first shipped profile is what a bureau's file without `extends` starts from. */
const DEFAULTS: Omit<Profile, 'id' | 'name'> = {
  form: 'dept-overall',
  minDecimals: 2,
  severity: {},
  grades: [],
  capExecutionScore: true,
  executionBase: 'budget',
  overshootPenalty: null,
  totalCapByExecutionRate: null,
  standardWeights: null,
  scoring: DEFAULT_SCORING_OPTIONS,
  labels: {},
};

/**
 * The shipped profiles are files in the format a bureau writes (profiles/*.json, documented by
 * docs/profile.schema.json), read by the same validator: a mistake in one fails every test.
 */
function shipped(files: readonly unknown[]): Profile[] {
  const out: Profile[] = [];
  for (const json of files) {
    const r = parseProfileJson(json, { shipped: out, severityKeys: new Set(), defaults: DEFAULTS });
    if (!r.ok) throw new Error(`内置规则配置有误：${r.errors.join('；')}`);
    out.push(r.profile);
  }
  return out;
}

export const PROFILES: readonly Profile[] = shipped([hunanDeptOverall, hunanDeptOverallPlatform, mofProject2020, hunanDeptScoreTable2013]);

const byId = (id: string): Profile => PROFILES.find((p) => p.id === id)!;
export const HUNAN_DEPT_OVERALL = byId('hunan-dept-overall');
/** The same forms as scored by budget platforms that add the regional rules of docs/hosts.md. */
export const HUNAN_DEPT_OVERALL_PLATFORM = byId('hunan-dept-overall-platform');
/**
 * The national 项目支出绩效自评表 (财预〔2020〕10号, 附件2): the same execution and indicator
 * rules, no 基础数据表, and standard weights — 产出 50, 效益 30, 满意度 10, 预算执行率 10 —
 * which the notice sets "in principle", so a deviation is a warning.
 */
export const MOF_PROJECT_2020 = byId('mof-project-2020');
/** The older 指标评分表 with its 基础数据表 (docs/families.md §1; docs/rules-domain.md, "指标评分表"). */
export const HUNAN_DEPT_SCORETABLE_2013 = byId('hunan-dept-scoretable-2013');

export function findProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** What a bureau's profile file is checked against: the shipped profiles and the defaults. */
export function profileContext(severityKeys: ReadonlySet<string>): ProfileContext {
  return { shipped: PROFILES, severityKeys, defaults: DEFAULTS };
}
