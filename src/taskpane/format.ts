/** How finding values read in the pane: fractions of rate rules as percentages, blanks named. */
import type { Finding, RuleId } from '../core/finding';

/** Rules whose `entered` / `expected` are percentages written as fractions (`0.9899`). */
const RATE_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'basic.staff-control-rate',
  'basic.building-scale-rate',
  'basic.building-invest-rate',
  'selfeval.execution-rate',
]);

export function isPercentFinding(f: Finding): boolean {
  return f.suggestion?.percent ?? RATE_RULES.has(f.ruleId);
}

/** `0.9899` → `98.99%`, `1.00` → `100%`, `-0.5` → `-50%`: a decimal shift on the string, no floats. */
export function fractionToPercent(v: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(v.trim());
  if (!m) return v;
  const [, sign = '', int = '', frac = ''] = m;
  const padded = frac.padEnd(2, '0');
  const whole = (int + padded.slice(0, 2)).replace(/^0+(?=\d)/, '') || '0';
  const rest = padded.slice(2);
  return `${sign}${whole}${rest ? `.${rest}` : ''}%`;
}

/** A finding value as the clerk reads it; null stays null. */
export function displayValue(v: string | null, percent: boolean): string | null {
  if (v === null) return null;
  return percent && /^[+-]?\d*\.?\d+$/.test(v.trim()) ? fractionToPercent(v) : v;
}

/** `附件3!D5` → `D5` when it is on `sheet`, unchanged otherwise. */
export function shortRef(ref: string, sheet: string): string {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return ref;
  const s = ref.slice(0, bang).replace(/^'(.*)'$/, '$1');
  return s === sheet ? ref.slice(bang + 1) : ref;
}

/**
 * How an explanation is labelled: `计算过程` where it computes (`9.90 = 10 × 98.99%`), `原因`
 * where nothing is computed (a missing column, a blank cell); a leading label the rule already
 * wrote (`计算过程：…`) is not doubled.
 */
export function explanationLine(explanation: string): { readonly label: '计算过程' | '原因'; readonly text: string } {
  const text = explanation.replace(/^\s*(?:计算过程|原因)\s*[:：]\s*/, '');
  return { label: /[=＝×÷]/.test(text) ? '计算过程' : '原因', text };
}
