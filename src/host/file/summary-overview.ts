/**
 * The summary's 概览 sheet: what a reviewer reports upward about a batch — how many workbooks
 * per grade (recomputed and as stated) and which problems come up most, by rule.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { Severity } from '../../core/finding';
import { parseGrade } from '../../core/grade';
import type { Grade, Report } from '../../core/report';
import { findingTitle } from '../../core/rule-titles';
import { fitRowHeight, HEADER_STYLE, LINE_HEIGHT, setPrintLayout, wrappedLines } from './sheet-layout';

export const OVERVIEW_SHEET_NAME = '概览';

const GRADES: readonly Grade[] = ['优', '良', '中', '差'];
const NO_GRADE = '无等次';
const WITHHELD = '不评等次（未填完或分值不符）';

export interface RuleCount {
  readonly ruleId: string;
  readonly title: string;
  readonly bySeverity: Record<Severity, number>;
  readonly total: number;
  /** Of those, explained by the clerk (已说明). */
  readonly acknowledged: number;
  /** How many workbooks have at least one such finding. */
  readonly files: number;
}

/** Findings per rule across the batch, most frequent first. */
export function countByRule(reports: readonly Report[]): RuleCount[] {
  const counts = new Map<string, { title: string; bySeverity: Record<Severity, number>; total: number; acknowledged: number; files: Set<number> }>();
  reports.forEach((r, i) => {
    for (const f of r.findings) {
      let c = counts.get(f.ruleId);
      if (!c) counts.set(f.ruleId, (c = { title: findingTitle(f), bySeverity: { error: 0, warning: 0, info: 0 }, total: 0, acknowledged: 0, files: new Set() }));
      c.bySeverity[f.severity]++;
      c.total++;
      if (f.acknowledged) c.acknowledged++;
      c.files.add(i);
    }
  });
  return [...counts]
    .map(([ruleId, c]) => ({ ruleId, title: c.title, bySeverity: c.bySeverity, total: c.total, acknowledged: c.acknowledged, files: c.files.size }))
    .sort((a, b) => b.total - a.total || b.files - a.files || (a.ruleId < b.ruleId ? -1 : 1));
}

/** Workbooks per grade: by the recomputed total and as the form states it. */
export function countByGrade(reports: readonly Report[]): { grade: string; recomputed: number; stated: number }[] {
  const stated = (r: Report) => (r.statedGrade === null ? null : parseGrade(r.statedGrade));
  const withheld = (r: Report) => r.summary.grade === null && r.summary.gradeWithheld !== null;
  const rows = [...GRADES, null].map((g) => ({
    grade: g ?? NO_GRADE,
    recomputed: reports.filter((r) => r.summary.grade === g && !withheld(r)).length,
    stated: reports.filter((r) => stated(r) === g).length,
  }));
  // Forms the rules give no grade (unfinished, 分值 not adding up), counted apart (issue 22).
  const apart = reports.filter(withheld).length;
  if (apart > 0) rows.splice(GRADES.length, 0, { grade: WITHHELD, recomputed: apart, stated: 0 });
  return rows;
}

export function addOverviewSheet(workbook: Workbook, reports: readonly Report[]): Worksheet {
  const ws = workbook.addWorksheet(OVERVIEW_SHEET_NAME);
  ws.columns = [{ width: 24 }, { width: 28 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 12 }];
  const title = ws.getCell('A1');
  title.value = '核对概览';
  title.style = { font: { bold: true, size: 14 } };
  // The batch line spans the table's width, wrapped, so it overlaps no cell beside it.
  ws.mergeCells('A2:H2');
  const line = ws.getCell('A2');
  line.value = batchText(reports);
  line.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = wrappedLines(batchText(reports), 24 + 28 + 10 * 5 + 12) * LINE_HEIGHT + 2;

  let row = 4;
  header(ws, row++, ['等次', '按重算等次（文件数）', '按填报等次（文件数）']);
  for (const g of countByGrade(reports)) ws.getRow(row++).values = [g.grade, g.recomputed, g.stated];

  row++;
  header(ws, row++, ['规则名称', '规则编号', '错误', '警告', '提示', '合计', '其中已说明', '涉及文件数']);
  const rules = countByRule(reports);
  for (const c of rules) ws.getRow(row++).values = [c.title, c.ruleId, c.bySeverity.error, c.bySeverity.warning, c.bySeverity.info, c.total, c.acknowledged, c.files];
  if (rules.length === 0) ws.getRow(row).values = ['未发现问题'];
  setPrintLayout(ws, 'portrait', 1, null);
  return ws;
}

function header(ws: Worksheet, row: number, labels: readonly string[]): void {
  const r = ws.getRow(row);
  r.values = [...labels];
  r.eachCell((cell) => {
    cell.style = { ...HEADER_STYLE };
  });
  // Headers wrap within their column (a long one never runs over the next): as tall as that takes.
  fitRowHeight(r, labels.map((_, i) => ws.getColumn(i + 1).width ?? 10), labels.map(() => true));
}

function batchText(reports: readonly Report[]): string {
  const by = (s: Report['status']) => reports.filter((r) => r.status === s).length;
  const sum = (k: 'errors' | 'warnings' | 'infos') => reports.reduce((n, r) => n + r.summary[k], 0);
  return (
    `共 ${reports.length} 个文件：已核对 ${by('checked')}，无法读取 ${by('unreadable')}，未识别模板 ${by('unrecognised')}；` +
    `错误 ${sum('errors')}，警告 ${sum('warnings')}，提示 ${sum('infos')}`
  );
}
