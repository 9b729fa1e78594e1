/** The readable Chinese text report, one block per workbook. */
import type { Finding } from '../core/finding';
import type { Report } from '../core/report';
import { acknowledgedLine, batchLine, departmentLine, SEVERITY_NAME, sheetsLine, STATUS_NAME, summaryLine } from './labels';

export function renderTextReport(reports: readonly Report[]): string {
  const blocks = reports.map(renderOne);
  if (reports.length > 1) blocks.push(batchLine(reports));
  return `${blocks.join('\n\n')}\n`;
}

function renderOne(report: Report): string {
  const lines = [`文件：${report.file}`];
  if (report.status !== 'checked') {
    lines.push(`状态：${STATUS_NAME[report.status]}`);
    if (report.error) lines.push(`原因：${report.error}`);
    return lines.join('\n');
  }
  lines.push(`状态：${STATUS_NAME.checked}${report.profile ? `（规则配置 ${report.profile}）` : ''}`);
  const dept = departmentLine(report);
  if (dept) lines.push(dept);
  lines.push(`工作表：${sheetsLine(report)}`);
  lines.push(summaryLine(report));
  if (report.findings.length === 0) lines.push('未发现问题。');
  report.findings.forEach((f, i) => lines.push(...renderFinding(f, i + 1)));
  return lines.join('\n');
}

function renderFinding(f: Finding, n: number): string[] {
  const lines = [`  ${n}. [${SEVERITY_NAME[f.severity]}${f.acknowledged ? '·已说明' : ''}] ${f.sheet}!${f.cell}  ${f.message}`];
  if (f.explanation) lines.push(`       ${f.explanation}`);
  const ack = acknowledgedLine(f);
  if (ack) lines.push(`       ${ack}`);
  return lines;
}
