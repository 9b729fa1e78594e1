/**
 * The JSON report of docs/contract.md: one object per workbook, an array for a batch. Keys come
 * in the contract's order; fields beyond it (explanation, suggestion, the rule's title and message
 * ID, department, project, year, statedGrade, missingAnchors, coverage, summary.gradeWithheld) follow, as the contract allows additions.
 */
import type { Finding } from '../core/finding';
import type { Report } from '../core/report';

export function reportToJson(report: Report): Record<string, unknown> {
  return {
    file: report.file,
    profile: report.profile,
    status: report.status,
    error: report.error,
    sheets: {
      basic: report.sheets.basic,
      selfEval: report.sheets.selfEval,
      ...(report.sheets.scoreTable !== undefined ? { scoreTable: report.sheets.scoreTable } : {}),
    },
    summary: {
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      infos: report.summary.infos,
      enteredTotal: report.summary.enteredTotal,
      recomputedTotal: report.summary.recomputedTotal,
      grade: report.summary.grade,
      acknowledged: report.summary.acknowledged ?? 0,
      gradeWithheld: report.summary.gradeWithheld,
    },
    findings: report.findings.map(findingToJson),
    department: report.department,
    project: report.project,
    year: report.year,
    statedGrade: report.statedGrade,
    missingAnchors: report.missingAnchors,
    ...(report.status === 'checked' ? { coverage: report.coverage } : {}),
  };
}

function findingToJson(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    entered: f.entered,
    expected: f.expected,
    message: f.message,
    inputs: f.inputs,
    explanation: f.explanation,
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    title: f.title,
    messageId: f.messageId,
    ...(f.acknowledged ? { acknowledged: { reason: f.acknowledged.reason, at: f.acknowledged.at } } : {}),
  };
}

export function renderJsonReport(reports: readonly Report[], asArray: boolean): string {
  const body = asArray || reports.length !== 1 ? reports.map(reportToJson) : reportToJson(reports[0]!);
  return `${JSON.stringify(body, null, 2)}\n`;
}
