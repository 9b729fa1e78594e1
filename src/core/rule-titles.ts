/**
 * The Chinese name (规则名称) of each rule, for the columns and headings a reviewer reads;
 * the rule ID stays the stable key for scripts (docs/contract.md). The names are the rules' own
 * `title`s (the registry is the one list); a finding carries its rule's title too.
 */
import type { Finding, RuleId } from './finding';
import { RULES } from './rules/registry';

export const RULE_TITLES: Readonly<Record<RuleId, string>> = Object.fromEntries(RULES.map((r) => [r.id, r.title])) as Record<RuleId, string>;

/** The finding's rule name in Chinese; unknown IDs (a newer report read by an older door) show as the ID. */
export function findingTitle(f: Pick<Finding, 'ruleId'> & { readonly title?: string }): string {
  return f.title ?? (RULE_TITLES as Readonly<Record<string, string>>)[f.ruleId] ?? f.ruleId;
}
