/**
 * Rules are small modules, like lint rules (STYLE.md): an ID, a default severity, a Chinese
 * description, and a function from located tables to findings. Rules never parse text:
 * they read `Quantity`s through the context, which hides blanks, "none" marks and unparsed
 * values (those are reported once, by `value.unparsed`).
 */
import Decimal from 'decimal.js';
import type { Finding, RuleId, Severity, Suggestion } from './finding';
import type { Profile } from './profile';
import type { Quantity } from './value';
import type { Recomputed } from './recompute';
import type { Field, LocatedWorkbook } from '../template/tables';

export interface FindingInput {
  /** Defaults to the rule's own ID; a rule may report `value.rounding` for its sums. */
  readonly ruleId?: RuleId;
  /** Defaults to the rule's severity (after the profile's override). */
  readonly severity?: Severity;
  readonly at: Field;
  readonly entered: string | null;
  readonly expected: string | null;
  readonly message: string;
  readonly explanation: string;
  readonly inputs: readonly Field[];
  readonly suggestion?: Suggestion;
}

export interface RuleContext {
  readonly tables: LocatedWorkbook;
  readonly profile: Profile;
  /** The scores the rules give for the 自评表, computed once per check. */
  readonly recomputed: Recomputed | null;
  report(f: FindingInput): void;
}

export interface Rule {
  readonly id: RuleId;
  readonly severity: Severity;
  /** What the rule checks, in Chinese, for the docs and the task pane's help. */
  readonly description: string;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** The figure a field holds, or null for blanks, "none" marks, text and error values. */
export function num(field: Field | null | undefined): Quantity | null {
  return field && field.parsed.kind === 'number' ? field.parsed : null;
}

/** For sums: blanks and "none" marks count as 0; text and errors make the sum unknowable (null). */
export function amount(field: Field | null | undefined): Quantity | null | 'unknown' {
  if (!field) return null;
  const p = field.parsed;
  if (p.kind === 'number') return p;
  if (p.kind === 'blank' || p.kind === 'none') return null;
  return 'unknown';
}

/** Zero with no decimals, for a blank part of a sum. */
export const ZERO = new Decimal(0);

/** Where a finding points, as the contract writes inputs. */
export function addr(f: Field): string {
  return `${f.sheet}!${f.cell}`;
}

export function toFinding(rule: Rule, profile: Profile, f: FindingInput): Finding {
  const ruleId = f.ruleId ?? rule.id;
  const severity = f.severity ?? profile.severity[ruleId] ?? rule.severity;
  return {
    ruleId,
    severity,
    sheet: f.at.sheet,
    cell: f.at.cell,
    entered: f.entered,
    expected: f.expected,
    message: f.message,
    explanation: f.explanation,
    inputs: f.inputs.map(addr),
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
  };
}
