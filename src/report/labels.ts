/** Chinese labels shared by the text and HTML reports. */
import type { Report, ReportStatus } from '../core/report';


export const STATUS_NAME: Readonly<Record<ReportStatus, string>> = {
  checked: '已核对',
  unreadable: '无法读取',
  unrecognised: '未识别模板',
};

export function sheetsLine(report: Report): string {
  const part = (label: string, name: string | null) => `${label}：${name ?? '未找到'}`;
  const scoreTable = report.sheets.scoreTable ? `；${part('指标评分表', report.sheets.scoreTable)}` : '';
  return `${part('基础数据表', report.sheets.basic)}；${part('自评表', report.sheets.selfEval)}${scoreTable}`;
}

export function summaryLine(report: Report): string {
  const s = report.summary;
  return `填报总分 ${s.enteredTotal ?? '—'}，重算总分 ${s.recomputedTotal ?? '—'}，等次 ${s.grade ?? '—'}；错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}${s.acknowledged ? `（其中已说明 ${s.acknowledged}）` : ''}`;
}

/** `已说明：reason`, the line every door shows under an explained finding. */
export function acknowledgedLine(f: { readonly acknowledged?: { readonly reason: string } }): string | null {
  return f.acknowledged ? `已说明：${f.acknowledged.reason}` : null;
}

export function departmentLine(report: Report): string | null {
  const parts: string[] = [];
  if (report.department) parts.push(`单位：${report.department}`);
  if (report.project) parts.push(`项目：${report.project}`);
  if (report.year) parts.push(`年度：${report.year}`);
  return parts.length > 0 ? parts.join('　') : null;
}

export function batchLine(reports: readonly Report[]): string {
  const by = (s: ReportStatus) => reports.filter((r) => r.status === s).length;
  const errors = reports.reduce((n, r) => n + r.summary.errors, 0);
  const warnings = reports.reduce((n, r) => n + r.summary.warnings, 0);
  const infos = reports.reduce((n, r) => n + r.summary.infos, 0);
  return (
    `共 ${reports.length} 个文件：已核对 ${by('checked')}，无法读取 ${by('unreadable')}，未识别模板 ${by('unrecognised')}；` +
    `错误 ${errors}，警告 ${warnings}，提示 ${infos}`
  );
}

/** When the report lists fewer findings than it counts (--quiet lists errors only): how many it left out. */
export function notListedLine(report: Report): string | null {
  const s = report.summary;
  const left = s.errors + s.warnings + s.infos - report.findings.length;
  return left > 0 ? `另有 ${left} 条警告或提示未列出。` : null;
}

/**
 * `附件3!H5`, or `'附件!3'!H5` when the sheet name holds anything beyond letters, digits and
 * `_`/`.` — quoted as Excel writes it, so a `!` or space in the name cannot be misread.
 */
export function cellRef(sheet: string, cell: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
