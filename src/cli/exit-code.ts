/**
 * docs/contract.md exit status: 2 when any file was unreadable or unrecognised, else 1 on any error
 * finding — or, with --max-warnings N, on more than N unexplained warnings in the batch (as
 * ESLint) — else 0.
 */
import type { Report } from '../core/report';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_TROUBLE = 2;

/** `warnings`: the batch's unexplained warnings, when the reports list fewer findings than they count (report/bounded.ts). */
export function exitCodeFor(reports: readonly Report[], maxWarnings?: number, warnings: number = warningCount(reports)): number {
  if (reports.some((r) => r.status !== 'checked')) return EXIT_TROUBLE;
  if (reports.some((r) => r.summary.errors > 0)) return EXIT_ERRORS;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT_ERRORS;
  return EXIT_OK;
}

/** Warnings the clerk has not explained (an explained one, 已说明, is no longer pending). */
export function warningCount(reports: readonly Report[]): number {
  return reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning' && !f.acknowledged).length, 0);
}
