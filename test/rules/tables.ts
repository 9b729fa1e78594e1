/** Every rule's RuleTester table, in one list: the registry test and the rule docs read it. */
import type { AnyRuleTable } from '../support/rule-tester';
import { BASIC_TABLES } from './basic.cases';
import { SELFEVAL_TABLES } from './selfeval.cases';
import { VALUE_TABLES } from './value.cases';
import { SCORETABLE_TABLES } from './scoretable.cases';
import { REPORT_TABLES } from './report.cases';
import { TEMPLATE_TABLES } from './template.cases';

export const RULE_TABLES: readonly AnyRuleTable[] = [...VALUE_TABLES, ...BASIC_TABLES, ...SELFEVAL_TABLES, ...SCORETABLE_TABLES, ...REPORT_TABLES, ...TEMPLATE_TABLES];
