/**
 * Roles, not wordings (docs/rules-domain.md, "Any form: read what is there, say what is not"). A funds
 * (execution) block has a budget, an actual, a rate, a weight and a score; an indicator table a
 * level, a name, a target, an actual, a weight, a score and a reason; a 指标评分表 a criterion
 * besides. Each role has many wordings across provinces and years; they are listed here, as data,
 * in one place, drawn from published forms: seeds 000–004 (Hunan), docs/families.md T1–T7 (Hunan
 * 指标评分表, Chongqing 部门整体绩效自评表, Sichuan 得分表, Guizhou 部门整体支出绩效自评表), the
 * Sichuan 部门预算项目支出绩效自评表 (报表编号 510000_0013zp: 年初预算 | 调整后预算数 | 预算执行数 |
 * 预算执行率 | 权重 | 得分; 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析), the
 * national 项目支出绩效自评表 as Anhui publishes it (全年预算数(A) | 全年执行数(B) | 执行率(B/A)), the
 * Anhui 寿县 部门整体支出绩效评价自评表 (指标分值 | 指标解释 | 指标说明及评分标准 | 自评得分).
 *
 * Headers are compared by their key: the compact label (no spaces or line breaks, full-width
 * folded) without its bracketed parts — `(A)`/`(B)` marks, units `(万元)`, `(%)`, `(分)`, weights
 * `(10分)` — and without a trailing `%` or colon. A weight a header declares (`分值(10分)`,
 * `得分(10分×执行率)`) is read apart by `headerWeight`.
 */
import { compactLabel } from '../values/value';
import { withoutBracketed } from './brackets';
import type { LabelSynonyms, Synonyms } from './synonyms';
import { NO_SYNONYMS } from './synonyms';

/**
 * A wording: `全年预算数` is the whole key, `调整后预算*` its start, `*执行数` its end,
 * `*原因分析*` anywhere in it. Earlier wordings of a role rank before later ones.
 */
type Wording = string;

interface RoleWords {
  readonly words: readonly Wording[];
  /** A key holding one of these is never this role (`执行率得分` is no rate). */
  readonly not?: readonly string[];
  /** The profile label list that widens this role. */
  readonly synonym?: keyof LabelSynonyms;
}

/** The roles of one kind of table, in the order that breaks ties (a column takes its best-ranked role). */
export type RoleTable<R extends string> = Readonly<Record<R, RoleWords>>;

/** The funds (execution) block: 年度资金总额 / 总额 / 部门预算执行情况 and its columns. */
export const EXECUTION_ROLES = {
  initialBudget: { words: ['年初预算数', '年初预算', '年初批复预算*', '年初预算*'] },
  budget: {
    // 小计 last: Fujian's 预算安排 group ends in 小计 ④ = ①+②+③, the base of its 支出实现率.
    words: ['全年预算数', '调整后预算数', '全年预算', '调整后预算', '调整预算数', '全年调整预算数', '调整后预算*', '全年预算*', '预算数', '年度预算数', '年度预算', '小计'],
    synonym: 'budget',
  },
  actual: {
    words: ['全年执行数', '预算执行数', '执行数', '实际执行数', '全年执行', '全年实际执行数', '实际支出数', '全年支出数', '决算数', '全年决算数', '*执行数', '*执行金额', '年度拨付金额', '*拨付金额', '*支出金额'],
    synonym: 'actual',
  },
  rate: { words: ['执行率', '预算执行率', '资金执行率', '全年执行率', '执行率*', '*执行率', '支出实现率', '预算实现率'], not: ['得分', '权重', '分值'] },
  weight: { words: ['分值', '权重', '执行率权重', '执行率分值', '指标分值', '标准分值', '参考分值', '权重分', '满分'], synonym: 'weight' },
  score: { words: ['得分', '执行率得分', '自评得分', '评价得分', '实际得分', '自评分', '得分值'], synonym: 'score' },
} satisfies RoleTable<string>;

export type ExecutionRole = keyof typeof EXECUTION_ROLES;

/** The indicator table of a 自评表 (部门整体 or 项目支出). */
export const INDICATOR_ROLES = {
  level1: { words: ['一级指标', '一级'] },
  level2: { words: ['二级指标', '二级'] },
  // Not 绩效指标: on Guizhou's, Sichuan's and Yunnan's forms it is the block's label, left of or above 一级指标.
  name: { words: ['三级指标', '三级', '指标名称', '三级指标名称', '具体指标', '指标内容', '考核指标', '评价指标'] },
  target: {
    words: ['年度指标值', '指标值', '目标值', '年初指标值', '年度目标值', '预期指标值', '预期目标值', '计划指标值', '指标目标值', '绩效指标值', '年度目标', '计划值', '预期值', '*指标值*', '*目标值*'],
    not: ['完成', '实际', '调整'],
    synonym: 'target',
  },
  /** Chongqing's 调整指标值 beside 年初指标值: the target where filled. */
  adjustedTarget: { words: ['调整指标值', '调整后指标值', '调整后目标值', '调整*指标值'] },
  actual: {
    words: ['实际完成值', '完成值', '全年完成值', '全年实际值', '实际值', '实际完成', '实际完成情况', '完成情况', '*完成值*', '*实际值*'],
    synonym: 'completion',
  },
  weight: { words: ['分值', '权重', '指标权重', '指标分值', '参考分值', '标准分值', '标准分', '满分', '权重分', '分值权重'], synonym: 'weight' },
  score: { words: ['得分', '指标得分', '自评得分', '实际得分', '评价得分', '自评分', '考核得分', '得分值'], synonym: 'score' },
  coefficient: { words: ['得分系数', '完成系数', '评分系数', '得分率', '系数'] },
  reason: {
    words: ['偏差原因分析及改进措施', '原因', '*偏差原因*', '*原因分析*', '*未完成原因*', '*扣分原因*', '*原因说明*'],
    synonym: 'reason',
  },
  kind: { words: ['指标性质', '指标方向', '性质', '指标属性'] },
  unit: { words: ['度量单位', '计量单位', '单位', '指标单位'] },
} satisfies RoleTable<string>;

export type IndicatorRole = keyof typeof INDICATOR_ROLES;

/** The 指标评分表 (财预〔2013〕53号 lineage, docs/families.md §1). */
export const SCORE_TABLE_ROLES = {
  level1: { words: ['一级指标', '一级'] },
  level2: { words: ['二级指标', '二级'] },
  level3: { words: ['三级指标', '三级', '指标名称', '具体指标'] },
  weight: { words: ['分值', '指标分值', '权重', '标准分值', '标准分', '满分', '分数', '参考分值', '权数', '分值权重'], synonym: 'weight' },
  // `指标说明及评分标准` (寿县) is the criterion, not the explanation.
  criterion: {
    words: ['评分标准', '评价标准', '计分标准', '评分办法', '评分规则', '考核标准', '计分方法', '评分细则', '扣分标准', '*评分标准*', '*评价标准*', '*计分标准*', '*评分办法*', '*评分细则*'],
    synonym: 'criterion',
  },
  explanation: { words: ['指标说明', '指标解释', '指标内涵', '指标释义', '评价要点'] },
  score: { words: ['得分', '自评得分', '评价得分', '实际得分', '自评分', '考核得分', '考评得分'], synonym: 'score' },
  reason: { words: ['扣分原因*', '扣分说明*', '扣分理由*', '偏差原因*'], synonym: 'reason' },
} satisfies RoleTable<string>;

export type ScoreTableRole = keyof typeof SCORE_TABLE_ROLES;

/**
 * The 其中 rows under the execution row, by source: 当年财政拨款 / 上年结转资金 / 其他资金 (national),
 * 财政资金 / 财政专户管理资金 / 单位资金 / 其他资金 (Sichuan). Compared without `其中：`.
 */
export const EXECUTION_PART_WORDS: readonly Wording[] = ['*当年财政拨款*', '*本年财政拨款*', '*上年结转*', '*其他资金*', '*财政拨款*', '财政资金', '*财政专户*', '单位资金'];

/** The total row of a funds block whose rows are not labelled 年度资金总额 (Fujian: `合 计` under its 小计 rows). */
export const BLOCK_TOTAL_WORDS: readonly Wording[] = ['合计', '总计', '总额', '资金合计', '合计金额', '资金总计'];

/** Labels of a total row, compared by key. */
export const TOTAL_ROW_WORDS: readonly Wording[] = ['总分', '合计', '总计', '合计得分', '得分合计', '综合得分'];

/** A total stated apart from any row, in the form's head (Chongqing T5: `自评总分(分) | 97.6`). */
export const STATED_TOTAL_WORDS: readonly Wording[] = ['自评总分', '总得分', '自评得分合计', '综合评分', '自评综合得分'];

/**
 * Words that state the total only in the form's head, above its tables and with a figure beside
 * them (Ningxia: `自评得分 | 98`); lower down they are column headers.
 */
export const HEAD_TOTAL_WORDS: readonly Wording[] = ['自评得分', '综合得分', '自评分', '得分'];

/** A row of the indicator table that is the budget's execution, scored by the execution rule (docs/rules-domain.md). */
export const EXECUTION_INDICATOR_WORDS: readonly Wording[] = ['预算执行率', '资金执行率', '执行率', '预算资金执行率', '项目预算执行率', '部门预算执行率', '年度预算执行率', '*预算执行率'];

/**
 * The header's key: `全年预算数(A)（万元）` → `全年预算数`, `执行率%` → `执行率`, and a formula
 * after the name dropped (`支出实现率(%)⑥=⑤/④` → `支出实现率`; circled digits read as digits).
 */
export function headerKey(label: string): string {
  return withoutBracketed(compactLabel(label))
    .replace(/\d*=.*$/, '')
    .replace(/[%:]+$/, '');
}

/** A weight a header or block label declares: `分值(10分)`, `得分(10分×执行率)`, `预算执行情况(10分)`. */
export function headerWeight(label: string): { readonly value: string; readonly decimals: number } | null {
  const m = /\((\d+(?:\.(\d+))?)分/.exec(compactLabel(label));
  return m ? { value: m[1]!, decimals: m[2]?.length ?? 0 } : null;
}

type Matcher = (key: string) => boolean;

function matcher(w: Wording): Matcher {
  const starts = w.endsWith('*');
  const ends = w.startsWith('*');
  const word = w.replace(/^\*|\*$/g, '');
  if (starts && ends) return (k) => k.includes(word);
  if (starts) return (k) => k.startsWith(word);
  if (ends) return (k) => k.endsWith(word);
  return (k) => k === word;
}

const compiled = new WeakMap<readonly Wording[], readonly Matcher[]>();

function matchers(words: readonly Wording[]): readonly Matcher[] {
  let m = compiled.get(words);
  if (!m) compiled.set(words, (m = words.map(matcher)));
  return m;
}

/** The rank of the first wording the key matches (0 best), or -1. */
export function wordRank(words: readonly Wording[], key: string): number {
  const ms = matchers(words);
  for (let i = 0; i < ms.length; i++) if (ms[i]!(key)) return i;
  return -1;
}

/** Whether a key is one of the wordings. */
export function isWord(words: readonly Wording[], key: string): boolean {
  return wordRank(words, key) >= 0;
}

/** The rank at which a key plays a role (a profile's synonym ranks first), or -1. */
function roleRank(spec: RoleWords, key: string, syn: Synonyms): number {
  if (spec.synonym && syn !== NO_SYNONYMS && syn.has(spec.synonym)(key)) return 0;
  if (spec.not?.some((n) => key.includes(n))) return -1;
  const r = wordRank(spec.words, key);
  return r < 0 ? -1 : r + 1;
}

/** The role a header plays best (ties to the table's earlier role), with its rank. */
export function bestRole<R extends string>(table: RoleTable<R>, key: string, syn: Synonyms = NO_SYNONYMS): { readonly role: R; readonly rank: number } | null {
  let best: { role: R; rank: number } | null = null;
  for (const role of Object.keys(table) as R[]) {
    const rank = roleRank(table[role], key, syn);
    if (rank >= 0 && (!best || rank < best.rank)) best = { role, rank };
  }
  return best;
}

/**
 * Which column plays which role in a header row: each column takes its best role, and each role
 * its best-ranked column (the leftmost among equals). `headers`: the row's cells as keys.
 */
export function assignRoles<R extends string>(table: RoleTable<R>, headers: ReadonlyArray<{ readonly col: number; readonly key: string }>, syn: Synonyms = NO_SYNONYMS): Partial<Record<R, number>> {
  const chosen = new Map<R, { col: number; rank: number }>();
  for (const { col, key } of headers) {
    if (key === '') continue;
    const best = bestRole(table, key, syn);
    if (!best) continue;
    const prev = chosen.get(best.role);
    if (!prev || best.rank < prev.rank) chosen.set(best.role, { col, rank: best.rank });
  }
  const out: Partial<Record<R, number>> = {};
  for (const [role, { col }] of chosen) out[role] = col;
  return out;
}
