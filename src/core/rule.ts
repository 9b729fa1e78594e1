/**
 * The rule factory (docs/style.md, after typescript-eslint's `createRule`): a rule declares its ID,
 * a short Chinese title, a description, the profile options that change it, and its messages
 * by ID, each with its severity and a template whose `{placeholders}` type the data a report
 * must give. So a misspelt message ID or placeholder is a compile error, and the registry's
 * list of rules is the only list of rule and message IDs (`RuleId`, `MessageKey` in finding.ts).
 *
 * Rules never parse text: they read `Quantity`s through the context, which hides blanks, "none"
 * marks and unparsed values (those are reported once, by `value.unparsed`).
 */
import Decimal from 'decimal.js';
import type { Finding, Severity, Suggestion } from './finding';
import type { Profile } from './profile';
import { capText } from './text-cap';
import type { Recomputed } from './recompute';
import type { ScoreTableRecomputed } from './scoretable';
import type { Field, LocatedWorkbook } from '../template/tables';

/** The names of a template's `{placeholders}`, as a union. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export interface MessageSpec {
  readonly severity: Severity;
  /** Simplified Chinese, with `{name}` where data goes. */
  readonly text: string;
}

export type Messages = Readonly<Record<string, MessageSpec>>;

type DataOf<S extends string> = [Placeholders<S>] extends [never]
  ? { readonly data?: undefined }
  : { readonly data: { readonly [P in Placeholders<S>]: string | number } };

/** What a rule says about one cell, beside its message. */
export interface FindingBody {
  readonly at: Field;
  readonly entered: string | null;
  readonly expected: string | null;
  /** The arithmetic behind `expected`, e.g. `9.90 = 10 × 857.71 ÷ 866.48`. */
  readonly explanation: string;
  readonly inputs: readonly Field[];
  readonly suggestion?: Suggestion;
}

/** One report: a message ID of the rule, the data its template needs, and the finding's body. */
export type ReportFor<M extends Messages, K extends keyof M & string> = { readonly messageId: K } & DataOf<M[K]['text']> & FindingBody;

/** Profile fields a rule reads, for its docs ("which profile options change it"). */
export type ProfileOption = Exclude<keyof Profile, 'id' | 'name' | 'form'>;

export interface RuleContext<M extends Messages = Messages> {
  readonly tables: LocatedWorkbook;
  readonly profile: Profile;
  /** The scores the rules give for the 自评表, computed once per check. */
  readonly recomputed: Recomputed | null;
  /** The 指标评分表's rows scored from the 基础数据表, computed once per check. */
  readonly scoreTable: ScoreTableRecomputed | null;
  /** Generic in the message ID, so a helper for the rate or sum messages takes the context of any rule that declares them. */
  report<K extends keyof M & string>(r: ReportFor<M, K>): void;
  /** A finding under another rule's ID (the sum rules report `value.rounding`). */
  reportAs<I extends string, M2 extends Messages, K extends keyof M2 & string>(rule: Rule<I, M2>, r: ReportFor<M2, K>): void;
}

export interface RuleSpec<Id extends string, M extends Messages> {
  readonly id: Id;
  /** 规则名称: a few Chinese words (执行率得分). */
  readonly title: string;
  /** What the rule checks and its formula, in Chinese, for the docs and the panes' help. */
  readonly description: string;
  readonly messages: M;
  /** Profile options that change what the rule reports (severity overrides apply to every rule). */
  readonly options?: readonly ProfileOption[];
  /** For a rule without a check of its own: which rules report it. */
  readonly reportedBy?: string;
  check?(ctx: RuleContext<M>): void;
}

export interface Rule<Id extends string = string, M extends Messages = Messages> extends RuleSpec<Id, M> {
  /** The anchor of the rule's section in docs/rules.md. */
  readonly docs: string;
  readonly options: readonly ProfileOption[];
}

/** The anchor of a rule's section in docs/rules.md: `basic.staff-control-rate` → `basic-staff-control-rate`. */
export function docsAnchor(id: string): string {
  return id.replace(/\./g, '-');
}

export function defineRule<const Id extends `${string}.${string}`, const M extends Messages>(spec: RuleSpec<Id, M>): Rule<Id, M> {
  return Object.freeze({ ...spec, options: spec.options ?? [], docs: `docs/rules.md#${docsAnchor(spec.id)}` });
}

/** `{name}` → data[name]; a placeholder without data is a bug the types already rule out. */
export function renderMessage(text: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return text;
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in data ? String(data[name]) : all));
}

/**
 * The severity of a finding: the profile's override of the message, else of the rule, else the
 * message's own. The override always wins (a profile that makes `value.rounding` an error gets
 * errors, whatever the rule reporting it would say).
 */
export function severityOf(profile: Profile, ruleId: string, messageId: string, own: Severity): Severity {
  const overrides = profile.severity as Readonly<Record<string, Severity | undefined>>;
  return overrides[`${ruleId}/${messageId}`] ?? overrides[ruleId] ?? own;
}

/** A report as the engine sees it, whatever the rule. */
export type AnyReport = { readonly messageId: string; readonly data?: Readonly<Record<string, string | number>> } & FindingBody;

export function toFinding(rule: Pick<Rule, 'id' | 'title' | 'messages'>, profile: Profile, r: AnyReport): Finding {
  const spec = rule.messages[r.messageId];
  if (!spec) throw new Error(`${rule.id}: unknown message ${r.messageId}`);
  return {
    ruleId: rule.id as Finding['ruleId'],
    messageId: r.messageId,
    title: rule.title,
    severity: severityOf(profile, rule.id, r.messageId, spec.severity),
    sheet: r.at.sheet,
    cell: r.at.cell,
    // A workbook's text is quoted at most TEXT_CAP characters long (text-cap.ts).
    entered: r.entered === null ? null : capText(r.entered),
    expected: r.expected,
    // The message is its template with capped data: bounded without a second cut.
    message: renderMessage(spec.text, r.data && capData(r.data)),
    explanation: capText(r.explanation),
    inputs: r.inputs.map(addr),
    ...(r.suggestion ? { suggestion: r.suggestion } : {}),
  };
}

function capData(data: Readonly<Record<string, string | number>>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'string' ? capText(v) : v;
  return out;
}

// Re-exported: rules read fields through rule.ts; points.ts imports field-value.ts directly, which keeps
// it (and the sum rules that ask it for the total's cap) out of the rule → finding → registry cycle.
export { amount, num } from './field-value';

/** The fields a finding read, those the form has (a form without a 分值 column has no weight field). */
export function present(fields: ReadonlyArray<Field | null | undefined>): Field[] {
  return fields.filter((f): f is Field => !!f);
}

/** Zero with no decimals, for a blank part of a sum. */
export const ZERO = new Decimal(0);

/** Where a finding points, as the contract writes inputs. */
export function addr(f: Field): string {
  return `${f.sheet}!${f.cell}`;
}

/** The strongest severity among a rule's messages: what a one-line rule listing shows. */
export function ruleSeverity(rule: Rule): Severity {
  const order: readonly Severity[] = ['error', 'warning', 'info'];
  const own = new Set(Object.values(rule.messages).map((m) => m.severity));
  return order.find((s) => own.has(s)) ?? 'info';
}
