/**
 * What every door says of a checked report's coverage (RULES.md, "Any form: read what is there,
 * say what is not"): one short line, and "未发现问题" only when every check of the family ran.
 */
import type { Coverage, Report } from '../core/report';
import { coverageComplete } from '../core/report';

/** The coverage of a checked report; null for a file that was not checked. */
export function coverageOfReport(report: Report): Coverage | null {
  return report.status === 'checked' ? report.coverage : null;
}

/** The parts whose absence stopped checks, each once, in the order found: `偏差原因列、总分行`. */
export function missingParts(c: Coverage): string[] {
  return [...new Set(c.notRun.map((n) => n.missing))];
}

/** Whether the report is checked and every check of its family ran on every form-like sheet. */
export function isFullyChecked(report: Report): boolean {
  const c = coverageOfReport(report);
  return c !== null && coverageComplete(c);
}

/**
 * The gaps without the heading: `部分检查未能进行（缺少偏差原因列）；工作表“Sheet3”未能读取（…）`,
 * or `各项检查均已进行`.
 */
export function coverageText(c: Coverage): string {
  const parts: string[] = [];
  const missing = missingParts(c);
  if (missing.length > 0) parts.push(`部分检查未能进行（缺少${missing.join('、')}）`);
  for (const s of c.unreadSheets) parts.push(`工作表“${s.sheet}”未能读取（${s.reason}）`);
  return parts.length > 0 ? parts.join('；') : '各项检查均已进行';
}

/** `核对范围：部分检查未能进行（缺少偏差原因列）`; null for a file that was not checked. */
export function coverageLine(report: Report): string | null {
  const c = coverageOfReport(report);
  return c ? `核对范围：${coverageText(c)}` : null;
}

/** The checks that could not run, each with what stopped it: `偏差原因（缺少偏差原因列）`. */
export function notRunList(c: Coverage): string[] {
  return c.notRun.map((n) => `${n.check}（缺少${n.missing}）`);
}

/** What a checked report with no findings says: `未发现问题。` only when every check ran. */
export function noFindingsText(report: Report): string {
  return isFullyChecked(report) ? '未发现问题。' : '已进行的检查未发现问题，但部分检查未能进行（见核对范围）。';
}
