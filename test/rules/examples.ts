/** Each rule's docs examples: the first invalid and the first valid case of its RuleTester table. */
import type { RuleExamples } from '../../src/report/rules-doc';
import { examplesOf } from '../support/rule-tester';
import { RULE_TABLES } from './tables';

export const RULE_EXAMPLES: RuleExamples = Object.fromEntries(RULE_TABLES.map((t) => [t.rule, examplesOf(t)]));
