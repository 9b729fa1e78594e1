/** How each severity looks in workbooks we write (docs/conventions.md: severity colours). */
import type { Severity } from '../../core/finding';
import { SEVERITY_RANK } from '../../core/finding';

export const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#BDD7EE',
};

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};


export function strongestSeverity(severities: readonly Severity[]): Severity {
  return severities.reduce((a, b) => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a), 'info' as Severity);
}

/** `#FFC7CE` → ExcelJS's `FFFFC7CE`. */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}
