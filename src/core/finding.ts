/**
 * Findings are data (docs/style.md: "errors are values"). Nothing in core throws for bad
 * workbook content; it reports a finding, and the doors decide how to show it.
 */

import type { Rule } from './rule';
import type { AnyRule } from './rules/registry';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Higher is more severe: a cell is coloured, and recalculated, by its most severe finding. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** Every rule ID of docs/contract.md, plus the ones added in the same `area.name` form: the registry's. */
export type RuleId = AnyRule['id'];

/** `ruleId/messageId` for every message of every rule: what a profile may override by message. */
export type MessageKey = AnyRule extends infer R ? (R extends Rule<infer I, infer M> ? `${I}/${keyof M & string}` : never) : never;

/** The message IDs of one rule. */
export type MessageIdOf<I extends RuleId> = Extract<AnyRule, { readonly id: I }> extends Rule<string, infer M> ? keyof M & string : never;

/** A cell in a workbook, as the contract names it: sheet name plus top-left A1 address. */
export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
}

export function refToString(r: CellRef): string {
  return `${r.sheet}!${r.cell}`;
}

/**
 * A value the clerk may accept in 一键重算: write `value` into the finding's cell.
 * A suggestion, never an automatic fix (docs/style.md, after typescript-eslint).
 */
export interface Suggestion {
  /** The decimal string to write; a percentage in % units (`98.99` for 98.99 %). */
  readonly value: string;
  /** Whether `value` is a percentage: a host writes value ÷ 100 into a %-formatted cell, else the text `98.99%`. */
  readonly percent: boolean;
}

export interface Finding {
  readonly ruleId: RuleId;
  /** Which of the rule's messages this is (`wrong`, `notComputable`…). */
  readonly messageId: string;
  /** The rule's title, 规则名称 (执行率得分). */
  readonly title: string;
  readonly severity: Severity;
  readonly sheet: string;
  /** Top-left cell of the (possibly merged) cell whose entered value diverges. */
  readonly cell: string;
  /** The entered value as typed/displayed (decimal string where it is a number); null when blank. */
  readonly entered: string | null;
  /** The rule's result, a decimal string at the compared precision; null when none applies. */
  readonly expected: string | null;
  /** One line of Simplified Chinese saying what is wrong. */
  readonly message: string;
  /** The arithmetic behind `expected`, e.g. `9.90 = 10 × 857.71 ÷ 866.48`. */
  readonly explanation: string;
  /** Every cell the rule read, as `Sheet!A1`. */
  readonly inputs: readonly string[];
  readonly suggestion?: Suggestion;
  /** The clerk's explanation stored in the workbook (已说明; core/acknowledge), when it still applies. */
  readonly acknowledged?: AcknowledgedNote;
}

/** 已说明: why the clerk let a warning or info stand, and when they said so (ISO 8601). */
export interface AcknowledgedNote {
  readonly reason: string;
  readonly at: string;
}

export interface SeverityCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** Sheet order first, then row, then column, then rule: the order a reviewer reads a form in. */
export function compareFindings(sheetOrder: readonly string[]) {
  return (a: Finding, b: Finding): number => {
    const sa = sheetOrder.indexOf(a.sheet);
    const sb = sheetOrder.indexOf(b.sheet);
    if (sa !== sb) return sa - sb;
    const pa = splitA1(a.cell);
    const pb = splitA1(b.cell);
    if (pa.row !== pb.row) return pa.row - pb.row;
    if (pa.col !== pb.col) return pa.col - pb.col;
    return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
  };
}

function splitA1(cell: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
