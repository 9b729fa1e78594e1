import { testRule } from '../support/rule-tester';
import { REPORT_TABLES } from './report.cases';

for (const table of REPORT_TABLES) testRule(table);
