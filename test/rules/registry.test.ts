/** The registry is the one list of rules: every rule in it has its RuleTester table, and no table names a rule it lacks. */
import { RULES } from '../../src/core/rules/registry';
import { RULE_TABLES } from './tables';

test('every rule in the registry has exactly one RuleTester table', () => {
  expect(RULE_TABLES.map((t) => t.rule).sort()).toEqual(RULES.map((r) => r.id).sort());
});

test('every message of every rule is pinned by an invalid case', () => {
  const pinned = new Set(RULE_TABLES.flatMap((t) => t.invalid.flatMap((c) => c.findings.map((f) => `${t.rule}/${f.messageId}`))));
  const all = RULES.flatMap((r) => Object.keys(r.messages).map((m) => `${r.id}/${m}`));
  expect(all.filter((k) => !pinned.has(k))).toEqual([]);
});
