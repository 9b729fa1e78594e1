/**
 * Labels a bureau's profile adds to the built-in ones (profile `labels`): each list is compared
 * as headers are, without spaces, line breaks or a bracketed unit (`标准分（分）` = `标准分`).
 */
import { compactLabel } from '../core/value';
import type { LabelSynonyms } from '../core/profile-file';
import { withoutBracketed } from './brackets';

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
