import { testRule } from '../support/rule-tester';
import { VALUE_TABLES } from './value.cases';

for (const table of VALUE_TABLES) testRule(table);
