/** Chinese labels shared by the text and HTML reports. */
import type { Report, ReportStatus } from '../core/report';
import { FINDINGS_CAP } from './bounded';
import { isFullyChecked } from './coverage';


/** The ideographic space (U+3000) that parts a Chinese line. */
export const GAP = '\u3000';

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
  return `填报总分 ${s.enteredTotal ?? '—'}，重算总分 ${s.recomputedTotal ?? '—'}；${gradesLine(report)}；${countsLine(report)}`;
}

/** `错误 1，警告 4，提示 2（其中已说明 1）`. */
export function countsLine(report: Report): string {
  const s = report.summary;
  return `错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}${s.acknowledged ? `（其中已说明 ${s.acknowledged}）` : ''}`;
}

/**
 * `填报等次 优秀，重算等次 优`: the grade the form states beside the one its recomputed total
 * earns, so a difference stands out; `重算等次 —（reason）` where the rules give none.
 */
export function gradesLine(report: Report): string {
  return `填报等次 ${report.statedGrade ?? '—'}，重算等次 ${recomputedGradeText(report)}`;
}

/** The recomputed grade; `—（得分未填完，不评等次）` when the rules withhold it; `—` when there is none. */
export function recomputedGradeText(report: Report): string {
  const s = report.summary;
  if (s.grade) return s.grade;
  const why = gradeWithheld(report);
  return why ? `—（${why}）` : '—';
}

/** Why the rules give this checked form no 等次 (unfinished form, 分值 not adding up), or null. */
export function gradeWithheld(report: Report): string | null {
  if (report.status !== 'checked') return null;
  return report.summary.gradeWithheld || null;
}

/**
 * A batch's closing line for one file: file, 单位, 总分 填报/重算, 等次 and counts, so a reviewer
 * reads the batch at a glance at the end of a long report.
 */
export function fileLine(report: Report): string {
  if (report.status !== 'checked') return [report.file, STATUS_NAME[report.status]].join(GAP);
  const s = report.summary;
  const parts = [report.file];
  if (report.department) parts.push(report.department);
  parts.push(`总分 ${s.enteredTotal ?? '—'}/${s.recomputedTotal ?? '—'}`);
  parts.push(gradesLine(report));
  const full = isFullyChecked(report);
  if (s.errors + s.warnings + s.infos > 0) parts.push(countsLine(report));
  else if (full) parts.push('未发现问题');
  // "未发现问题" only when every check ran: a gap is said even beside the counts.
  if (!full) parts.push('部分检查未能进行');
  return parts.join(GAP);
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
  const withheld = reports.filter((r) => gradeWithheld(r) !== null).length;
  return (
    `共 ${reports.length} 个文件：已核对 ${by('checked')}，无法读取 ${by('unreadable')}，未识别模板 ${by('unrecognised')}；` +
    `错误 ${errors}，警告 ${warnings}，提示 ${infos}${withheld > 0 ? `；不评等次 ${withheld}` : ''}`
  );
}

/**
 * When the report lists fewer findings than it counts (--quiet lists errors only; a report lists
 * at most FINDINGS_CAP, report/bounded.ts): how many it left out.
 */
export function notListedLine(report: Report): string | null {
  const s = report.summary;
  const left = s.errors + s.warnings + s.infos - report.findings.length;
  if (left <= 0) return null;
  const errorsListed = report.findings.filter((f) => f.severity === 'error').length;
  if (errorsListed < s.errors || report.findings.length >= FINDINGS_CAP) return `另有 ${left} 条问题未列出（每个文件最多列出 ${FINDINGS_CAP} 条）。`;
  return `另有 ${left} 条警告或提示未列出。`;
}

/**
 * `附件3!H5`, or `'附件!3'!H5` when the sheet name holds anything beyond letters, digits and
 * `_`/`.` — quoted as Excel writes it, so a `!` or space in the name cannot be misread.
 */
export function cellRef(sheet: string, cell: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
