/**
 * A RuleTester (after ESLint's and typescript-eslint's): each rule gets a table of `valid` and
 * `invalid` cases on tiny in-code sheets. A case is a base form (seed 004 made consistent, the
 * 项目支出 form, a 指标评分表 beside seed 004's 基础数据表) and a few cells typed over it; an
 * invalid case lists every finding of its rule in whole — message ID, severity, sheet, cell,
 * entered, expected, message text, explanation, inputs and suggestion — written by hand.
 *
 * The whole engine runs (as every door runs it), and the findings of the rule under test are
 * compared: so a case also shows that no other rule takes the finding over. The tables are
 * plain data, so docs/rules.md and the panes' help quote each rule's first cases as its
 * examples (src/report/rules-doc.ts).
 */
import { checkWorkbook } from '../../src/engine';
import type { Finding, MessageIdOf, RuleId } from '../../src/core/finding';
import { findRule } from '../../src/core/rules/registry';
import type { Cell, RawValue, WorkbookGrid } from '../../src/grid/grid';
import type { RuleExample } from '../../src/report/rules-doc';
import { BASES, type BaseName } from './rule-bases';

/** `附件3!H5`: a sheet of the base and an A1 address. */
export type Address = `${string}!${string}`;

/** A cell typed over the base; `undefined` empties it. */
export type Edit = readonly [at: Address, value: RawValue | Cell | undefined];

export interface RuleCase {
  /** What the case shows, for the test's name (English). */
  readonly name: string;
  readonly base: BaseName;
  readonly edits?: readonly Edit[];
  /** A shipped profile's ID; the form decides when absent. */
  readonly profile?: string;
  /** A Word report's body paragraphs (report.narrative-figure). */
  readonly paragraphs?: readonly string[];
}

/** One finding in whole (the report's own fields); its rule ID and title are the rule's own. */
export type ExpectedFinding<I extends RuleId> = Pick<Finding, 'severity' | 'sheet' | 'cell' | 'entered' | 'expected' | 'message' | 'explanation' | 'inputs' | 'suggestion'> & {
  readonly messageId: MessageIdOf<I>;
};

export interface InvalidCase<I extends RuleId> extends RuleCase {
  /** Every finding of the rule, in report order. */
  readonly findings: readonly ExpectedFinding<I>[];
}

export interface RuleTable<I extends RuleId = RuleId> {
  readonly rule: I;
  /** The rule gives no finding on any of these. */
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly InvalidCase<I>[];
}

/** Any rule's table, its message IDs as plain strings: what lists of tables hold. */
export interface AnyRuleTable {
  readonly rule: RuleId;
  readonly valid: readonly RuleCase[];
  readonly invalid: ReadonlyArray<RuleCase & { readonly findings: ReadonlyArray<Omit<ExpectedFinding<RuleId>, 'messageId'> & { readonly messageId: string }> }>;
}

/** Declares a table, typed by its rule: a message ID the rule does not have is a compile error. */
export function ruleTable<const I extends RuleId>(t: RuleTable<I>): RuleTable<I> {
  return t;
}

export function caseWorkbook(c: RuleCase): WorkbookGrid {
  const base = BASES[c.base];
  const layouts = base.layouts();
  for (const [at, value] of c.edits ?? []) {
    const [sheet, cell] = splitAddress(at);
    const layout = layouts.find((l) => l.name === sheet);
    if (!layout) throw new Error(`${c.name}: no sheet ${sheet} in base ${c.base}`);
    base.set(layout, cell, value);
  }
  const grid = base.build(layouts);
  return c.paragraphs ? { ...grid, paragraphs: c.paragraphs } : grid;
}

function splitAddress(at: Address): [string, string] {
  const i = at.lastIndexOf('!');
  return [at.slice(0, i), at.slice(i + 1)];
}

export function runCase(rule: RuleId, c: RuleCase): Finding[] {
  const report = checkWorkbook(caseWorkbook(c), { file: 'case.xlsx', ...(c.profile ? { profile: c.profile } : {}) });
  if (report.status !== 'checked') throw new Error(`${c.name}: ${report.error}`);
  return report.findings.filter((f) => f.ruleId === rule);
}

export function wholeFinding(rule: RuleId, f: AnyRuleTable['invalid'][number]['findings'][number]): Finding {
  const title = findRule(rule)!.title;
  const { suggestion, ...rest } = f;
  return { ruleId: rule, title, ...rest, ...(suggestion ? { suggestion } : {}) } as Finding;
}

/** Runs a table under jest: one test per case. */
export function testRule(t: AnyRuleTable): void {
  describe(t.rule, () => {
    test('has a valid and an invalid case', () => {
      expect(t.valid.length).toBeGreaterThan(0);
      expect(t.invalid.length).toBeGreaterThan(0);
    });
    test.each(t.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      expect(runCase(t.rule, c)).toEqual([]);
    });
    test.each(t.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      expect(runCase(t.rule, c)).toEqual(c.findings.map((f) => wholeFinding(t.rule, f)));
    });
  });
}

/** A cell value as a reviewer would type it, for the docs: `9.8`, `“好”`, `空`, `#DIV/0!`. */
function typed(v: RawValue | Cell | undefined): string {
  if (v === undefined || v === null) return '空';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `“${v}”`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('error' in v) return v.error;
  return `${typed(v.value)}${v.numFmt ? `（数字格式 ${v.numFmt}）` : ''}`;
}

function describeCase(c: RuleCase): string {
  const edits = (c.edits ?? []).map(([at, v]) => `${at} 填 ${typed(v)}`);
  const parts = [`${BASES[c.base].title}`];
  if (edits.length) parts.push(edits.join('，'));
  if (c.paragraphs) parts.push(`报告正文：${c.paragraphs.map((p) => `“${p}”`).join('')}`);
  if (c.profile) parts.push(`规则配置 ${c.profile}`);
  return parts.join('；');
}

/** The rule's first invalid case and its first valid case that changes the base (else the base), as docs/rules.md shows them. */
export function examplesOf(t: AnyRuleTable): RuleExample {
  const fires = t.invalid[0]!;
  const passes = t.valid.find((c) => (c.edits?.length ?? 0) > 0 || c.paragraphs) ?? t.valid[0]!;
  return {
    fires: { setup: describeCase(fires), findings: fires.findings.map((f) => ({ cell: `${f.sheet}!${f.cell}`, severity: f.severity, message: f.message })) },
    passes: { setup: describeCase(passes) },
  };
}
