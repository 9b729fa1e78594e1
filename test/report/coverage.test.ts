/**
 * Coverage in the text and HTML reports (RULES.md, "Any form: read what is there, say what is
 * not"): a form checked in part never reads "未发现问题" bare, and says what stopped which check.
 */
import { checkWorkbook } from '../../src/engine';
import { renderHtmlReport } from '../../src/report/html';
import { renderTextReport } from '../../src/report/text';
import { coverageLine, noFindingsText } from '../../src/report/coverage';
import { fileLine } from '../../src/report/labels';
import { consistentSeed004 } from '../support/rule-bases';
import { build, set } from '../core/seed004';

/** Seed 004 made consistent, with a sheet titled as a form but holding no table (an 附件4 left blank). */
function withBlankAnnex() {
  return build(...consistentSeed004(), { name: '附件4', rows: [['附件4'], ['2023年度项目支出绩效自评表'], ['（此表未填写）']], merges: [] });
}

test('a consistent form whose every check ran: 未发现问题, and the coverage says every check ran', () => {
  const r = checkWorkbook(build(...consistentSeed004()), { file: 'ok.xlsx' });
  expect(r.findings).toEqual([]);
  expect(coverageLine(r)).toBe('核对范围：各项检查均已进行');
  const text = renderTextReport([r]);
  expect(text).toContain('核对范围：各项检查均已进行');
  expect(text).toContain('未发现问题。');
});

test('a sheet that looks like a form but yields no table: named, and no bare 未发现问题 in any report', () => {
  const r = checkWorkbook(withBlankAnnex(), { file: 'annex.xlsx' });
  expect(r.findings).toEqual([]);
  expect(r.status === 'checked' && r.coverage.unreadSheets).toEqual([{ sheet: '附件4', reason: '有标题“2023年度项目支出绩效自评表”，但未找到可核对的表格' }]);
  const line = '核对范围：工作表“附件4”未能读取（有标题“2023年度项目支出绩效自评表”，但未找到可核对的表格）';
  expect(coverageLine(r)).toBe(line);
  expect(noFindingsText(r)).toBe('已进行的检查未发现问题，但部分检查未能进行（见核对范围）。');
  const text = renderTextReport([r]);
  expect(text).toContain(line);
  expect(text).not.toMatch(/^未发现问题/m);
  const html = renderHtmlReport([r]);
  expect(html).toContain(line);
  expect(html).not.toContain('<p>未发现问题。</p>');
  // In a batch a clean file takes one line; one checked in part keeps its block and its closing line says so.
  const batch = renderTextReport([r, checkWorkbook(build(...consistentSeed004()), { file: 'ok.xlsx' })]);
  expect(batch).toContain(line);
  expect(fileLine(r)).toContain('部分检查未能进行');
  expect(fileLine(r)).not.toContain('未发现问题');
});

test('a missing reason column: the part and the check it stops, beside the finding', () => {
  const layouts = consistentSeed004();
  set(layouts[1]!, 'I13', '备注');
  const r = checkWorkbook(build(...layouts), { file: 'noreason.xlsx' });
  expect(r.status === 'checked' && r.coverage.notRun).toEqual([{ check: '偏差原因', missing: '偏差原因列' }]);
  expect(renderTextReport([r])).toContain('核对范围：部分检查未能进行（缺少偏差原因列）');
  expect(renderHtmlReport([r])).toContain('核对范围：部分检查未能进行（缺少偏差原因列）');
});
