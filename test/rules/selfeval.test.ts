import { testRule } from '../support/rule-tester';
import { SELFEVAL_TABLES } from './selfeval.cases';

for (const table of SELFEVAL_TABLES) testRule(table);
