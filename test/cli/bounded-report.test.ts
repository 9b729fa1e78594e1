import { boundReport, FINDINGS_CAP, INPUTS_CAP, REPORT_TEXT_CAP } from '../../src/report/bounded';
import { capText, TEXT_CAP } from '../../src/core/text-cap';
import { renderReport } from '../../src/cli/render';
import type { Finding } from '../../src/core/finding';
import type { CheckedReport } from '../../src/core/report';

const long = '长'.repeat(30_000);

function finding(i: number, severity: Finding['severity']): Finding {
  return {
    ruleId: 'value.unparsed',
    messageId: 'unparsed',
    title: '数值无法识别',
    severity,
    sheet: '附件3',
    cell: `H${i + 1}`,
    entered: capText(long),
    expected: null,
    message: `“${capText(long)}”不是数字`,
    explanation: '',
    inputs: Array.from({ length: 300 }, (_, k) => `附件3!A${k + 1}`),
  } as Finding;
}

function report(findings: Finding[]): CheckedReport {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return {
    file: 'a.xlsx',
    status: 'checked',
    profile: 'hunan-dept-overall',
    error: null,
    sheets: { basic: null, selfEval: '附件3' },
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), acknowledged: 0, enteredTotal: null, recomputedTotal: null, grade: null, gradeWithheld: null },
    findings,
    department: long,
    project: null,
    year: '2023',
    statedGrade: null,
    missingAnchors: [],
    coverage: { ran: ['指标得分'], notRun: [], unreadSheets: [] },
  };
}

describe('capText', () => {
  it('keeps a short text and cuts a long one, saying so with the original length', () => {
    expect(capText('短')).toBe('短');
    const cut = capText(long);
    expect(cut).toBe(`${'长'.repeat(TEXT_CAP)}…（已截断，原文 30000 字）`);
  });

  it('never cuts a surrogate pair in half', () => {
    const cut = capText('😀'.repeat(600), 5);
    expect(cut.startsWith('😀😀…')).toBe(true);
  });
});

describe('boundReport', () => {
  const findings = [...Array.from({ length: 700 }, (_, i) => finding(i, 'info')), ...Array.from({ length: 300 }, (_, i) => finding(700 + i, 'error'))];
  const bounded = boundReport(report(findings));

  it('lists at most FINDINGS_CAP findings, errors first, and the text report says how many are left out', () => {
    expect(bounded.findings).toHaveLength(FINDINGS_CAP);
    expect(bounded.findings.filter((f) => f.severity === 'error')).toHaveLength(300);
    expect(bounded.summary.errors).toBe(300);
    expect(bounded.summary.infos).toBe(700);
    expect(renderReport('text', [bounded], false)).toContain(`另有 ${1000 - FINDINGS_CAP} 条问题未列出（每个文件最多列出 ${FINDINGS_CAP} 条）。`);
  });

  it('cuts every text and inputs list, keeping the notes of earlier cuts', () => {
    expect(bounded.department).toBe(capText(long, REPORT_TEXT_CAP));
    const f = bounded.findings[0]!;
    expect(f.entered).toBe(capText(long));
    expect(f.inputs).toHaveLength(INPUTS_CAP + 1);
    expect(f.inputs[INPUTS_CAP]).toBe(`…（共读取 300 个单元格，此处只列出前 ${INPUTS_CAP} 个）`);
    expect(JSON.stringify(bounded).length).toBeLessThan(3 * 1024 * 1024);
  });

  it('leaves a report within the caps unchanged', () => {
    const small = report([{ ...finding(0, 'error'), entered: '9.8', message: '执行率得分应为 9.90', inputs: ['附件3!H5'] }]);
    expect(boundReport({ ...small, department: '芦淞区商务局' })).toEqual({ ...small, department: '芦淞区商务局' });
  });
});
