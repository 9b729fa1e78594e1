/**
 * docs/rules.md, generated from the registry (the one list of rules): per rule its title, ID,
 * what it checks and its formula, its messages with their severities and templates, and the
 * profile options that change it. `npm run docs:rules` writes it; a test fails when it is stale.
 */
import { RULES } from '../core/rules/registry';
import { SEVERITY_LABEL } from './severity';
import type { MessageSpec } from '../core/rule';
import type { Severity } from '../core/finding';

/** A rule's examples, from its RuleTester table (test/rules): a case that fires and one that does not. */
export interface RuleExample {
  readonly fires: { readonly setup: string; readonly findings: ReadonlyArray<{ readonly cell: string; readonly severity: Severity; readonly message: string }> };
  readonly passes: { readonly setup: string };
}

export type RuleExamples = Readonly<Record<string, RuleExample | undefined>>;

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderRulesDoc(): string {
  const out: string[] = [
    '# 核对规则',
    '',
    '<!-- Generated from src/core/rules/registry.ts by `npm run docs:rules`; do not edit by hand. -->',
    '',
    '每条规则一个小节：规则名称与编号、核对内容与公式、消息（编号、严重程度、模板）、会改变其结果的规则配置项。',
    '严重程度可在规则配置中按规则（`规则编号`）或按消息（`规则编号/消息编号`）改写，改写总是优先。',
    '',
    '| 规则名称 | 规则编号 |',
    '| --- | --- |',
    ...RULES.map((r) => `| [${r.title}](#${r.docs.split('#')[1]}) | \`${r.id}\` |`),
    '',
  ];
  for (const r of RULES) {
    out.push(`<a id="${r.docs.split('#')[1]}"></a>`, '', `## ${r.title}（\`${r.id}\`）`, '', r.description, '');
    if (r.reportedBy) out.push(`由 ${r.reportedBy} 报告。`, '');
    out.push('| 消息编号 | 严重程度 | 模板 |', '| --- | --- | --- |');
    for (const [id, m] of Object.entries(r.messages as Readonly<Record<string, MessageSpec>>)) out.push(`| \`${id}\` | ${SEVERITY_LABEL[m.severity]} | ${escapeCell(m.text)} |`);
    out.push('', r.options.length > 0 ? `规则配置项：${r.options.map((o) => `\`${o}\``).join('、')}。` : '规则配置项：无（只有严重程度可改）。', '');
  }
  return out.join('\n');
}
