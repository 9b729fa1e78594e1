/**
 * The HTML report: one self-contained page (inline CSS, no scripts) with the content of the
 * text report. A batch opens with an overview table, one row per workbook, each linking to its
 * section. It prints: each workbook on a new page, table rows never split, headers repeated.
 * A pure function, so the web page can share it. Every text is escaped.
 */
import type { Finding, Severity } from '../core/finding';
import type { Report } from '../core/report';
import { findingTitle } from '../core/rule-titles';
import { acknowledgedLine, batchLine, cellRef, departmentLine, notListedLine, recomputedGradeText, sheetsLine, STATUS_NAME, summaryLine } from './labels';
import { SEVERITY_FILL, SEVERITY_LABEL } from './severity';
import { coverageLine, isFullyChecked, noFindingsText } from './coverage';


const CSS = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#222;line-height:1.5}
h1{font-size:20px}h2{font-size:16px;margin:0 0 8px;word-break:break-all}
section{border:1px solid #ccc;border-radius:6px;padding:12px 16px;margin:0 0 16px}
.meta{margin:2px 0;color:#444}.summary{font-weight:bold;margin:6px 0}
.status-unreadable,.status-unrecognised{border-color:#c00}.reason{color:#a00}
table{border-collapse:collapse;width:100%;margin-top:8px;font-size:14px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.num{white-space:nowrap}td.count{text-align:right;white-space:nowrap}
${(Object.keys(SEVERITY_FILL) as Severity[]).map((s) => `.sev-${s}{background:${SEVERITY_FILL[s]}}`).join('')}
.explanation{color:#555;font-size:13px}.acknowledged{color:#0b6a0b;font-size:13px}.rule-id{color:#666;font-size:12px}
.overview{margin:0 0 20px}.overview td a{word-break:break-all}.back{font-size:13px;float:right}
@page{size:A4 landscape;margin:12mm}
@media print{
body{margin:0;font-size:12px}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}.back{display:none}
.overview{break-after:page;page-break-after:always}
section{border:none;padding:0;margin:0;break-before:page;page-break-before:always}
h1+section{break-before:auto;page-break-before:auto}
thead{display:table-header-group}tr,.meta,.summary{break-inside:avoid;page-break-inside:avoid}
h2{break-after:avoid;page-break-after:avoid}
}
`.trim();

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The id of the n-th (0-based) workbook's section, the overview's link target. */
export function sectionId(n: number): string {
  return `wb-${n + 1}`;
}

export function renderHtmlReport(reports: readonly Report[]): string {
  return [...htmlReportChunks(reports)].join('');
}

/**
 * The same page in pieces (its head and overview, then one section per workbook, then its end),
 * so a door can write a batch's report without ever holding it in one string.
 */
export function* htmlReportChunks(reports: readonly Report[]): Generator<string> {
  const batch = reports.length > 1;
  const total = batch ? `<p class="summary">${escapeHtml(batchLine(reports))}</p>\n${renderOverview(reports)}\n` : '';
  yield `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>自评表核对结果</title>
<style>${CSS}</style>
</head>
<body>
<h1>自评表核对结果</h1>
${total}`;
  for (let i = 0; i < reports.length; i++) yield `${i > 0 ? '\n' : ''}${renderSection(reports[i]!, i, batch)}`;
  yield `
</body>
</html>
`;
}

/** One row per workbook: what it is, its counts and grades, a link to its section. */
function renderOverview(reports: readonly Report[]): string {
  const head =
    '<tr><th>序号</th><th>文件</th><th>单位</th><th>年度</th><th>错误</th><th>警告</th><th>提示</th><th>已说明</th><th>填报等次</th><th>重算等次</th><th>状态</th></tr>';
  const count = (n: number, checked: boolean, severity: Severity) =>
    `<td class="count${checked && n > 0 ? ` sev-${severity}` : ''}">${checked ? n : '—'}</td>`;
  const rows = reports.map((r, i) => {
    const checked = r.status === 'checked';
    return (
      `<tr><td class="num">${i + 1}</td><td><a href="#${sectionId(i)}">${escapeHtml(r.file)}</a></td>` +
      `<td>${escapeHtml(r.department ?? '')}</td><td class="num">${escapeHtml(r.year ?? '')}</td>` +
      count(r.summary.errors, checked, 'error') +
      count(r.summary.warnings, checked, 'warning') +
      count(r.summary.infos, checked, 'info') +
      `<td class="count">${checked ? (r.summary.acknowledged ?? 0) : '—'}</td>` +
      `<td class="num">${escapeHtml(r.statedGrade ?? '')}</td><td class="num">${escapeHtml(r.status === 'checked' ? recomputedGradeText(r) : '')}</td>` +
      `<td class="num${checked ? '' : ' sev-error'}">${escapeHtml(STATUS_NAME[r.status])}</td></tr>`
    );
  });
  return `<table class="overview" id="overview">\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function renderSection(r: Report, index: number, batch: boolean): string {
  const back = batch ? '<a class="back" href="#overview">↑ 返回概览</a>' : '';
  const parts = [`<section class="status-${r.status}" id="${sectionId(index)}">`, `${back}<h2>${escapeHtml(r.file)}</h2>`];
  parts.push(`<p class="meta">状态：${escapeHtml(STATUS_NAME[r.status])}${r.profile ? `（规则配置 ${escapeHtml(r.profile)}）` : ''}</p>`);
  if (r.status !== 'checked') {
    if (r.error) parts.push(`<p class="reason">原因：${escapeHtml(r.error)}</p>`);
    parts.push('</section>');
    return parts.join('\n');
  }
  const dept = departmentLine(r);
  if (dept) parts.push(`<p class="meta">${escapeHtml(dept)}</p>`);
  parts.push(`<p class="meta">工作表：${escapeHtml(sheetsLine(r))}</p>`);
  parts.push(`<p class="summary">${escapeHtml(summaryLine(r))}</p>`);
  const coverage = coverageLine(r);
  if (coverage) parts.push(`<p class="meta coverage${isFullyChecked(r) ? '' : ' sev-warning'}">${escapeHtml(coverage)}</p>`);
  const notListed = notListedLine(r);
  if (r.findings.length === 0 && !notListed) parts.push(`<p>${escapeHtml(noFindingsText(r))}</p>`);
  if (r.findings.length > 0) parts.push(renderTable(r.findings));
  if (notListed) parts.push(`<p class="meta">${escapeHtml(notListed)}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

function renderTable(findings: readonly Finding[]): string {
  const head = '<tr><th>序号</th><th>严重程度</th><th>单元格</th><th>规则</th><th>填报值</th><th>应为</th><th>说明</th></tr>';
  const rows = findings.map(
    (f, i) =>
      `<tr class="sev-${f.severity}"><td class="num">${i + 1}</td><td class="num">${SEVERITY_LABEL[f.severity]}${f.acknowledged ? '<br>已说明' : ''}</td>` +
      `<td class="num">${escapeHtml(cellRef(f.sheet, f.cell))}</td>` +
      `<td>${escapeHtml(findingTitle(f))}<div class="rule-id">${escapeHtml(f.ruleId)}</div></td>` +
      `<td class="num">${escapeHtml(f.entered ?? '')}</td>` +
      `<td class="num">${escapeHtml(f.expected ?? '')}</td><td>${escapeHtml(f.message)}` +
      (f.explanation ? `<div class="explanation">${escapeHtml(f.explanation)}</div>` : '') +
      (f.acknowledged ? `<div class="acknowledged">${escapeHtml(acknowledgedLine(f)!)}</div>` : '') +
      '</td></tr>',
  );
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
