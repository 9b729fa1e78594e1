/**
 * `npm run docs:rules`: writes docs/rules.md and the rules section of the panes' help
 * (src/taskpane/help.html) from the registry, with each rule's examples taken from its RuleTester
 * table (test/rules/*.cases.ts).
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { renderRulesDoc, renderRulesHelp, withRulesHelp } from '../src/report/rules-doc';
import { RULE_EXAMPLES } from '../test/rules/examples';

const root = join(__dirname, '..');
writeFileSync(join(root, 'docs', 'rules.md'), renderRulesDoc(RULE_EXAMPLES));
const help = join(root, 'src', 'taskpane', 'help.html');
writeFileSync(help, withRulesHelp(readFileSync(help, 'utf8'), renderRulesHelp(RULE_EXAMPLES)));
