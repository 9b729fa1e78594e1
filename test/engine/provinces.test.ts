/**
 * Other provinces' forms (docs/rules-domain.md, "Families seen elsewhere"; docs/families.md §2): the execution
 * row under its other labels, Guizhou's 年初预算数 as the only budget column (T7), and
 * placeholder rows (`指标1：`, `……`) that carry no indicator.
 */
import { checkWorkbook } from '../../src/engine';
import type { Finding } from '../../src/core/finding';
import type { RawValue } from '../../src/grid/grid';
import { sheetFromArray } from '../../src/grid/grid';
import { HUNAN_DEPT_OVERALL } from '../../src/core/profile';

type Short = [ruleId: string, severity: string, cell: string, entered: string | null, expected: string | null];
const short = (f: Finding): Short => [f.ruleId, f.severity, f.cell, f.entered, f.expected];

/** T7 (绥阳县太白镇 2021) as published on top, then an indicator table with two placeholder rows. */
function guizhou(execLabel = '年度资金总额', placeholders: RawValue[][] = []): ReturnType<typeof checkWorkbook> {
  const rows: RawValue[][] = [
    ['部门整体支出绩效自评表'],
    ['（2021年度）'],
    ['资金来源', '年初预算数(A)', '全年执行数(B)', '分值(10分)', '得分', '得分计算方法'],
    [execLabel, 1172.55, 1268.72, 10, 10, '执行率*该指标分值,最高不得超过分值上限。'],
    ['基本支出', 985.19, 914.97, 10, 10, null],
    ['项目支出', 187.36, 353.75, 10, 10, null],
    ['一级指标', '二级指标', '三级指标', '年度指标值(A)', '全年实际值(B)', '分值', '得分', '偏差原因分析及改进措施'],
    ['产出指标(60分)', '数量指标', '办理事项数', 200, 230, 30, 30, null],
    [null, '质量指标', '办结率', '95%', '98%', 30, 30, null],
    ...placeholders,
    ['效益指标(30分)', '社会效益', '群众满意度', '90%', '96%', 30, 30, null],
    ['总分', null, null, null, null, 100, 100, null],
  ];
  return checkWorkbook({ sheets: [sheetFromArray('自评表', rows, [])] }, { file: 'guizhou.xlsx' });
}

// 执行率 = 1268.72 ÷ 1172.55 (年初预算数, the form's only budget column) = 108.20% → overspend
// (warning at 全年执行数 C4), 得分 capped at 分值 10 ✔. The sub-rows' own 分值 10 are not added in:
// 10 + 30 + 30 + 30 = 100 ✔, 10 + 90 = 100 ✔.
const T7_FINDINGS: Short[] = [['selfeval.execution-overspend', 'warning', 'C4', '1268.72', '1172.55']];

test('Guizhou T7: the execution rate is on 年初预算数 where the form has no 全年预算数', () => {
  const r = guizhou();
  expect(r.status).toBe('checked');
  expect(r.findings.map(short)).toEqual(T7_FINDINGS);
  expect(r.summary.recomputedTotal).toBe('100.00');
});

test.each(['资金总额', '总额', '项目资金总额', '年度资金总额（万元）'])('the execution row labelled %s is found', (label) => {
  expect(guizhou(label).findings.map(short)).toEqual(T7_FINDINGS);
});

test('placeholder rows (指标1：, ……, 指标2, blank names) are not indicators', () => {
  const r = guizhou('年度资金总额', [
    [null, null, '指标1：', null, null, null, null, null],
    [null, null, '……', null, null, null, null, null],
    [null, '时效指标', '指标2', null, null, null, null, null],
    [null, null, '', null, null, 0, null, null],
  ]);
  expect(r.findings.map(short)).toEqual(T7_FINDINGS);
});

test('a placeholder-named row that is scored is still an indicator (and must add up)', () => {
  const r = guizhou('年度资金总额', [[null, null, '指标1：', 10, 10, 5, 5, null]]);
  expect(r.findings.map(short)).toEqual([
    ...T7_FINDINGS,
    ['selfeval.level-weight', 'error', 'A8', '60', '65.00'], // 30 + 30 + 5
    ['selfeval.weight-total', 'error', 'F12', '100', '105.00'],
    ['selfeval.total-score', 'error', 'G12', '100', '105.00'],
  ]);
});

test('a label that merely ends in 总额 (年度进出口总额) is an indicator, not the execution row', () => {
  const r = guizhou('年度资金总额', [[null, '经济效益', '年度进出口总额', '9亿元', '10亿元', 0, 0, null]]);
  expect(r.findings.map(short)).toEqual(T7_FINDINGS);
});

test('the execution base is a profile option: 年初预算数 even where the form has 全年预算数', () => {
  // Seed-004-like figures: 年初 800.00, 全年 866.48, 执行 857.71, 分值 10, 得分 9.9 (on 全年: 98.99%).
  const rows: RawValue[][] = [
    ['部门整体支出绩效自评表'],
    ['项目资金', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', 800, 866.48, 857.71, 10, '98.99%', 9.9],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['产出指标', '数量指标', '办理事项数', 200, 230, 90, 90, null],
    ['总分', null, null, null, null, 100, 99.9, null],
  ];
  const grid = { sheets: [sheetFromArray('自评表', rows, [])] };
  expect(checkWorkbook(grid, { file: 'm' }).findings.map(short)).toEqual([]);
  const initial = { ...HUNAN_DEPT_OVERALL, id: 'initial-base', executionBase: 'initial' as const };
  // 857.71 ÷ 800 = 107.21%: over its base (warning), the rate cell is wrong, the score capped at 10.
  expect(checkWorkbook(grid, { file: 'm', profile: initial }).findings.map(short)).toEqual([
    ['selfeval.execution-overspend', 'warning', 'D3', '857.71', '800.00'],
    ['selfeval.execution-rate', 'error', 'F3', '0.9899', '1.0721'],
    ['selfeval.execution-score', 'error', 'G3', '9.9', '10.00'],
    ['selfeval.recomputed-total', 'info', 'G6', '99.9', '100.00'], // 10 + 90
  ]);
});

test("a bureau's label synonyms find a form whose headers the built-in ones miss", () => {
  // `资金合计` for the execution row, `核定预算`/`实际支出` for the budget columns, `标准分`/`评分` for 分值/得分.
  const rows: RawValue[][] = [
    ['部门整体支出绩效自评表'],
    ['项目资金', '年初预算数', '核定预算', '实际支出', '标准分', '执行率', '评分'],
    ['资金合计', 800, 866.48, 857.71, 10, '98.99%', 9.8],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '标准分', '评分', '偏差原因分析及改进措施'],
    ['产出指标', '数量指标', '办理事项数', 200, 230, 90, 90, null],
    ['总分', null, null, null, null, 100, 99.8, null],
  ];
  const grid = { sheets: [sheetFromArray('自评表', rows, [])] };
  // Built-in labels only: no execution row, no indicator table (标准分 reads as a 分值, 评分 as nothing: no 得分 column) — said, never a silent pass.
  const builtIn = checkWorkbook(grid, { file: 'm' });
  expect(builtIn.findings.map((f) => [f.ruleId, f.cell, f.message])).toEqual([
    ['template.part-missing', 'A1', '未找到年度资金总额行，未能核对：执行率及得分'],
    ['template.part-missing', 'A4', '未找到得分列，未能核对：指标得分、得分范围、分值合计、总分、偏差原因'],
  ]);
  expect(builtIn.status === 'checked' && builtIn.coverage.ran).toEqual([]);
  const bureau = { ...HUNAN_DEPT_OVERALL, id: 'bureau', labels: { executionRow: ['资金合计'], budget: ['核定预算'], actual: ['实际支出'], weight: ['标准分（分）'], score: ['评分'] } };
  // 10 × 857.71 ÷ 866.48 = 9.90, entered 9.8; 总分 99.8 = 9.8 + 90 adds up, the rules give 99.90.
  expect(checkWorkbook(grid, { file: 'm', profile: bureau }).findings.map(short)).toEqual([
    ['selfeval.execution-score', 'error', 'G3', '9.8', '9.90'],
    ['selfeval.recomputed-total', 'info', 'G6', '99.8', '99.90'],
  ]);
});
