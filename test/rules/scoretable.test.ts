import { testRule } from '../support/rule-tester';
import { SCORETABLE_TABLES } from './scoretable.cases';

for (const table of SCORETABLE_TABLES) testRule(table);
