import { testRule } from '../support/rule-tester';
import { BASIC_TABLES } from './basic.cases';

for (const table of BASIC_TABLES) testRule(table);
