/**
 * Table-driven rule tests on tiny in-code sheets (after HyperFormula and ESLint's RuleTester):
 * each case breaks one thing in seed 004 or in its consistent twin, and lists every finding.
 */
import { checkWorkbook } from '../../src/engine';
import type { Finding } from '../../src/core/finding';
import type { Cell, RawValue } from '../../src/grid/grid';
import { basicSheet, build, selfEvalSheet, set } from '../core/seed004';
import { projectSheet } from '../core/project2020';

type Short = [ruleId: string, severity: string, cell: string, entered: string | null, expected: string | null];
const short = (f: Finding): Short => [f.ruleId, f.severity, f.cell, f.entered, f.expected];

/** Seed 004 with the clerk's mistakes corrected: every rule passes. */
function consistent() {
  const basic = basicSheet();
  const self = selfEvalSheet();
  set(self, 'H5', 9.9);
  set(self, 'H14', 8.25);
  set(self, 'H19', 10);
  set(self, 'H20', 16.84);
  set(self, 'H21', 94.99);
  return { basic, self };
}

function check(basic = basicSheet(), self = selfEvalSheet()) {
  return checkWorkbook(build(basic, self), { file: 'mem.xlsx' });
}

test('seed 004 gives the worked example of RULES.md', () => {
  const r = check();
  expect(r.findings.map(short)).toEqual([
    ['selfeval.execution-score', 'error', 'H5', '9.8', '9.90'],
    ['selfeval.indicator-score', 'warning', 'H14', '8', '8.25'],
    ['selfeval.indicator-score', 'warning', 'H19', '9', '10.00'],
    ['selfeval.missing-reason', 'warning', 'I19', null, null],
    ['selfeval.indicator-score', 'warning', 'H20', '19', '16.84'],
    ['selfeval.recomputed-total', 'info', 'H21', '95.8', '94.99'],
  ]);
  expect(r.summary).toEqual({ errors: 1, warnings: 4, infos: 1, enteredTotal: '95.8', recomputedTotal: '94.99', grade: '优' });
  expect(r.sheets).toEqual({ basic: '附件2', selfEval: '附件3' });
  expect(r.department).toBe('株洲市芦淞区商务局');
  expect(r.year).toBe('2023');
  const exec = r.findings[0]!;
  expect(exec.message).toBe('执行率得分应为 9.90（10 × 98.99%），填报为 9.8');
  expect(exec.explanation).toBe('9.90 = 10 × 857.71 ÷ 866.48');
  expect(exec.inputs).toEqual(['附件3!D5', '附件3!E5', '附件3!F5']);
  expect(exec.suggestion).toEqual({ value: '9.90', percent: false });
});

test('the consistent twin has no findings', () => {
  const { basic, self } = consistent();
  expect(check(basic, self).findings.map(short)).toEqual([]);
});

type Edit = [sheet: 'basic' | 'self', address: string, value: RawValue | Cell];
const cases: Array<[name: string, edits: Edit[], expected: Short[]]> = [
  ['staff control rate typed wrong', [['basic', 'F4', '90%']], [['basic.staff-control-rate', 'error', 'F4', '0.90', '1.0000']]],
  [
    'over quota',
    [['basic', 'D4', 15], ['basic', 'F4', '107.14%']],
    [['basic.staff-over-quota', 'warning', 'D4', '15', '14.00']],
  ],
  ['blank 编制数: rate not computable', [['basic', 'B4', null]], [['basic.staff-control-rate', 'info', 'F4', '1.00', null]]],
  ['三公经费 does not add up', [['basic', 'F6', 8]], [['basic.three-public-overspend', 'warning', 'F6', '8', '7.86'], ['basic.three-public-sum', 'error', 'F6', '8', '7.86']]],
  ['vehicle sum', [['basic', 'B7', 1]], [['basic.three-public-sum', 'error', 'B6', '17.33', '18.33'], ['basic.vehicle-sum', 'error', 'B7', '1', '0.00']]],
  ['project sum', [['basic', 'B12', 200]], [['basic.project-sum', 'error', 'B12', '200', '231.78']]],
  ['public parts exceed', [['basic', 'F17', 30]], [['basic.public-parts-exceed', 'error', 'F16', '21.32', '30.00']]],
  ['三公 overspend', [['basic', 'F11', 9], ['basic', 'F6', 9]], [['basic.three-public-overspend', 'warning', 'F6', '9', '7.86'], ['basic.three-public-overspend', 'warning', 'F11', '9', '7.86']]],
  ['parts with more decimals add up at the total\'s own decimals', [['basic', 'F11', 7.855]], []],
  [
    'a breakdown total off its parts by rounding must still match 全年预算数',
    [['self', 'B6', '按收入性质分：866.50'], ['self', 'B7', '其中：一般公共预算：500.00'], ['self', 'B10', '其他资金：366.49']],
    [['selfeval.funds-breakdown', 'error', 'B6', '866.50', '866.48'], ['value.rounding', 'info', 'B6', '866.50', '866.49']],
  ],
  ['rounding difference is info', [['basic', 'B6', 17.34]], [['value.rounding', 'info', 'B6', '17.34', '17.33']]],
  ['execution rate wrong', [['self', 'G5', '97.5%']], [['selfeval.execution-rate', 'error', 'G5', '0.975', '0.9899']]],
  [
    'execution overspend is capped',
    [['self', 'E5', 900], ['self', 'G5', '103.87%'], ['self', 'H5', 10], ['self', 'H21', 95.09]],
    [['selfeval.execution-overspend', 'warning', 'E5', '900', '866.48']],
  ],
  ['funds breakdown', [['self', 'E8', '项目支出：500.00']], [['selfeval.funds-breakdown', 'error', 'E6', '866.48', '811.22']]],
  ['breakdown total differs from 全年预算数', [['self', 'B6', '按收入性质分：800'], ['self', 'B7', '其中：一般公共预算：800']], [['selfeval.funds-breakdown', 'error', 'B6', '800', '866.48']]],
  ['score above 分值', [['self', 'H15', 12], ['self', 'H21', 96.99]], [['selfeval.score-bounds', 'error', 'H15', '12', '10.00'], ['selfeval.recomputed-total', 'info', 'H21', '96.99', '94.99']]],
  ['level weight', [['self', 'B14', '产出指标(45分)']], [['selfeval.level-weight', 'error', 'B14', '45', '40.00']]],
  ['weight total', [['self', 'G21', 90]], [['selfeval.weight-total', 'error', 'G21', '90', '100.00']]],
  ['total score', [['self', 'H21', 96]], [['selfeval.total-score', 'error', 'H21', '96', '94.99']]],
  ['qualitative indicator', [['self', 'E17', '较好'], ['self', 'F17', '好']], [['selfeval.qualitative', 'info', 'H17', '10', null]]],
  ['deadline met in time scores full marks', [['self', 'E17', '12月底前'], ['self', 'F17', '11月']], []],
  ['on-time target met', [['self', 'E17', '按时'], ['self', 'F17', '按时完成']], []],
  ['deadline missed is left to judgment', [['self', 'E17', '6月底前'], ['self', 'F17', '2023年8月'], ['self', 'H17', 8], ['self', 'I17', '受疫情影响延期'], ['self', 'H21', 92.99]], [['selfeval.qualitative', 'info', 'H17', '8', null]]],
  ['a deadline passed into the next year is late', [['self', 'E17', '12月底前'], ['self', 'F17', '2024年1月']], [['selfeval.qualitative', 'info', 'H17', '10', null]]],
  ['a duration named as a time is a time limit, whatever its 二级指标', [['self', 'C17', '质量指标'], ['self', 'E17', '1年'], ['self', 'F17', '0.5年']], []],
  ['a time that is an amount (培训时间 40小时) is scored by proportion', [['self', 'D16', '培训时间'], ['self', 'E16', '40小时'], ['self', 'F16', '32小时']], [['selfeval.indicator-score', 'warning', 'H16', '10', '8.00'], ['selfeval.missing-reason', 'warning', 'I16', null, null], ['selfeval.recomputed-total', 'info', 'H21', '94.99', '92.99']]],
  // RULES.md, deviation reason: an unmet target scored in full still needs its cause.
  ['an unmet target scored in full needs a reason', [['self', 'F15', 12]], [['selfeval.indicator-score', 'warning', 'H15', '10', '7.50'], ['selfeval.missing-reason', 'warning', 'I15', null, null], ['selfeval.recomputed-total', 'info', 'H21', '94.99', '92.49']]],
  // The blank-cell policy (README): a blank cell a rule computes is reported with the rule's figure, never read as 0.
  ['a blank 执行率 is reported with the rate', [['self', 'G5', null]], [['selfeval.execution-rate', 'error', 'G5', null, '0.9899']]],
  // 9.90 expected at H5; 总分 94.99 is then 9.90 more than the entered parts (85.09).
  ['a blank execution 得分 is reported with the score, and counts 0 in 总分', [['self', 'H5', null]], [['selfeval.execution-score', 'error', 'H5', null, '9.90'], ['selfeval.total-score', 'error', 'H21', '94.99', '85.09']]],
  ['a blank indicator 得分 is reported with the score', [['self', 'H15', null], ['self', 'H21', 84.99]], [['selfeval.indicator-score', 'warning', 'H15', null, '10.00'], ['selfeval.recomputed-total', 'info', 'H21', '84.99', '94.99']]],
  ['个工作日 is always a time limit', [['self', 'E16', '10个工作日'], ['self', 'F16', '5个工作日']], []],
  [
    'training hours stay an amount',
    [['self', 'D16', '培训时长'], ['self', 'E16', '40小时'], ['self', 'F16', '30小时']],
    // 30 of 40 hours is a deviation from the target: its reason is required too.
    [['selfeval.indicator-score', 'warning', 'H16', '10', '7.50'], ['selfeval.missing-reason', 'warning', 'I16', null, null], ['selfeval.recomputed-total', 'info', 'H21', '94.99', '92.49']],
  ],
  ['negative figures are not scored by proportion', [['self', 'E14', -5], ['self', 'F14', -10]], [['selfeval.qualitative', 'info', 'H14', '8.25', null]]],
  ['`90%以上` is a target of at least 90%', [['self', 'E19', '90%以上']], []],
  ['a unit shown by the number format counts', [['self', 'F18', { value: 10.09, numFmt: '0.00"亿元"' }]], []],
  ['unit mismatch', [['self', 'F18', '100900万元']], [['selfeval.unit-mismatch', 'info', 'F18', '100900', null]]],
  ['#DIV/0! where a figure is needed', [['self', 'G5', { error: '#DIV/0!' }]], [['value.unparsed', 'error', 'G5', '#DIV/0!', null]]],
  ['text where a figure is needed', [['self', 'G14', '十分']], [['value.unparsed', 'error', 'G14', '十分', null]]],
];

test.each(cases)('%s', (_name, edits, expected) => {
  const { basic, self } = consistent();
  for (const [sheet, address, value] of edits) set(sheet === 'basic' ? basic : self, address, value);
  expect(check(basic, self).findings.map(short)).toEqual(expected);
});

test('a rate suggestion is in % units, as a host writes it', () => {
  const { basic, self } = consistent();
  set(self, 'G5', '97.5%');
  const f = check(basic, self).findings[0]!;
  expect(f.expected).toBe('0.9899');
  expect(f.suggestion).toEqual({ value: '98.99', percent: true });
});

test('a stated grade must match the total', () => {
  const { basic, self } = consistent();
  set(self, 'A22', '评价等次');
  set(self, 'B22', '良');
  expect(check(basic, self).findings.map(short)).toEqual([['selfeval.grade', 'error', 'B22', '良', '优']]);
});

test('a stated grade is judged on the total as shown', () => {
  const { basic, self } = consistent();
  set(self, 'A22', '评价等次');
  set(self, 'B22', '优');
  set(self, 'H21', { value: 89.999, numFmt: '0.00' }); // shows 90.00
  expect(check(basic, self).findings.filter((f) => f.ruleId === 'selfeval.grade')).toEqual([]);
  set(self, 'H21', 89.999); // General: shows 89.999
  expect(check(basic, self).findings.filter((f) => f.ruleId === 'selfeval.grade').map(short)).toEqual([['selfeval.grade', 'error', 'B22', '优', '良']]);
});

test('a workbook with neither sheet is unrecognised and says which anchors are missing', () => {
  const r = checkWorkbook(build({ name: 'Sheet1', rows: [['姓名', '年龄'], ['张三', 30]], merges: [] }), { file: 'other.xlsx' });
  expect(r.status).toBe('unrecognised');
  expect(r.error).toContain('年度资金总额');
  expect(r.missingAnchors.length).toBeGreaterThan(0);
});

test('sheets are found by content, whatever their names and order', () => {
  const r = checkWorkbook(build(selfEvalSheet('Sheet1'), basicSheet('基础数据')), { file: 'x.xlsx' });
  expect(r.sheets).toEqual({ basic: '基础数据', selfEval: 'Sheet1' });
  expect(r.findings.map((f) => f.ruleId)).toContain('selfeval.execution-score');
});

describe('the platform profile adds the regional rules of HOSTS.md', () => {
  const platform = (basic = basicSheet(), self = selfEvalSheet()) => checkWorkbook(build(basic, self), { file: 'mem.xlsx', profile: 'hunan-dept-overall-platform' });

  test('指标偏离: 完成值 ≥ 130% of 指标值 loses 2 points', () => {
    const { basic, self } = consistent();
    set(self, 'F15', 30); // 小分队招商 16 → 30 is 187.5%; 开工率 40% → 66.7% is 166.75% already
    expect(platform(basic, self).findings.map(short)).toEqual([
      ['selfeval.indicator-score', 'warning', 'H15', '10', '8.00'],
      ['selfeval.indicator-score', 'warning', 'H16', '10', '8.00'],
      ['selfeval.recomputed-total', 'info', 'H21', '94.99', '90.99'],
    ]);
  });

  test('the default profile leaves it alone', () => {
    const { basic, self } = consistent();
    set(self, 'F15', 30);
    expect(check(basic, self).findings).toEqual([]);
  });

  test('执行率 below 70% caps the recomputed total at 79', () => {
    const { basic, self } = consistent();
    set(self, 'E5', 520); // 60.01%
    set(self, 'G5', '60.01%');
    set(self, 'H5', 6);
    set(self, 'H21', 91.09);
    const r = platform(basic, self);
    expect(r.summary.recomputedTotal).toBe('79.00');
    expect(r.summary.grade).toBe('中');
  });
});

test('a proportional score never leaves 0…分值, and a negative target says why it is not scored', () => {
  const { basic, self } = consistent();
  set(self, 'E20', '≤-5');
  set(self, 'F20', -3);
  const r = check(basic, self);
  expect(r.findings.map(short)).toEqual([['selfeval.qualitative', 'info', 'H20', '16.84', null]]);
  expect(r.findings[0]!.message).toContain('负数');
  expect(Number(r.summary.recomputedTotal)).toBeLessThanOrEqual(100);
});

test('年度资金总额 = Σ its 其中 rows, per column, also when labelled `其中：当年财政拨款`', () => {
  const { basic, self } = consistent();
  // Rows 6–8 become the 其中 rows of the template variant that lists funds by source.
  self.merges = self.merges.filter((m) => !/^[BE][678]:/.test(m));
  self.rows[5] = [undefined, '其中：当年财政拨款', 200, 800, 800];
  self.rows[6] = [undefined, '上年结转资金', 62.07, 66.48, 57.71];
  self.rows[7] = [undefined, '其他资金：', 0, 10, 0];
  self.rows[8] = [];
  self.rows[9] = [];
  const r = check(basic, self);
  expect(r.findings.map(short)).toEqual([['selfeval.funds-breakdown', 'error', 'D5', '866.48', '876.48']]);
  expect(r.findings[0]!.explanation).toBe('876.48 = 800 + 66.48 + 10');
});

describe('the 项目支出绩效自评表 family', () => {
  const checkProject = (edit?: (s: ReturnType<typeof projectSheet>) => void, profile?: string) => {
    const sheet = projectSheet();
    edit?.(sheet);
    return checkWorkbook(build(sheet), { file: 'p.xlsx', ...(profile ? { profile } : {}) });
  };

  test('is detected from the form, with its project, 主管部门 and year', () => {
    const r = checkProject();
    expect(r).toMatchObject({ status: 'checked', profile: 'mof-project-2020', project: '商务发展专项资金', department: '株洲市芦淞区商务局', year: '2023' });
    expect(r.findings).toEqual([]);
  });

  test('warns when 预算执行率 is not worth the standard 10', () => {
    const r = checkProject((s) => {
      set(s, 'F6', 20);
      set(s, 'H6', 19);
      set(s, 'G13', 10);
      set(s, 'H13', 10);
      set(s, 'H18', 99);
    });
    expect(r.findings.map(short)).toEqual([
      ['selfeval.standard-weights', 'warning', 'F6', '20', '10.00'],
      ['selfeval.standard-weights', 'warning', 'B13', '40.00', '50.00'],
    ]);
  });

  test('a level typed again on every row (no merge) is still one level', () => {
    const r = checkProject((s) => {
      s.merges = s.merges.filter((m) => m !== 'B13:B15');
      set(s, 'B14', '产出指标');
      set(s, 'B15', '产出指标');
    });
    expect(r.findings).toEqual([]);
  });

  test('a year in a goal or an indicator is not the form\'s year', () => {
    const r = checkProject((s) => {
      set(s, 'B11', '完成2022年度绩效评价发现问题的整改');
      set(s, 'D15', '完成时间');
      set(s, 'E15', '12月底前');
      set(s, 'F15', '2023年11月');
    });
    expect(r.year).toBe('2023');
    expect(r.findings).toEqual([]);
  });

  test('a wrong 年度资金总额 is shown, never rewritten by 一键重算 (a part may be the wrong figure)', () => {
    const r = checkProject((s) => set(s, 'D7', 120));
    const f = r.findings.find((x) => x.ruleId === 'selfeval.funds-breakdown')!;
    expect([f.cell, f.entered, f.expected]).toEqual(['D6', '120', '130.00']);
    expect(f.suggestion).toBeUndefined();
  });

  test('leaves a table with other 一级指标 (成本 as a level of its own) to its own scheme', () => {
    const r = checkProject((s) => {
      set(s, 'B16', '成本指标');
      set(s, 'C16', '经济成本指标');
    });
    expect(r.findings.filter((f) => f.ruleId === 'selfeval.standard-weights')).toEqual([]);
  });

  test('the department form is not taken for a project form, and its 成本 level keeps it off the project standard', () => {
    const { basic, self } = consistent();
    expect(check(basic, self).profile).toBe('hunan-dept-overall');
    const asked = checkWorkbook(build(basic, self), { file: 'x.xlsx', profile: 'mof-project-2020' });
    expect(asked.profile).toBe('mof-project-2020');
    expect(asked.findings).toEqual([]);
  });
});
