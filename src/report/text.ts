/** The readable Chinese text report, one block per workbook; coloured through a TextStyle. */
import type { Finding, Severity } from '../core/finding';
import type { Report } from '../core/report';
import { acknowledgedLine, batchLine, cellRef, departmentLine, fileLine, GAP, notListedLine, sheetsLine, STATUS_NAME, summaryLine } from './labels';
import { SEVERITY_LABEL } from './severity';
import { coverageLine, isFullyChecked, noFindingsText } from './coverage';

/** How the text is marked up: plain in files and pipes, ANSI colours on a terminal (color.ts). */
export interface TextStyle {
  severity(severity: Severity, text: string): string;
  heading(text: string): string;
  muted(text: string): string;
}

const same = (s: string) => s;
export const PLAIN_STYLE: TextStyle = { severity: (_, s) => s, heading: same, muted: same };

export function renderTextReport(reports: readonly Report[], style: TextStyle = PLAIN_STYLE): string {
  if (reports.length <= 1) return `${reports.map((r) => renderOne(r, style)).join('')}\n`;
  // A batch: a clean file takes one line; the report ends with one line per file and the totals.
  const blocks = reports.map((r) => (isClean(r) ? `${style.heading(`文件：${r.file}`)}${GAP}${summaryLine(r)}；未发现问题。` : renderOne(r, style)));
  const heading = `逐个文件（${['文件', '单位', '总分 填报/重算', '等次', '问题数'].join(GAP)}）：`;
  const closing = [style.heading(heading), ...reports.map((r) => `  ${fileLine(r)}`)];
  blocks.push(closing.join('\n'));
  blocks.push(style.heading(batchLine(reports)));
  return `${blocks.join('\n\n')}\n`;
}

/** A checked file with nothing to list or count, every check of its family run. */
function isClean(r: Report): boolean {
  return r.status === 'checked' && r.findings.length === 0 && notListedLine(r) === null && isFullyChecked(r);
}

function renderOne(report: Report, style: TextStyle): string {
  const lines = [style.heading(`文件：${report.file}`)];
  if (report.status !== 'checked') {
    lines.push(style.severity('error', `状态：${STATUS_NAME[report.status]}`));
    if (report.error) lines.push(`原因：${report.error}`);
    return lines.join('\n');
  }
  lines.push(`状态：${STATUS_NAME.checked}${report.profile ? `（规则配置 ${report.profile}）` : ''}`);
  const dept = departmentLine(report);
  if (dept) lines.push(dept);
  lines.push(`工作表：${sheetsLine(report)}`);
  lines.push(summaryLine(report));
  const coverage = coverageLine(report);
  if (coverage) lines.push(isFullyChecked(report) ? coverage : style.severity('warning', coverage));
  const notListed = notListedLine(report);
  if (report.findings.length === 0 && !notListed) lines.push(noFindingsText(report));
  report.findings.forEach((f, i) => lines.push(...renderFinding(f, i + 1, style)));
  if (notListed) lines.push(style.muted(notListed));
  return lines.join('\n');
}

function renderFinding(f: Finding, n: number, style: TextStyle): string[] {
  const tag = style.severity(f.severity, `[${SEVERITY_LABEL[f.severity]}${f.acknowledged ? '·已说明' : ''}]`);
  const lines = [`  ${n}. ${tag} ${cellRef(f.sheet, f.cell)}  ${f.message}`];
  if (f.explanation) lines.push(style.muted(`       ${f.explanation}`));
  const ack = acknowledgedLine(f);
  if (ack) lines.push(`       ${ack}`);
  return lines;
}
