/**
 * Labels a bureau's profile adds to the built-in ones (profile `labels`): each list is compared
 * as headers are, without spaces, line breaks or a bracketed unit (`标准分（分）` = `标准分`).
 */
import { compactLabel } from '../values/value';
import { withoutBracketed } from './brackets';

// The labels a bureau's profile file may add (core/profile-file.ts reads them): declared here,
// beside their use, so that the located tables need nothing from the rules' layer.
/** Header and row labels a bureau's forms use beside the built-in ones (compared without spaces). */
export interface LabelSynonyms {
  /** The row carrying the execution rate (年度资金总额, 资金总额…). */
  readonly executionRow?: readonly string[];
  /** 全年预算数 / 调整后预算数 column. */
  readonly budget?: readonly string[];
  /** 全年执行数 column. */
  readonly actual?: readonly string[];
  /** 分值 column. */
  readonly weight?: readonly string[];
  /** 得分 column. */
  readonly score?: readonly string[];
  /** 年度指标值 column. */
  readonly target?: readonly string[];
  /** 实际完成值 column. */
  readonly completion?: readonly string[];
  /** 偏差原因 / 扣分原因 column. */
  readonly reason?: readonly string[];
  /** 评分标准 column of a 指标评分表. */
  readonly criterion?: readonly string[];
}

export type SynonymTest = (label: string) => boolean;

export interface Synonyms {
  readonly has: (key: keyof LabelSynonyms) => SynonymTest;
}

const NONE: SynonymTest = () => false;

export function synonyms(labels: LabelSynonyms | undefined): Synonyms {
  const sets = new Map<string, Set<string>>();
  for (const [k, list] of Object.entries(labels ?? {})) {
    if (list && list.length > 0) sets.set(k, new Set(list.map((s: string) => withoutBracketed(compactLabel(s)))));
  }
  return {
    has: (key) => {
      const set = sets.get(key);
      return set ? (l) => set.has(withoutBracketed(l)) : NONE;
    },
  };
}

export const NO_SYNONYMS: Synonyms = synonyms(undefined);

/** A header test widened by the bureau's synonyms. */
export function orSynonym(test: SynonymTest, extra: SynonymTest): SynonymTest {
  return extra === NONE ? test : (l) => test(l) || extra(l);
}
