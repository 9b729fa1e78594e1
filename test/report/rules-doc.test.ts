/**
 * docs/rules.md and the help page's rules section are the registry's and the RuleTester tables':
 * a rule or a case added or changed without `npm run docs:rules` fails here.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { renderRulesDoc, renderRulesHelp, withRulesHelp } from '../../src/report/rules-doc';
import { RULES } from '../../src/core/rules/registry';
import { RULE_EXAMPLES } from '../rules/examples';

const root = join(__dirname, '..', '..');

test('docs/rules.md is up to date with the registry and the rule tests (run npm run docs:rules)', () => {
  expect(readFileSync(join(root, 'docs', 'rules.md'), 'utf8')).toBe(renderRulesDoc(RULE_EXAMPLES));
});

test("the panes' help shows the same rules section (run npm run docs:rules)", () => {
  const page = readFileSync(join(root, 'src', 'taskpane', 'help.html'), 'utf8');
  expect(page).toBe(withRulesHelp(page, renderRulesHelp(RULE_EXAMPLES)));
});

test('every rule has a section, with every message and its template, and an example that fires and one that does not', () => {
  const doc = renderRulesDoc(RULE_EXAMPLES);
  const help = renderRulesHelp(RULE_EXAMPLES);
  for (const r of RULES) {
    expect(doc).toContain(`## ${r.title}（\`${r.id}\`）`);
    const ex = RULE_EXAMPLES[r.id]!;
    for (const f of ex.fires.findings) {
      expect(doc).toContain(`${f.cell}：${f.message}`);
      expect(help).toContain(f.cell);
    }
    expect(doc).toContain(`**不触发示例**：${ex.passes.setup}`);
    for (const [id, m] of Object.entries(r.messages)) {
      expect(doc).toContain(`| \`${id}\` |`);
      expect(doc).toContain(m.text.replace(/\|/g, '\\|').replace(/\n/g, ' '));
    }
  }
});
