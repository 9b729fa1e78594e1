import { testRule } from '../support/rule-tester';
import { TEMPLATE_TABLES } from './template.cases';

for (const table of TEMPLATE_TABLES) testRule(table);
