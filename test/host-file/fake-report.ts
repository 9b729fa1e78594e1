/** Reports built by hand, so the file door is tested without the engine. */
import type { Finding, RuleId, Severity } from '../../src/core/finding';
import { countBySeverity } from '../../src/core/finding';
import type { CheckedReport } from '../../src/core/report';
import { RULE_TITLES } from '../../src/core/rule-titles';

export function finding(sheet: string, cell: string, severity: Severity, ruleId: RuleId, message: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    messageId: 'wrong',
    title: RULE_TITLES[ruleId],
    severity,
    sheet,
    cell,
    entered: '9.8',
    expected: '9.90',
    message,
    explanation: `说明 ${ruleId}`,
    inputs: [],
    ...extra,
  };
}

export function checkedReport(file: string, findings: readonly Finding[], extra: Partial<CheckedReport> = {}): CheckedReport {
  return {
    file,
    profile: 'hunan-dept-overall',
    status: 'checked',
    error: null,
    sheets: { basic: '附件2', selfEval: '附件3' },
    summary: { ...countBySeverity(findings), acknowledged: findings.filter((f) => f.acknowledged).length, enteredTotal: '95.8', recomputedTotal: '94.99', grade: '优', gradeWithheld: null },
    coverage: { ran: ['执行率及得分', '指标得分'], notRun: [], unreadSheets: [] },
    findings,
    department: '某某县财政局',
    project: null,
    year: '2023',
    statedGrade: '优',
    missingAnchors: [],
    ...extra,
  };
}
