/** docs/rules.md is the registry's: a rule added or changed without `npm run docs:rules` fails here. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { renderRulesDoc } from '../../src/report/rules-doc';
import { RULES } from '../../src/core/rules/registry';

test('docs/rules.md is up to date with the registry (run npm run docs:rules)', () => {
  expect(readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8')).toBe(renderRulesDoc());
});

test('every rule has a section, with every message and its template', () => {
  const doc = renderRulesDoc();
  for (const r of RULES) {
    expect(doc).toContain(`## ${r.title}（\`${r.id}\`）`);
    for (const [id, m] of Object.entries(r.messages)) {
      expect(doc).toContain(`| \`${id}\` |`);
      expect(doc).toContain(m.text.replace(/\|/g, '\\|').replace(/\n/g, ' '));
    }
  }
});
