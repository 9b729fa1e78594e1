/**
 * What the engine does beyond any one rule: the summary, sheet and form detection, the
 * department, year and project, unrecognised workbooks, and profiles (the platform profile, the
 * 项目支出 family). Each rule's own situations are its RuleTester table's (test/rules/*.cases.ts),
 * where every finding is pinned in whole.
 */
import { checkWorkbook } from '../../src/engine';
import type { Finding } from '../../src/core/finding';
import { basicSheet, build, selfEvalSheet, set } from '../core/seed004';
import { projectSheet } from '../core/project2020';
import { BASES, consistentSeed004 } from '../support/rule-bases';
import { wholeFinding } from '../support/rule-tester';

function check(layouts = consistentSeed004(), profile?: string) {
  return checkWorkbook(build(...layouts), { file: 'mem.xlsx', ...(profile ? { profile } : {}) });
}

test('seed 004 gives the worked example of docs/rules-domain.md', () => {
  const r = check([basicSheet(), selfEvalSheet()]);
  // The columns of docs/rules-domain.md's worked-example table (cell, entered, what the rule gives, the
  // finding's severity): each finding's message, explanation, inputs and suggestion are pinned by
  // the RuleTester case of the same edit on the consistent twin (execution-score "seed 004 as
  // published", indicator-score's first three invalid cases, missing-reason "a score below 分值
  // without a reason"); here the point is that the published form gives this list, in this order.
  const short = (f: Finding) => [f.ruleId, f.severity, f.cell, f.entered, f.expected];
  expect(r.findings.map(short)).toEqual([
    ['selfeval.execution-score', 'error', 'H5', '9.8', '9.90'],
    ['selfeval.indicator-score', 'warning', 'H14', '8', '8.25'],
    ['selfeval.indicator-score', 'warning', 'H19', '9', '10.00'],
    ['selfeval.missing-reason', 'warning', 'I19', null, null],
    ['selfeval.indicator-score', 'warning', 'H20', '19', '16.84'],
    ['selfeval.recomputed-total', 'info', 'H21', '95.8', '94.99'],
  ]);
  expect(r.summary).toEqual({ errors: 1, warnings: 4, infos: 1, enteredTotal: '95.8', recomputedTotal: '94.99', grade: '优', gradeWithheld: null });
  expect(r.sheets).toEqual({ basic: '附件2', selfEval: '附件3' });
  expect(r.department).toBe('株洲市芦淞区商务局');
  expect(r.year).toBe('2023');
});

test.each(Object.entries(BASES))('the RuleTester base %s passes every rule', (_name, base) => {
  const r = checkWorkbook(base.build(base.layouts()), { file: 'base.xlsx' });
  expect(r.status).toBe('checked');
  expect(r.findings).toEqual([]);
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
  // Which sheet is which is the point; seed 004's findings in whole are the RuleTester's.
  expect(r.findings.map((f) => f.ruleId)).toContain('selfeval.execution-score');
});

test('a row the rules cannot score counts its entered 得分 in the recomputed total, which stays within 100', () => {
  // A negative target is not scored by proportion (selfeval.qualitative's case): 16.84 stands.
  const layouts = consistentSeed004();
  set(layouts[1]!, 'E20', '≤-5');
  set(layouts[1]!, 'F20', -3);
  expect(check(layouts).summary.recomputedTotal).toBe('94.99');
});

describe('the platform profile adds the regional rules of docs/hosts.md', () => {
  const PLATFORM = 'hunan-dept-overall-platform';

  test('指标偏离: 完成值 ≥ 130% of 指标值 loses 2 points', () => {
    const layouts = consistentSeed004();
    set(layouts[1]!, 'F15', 30); // 小分队招商 16 → 30 is 187.5%; 开工率 40% → 66.7% is 166.75% already
    const overshoot = (row: number, name: string, target: string, actual: string) =>
      wholeFinding('selfeval.indicator-score', {
        messageId: 'met',
        severity: 'warning',
        sheet: '附件3',
        cell: `H${row}`,
        entered: '10',
        expected: '8.00', // 10 − 2
        message: `“${name}”已完成指标（完成值 ${actual} 达到指标值 ${target} 的 130% 以上（指标偏离），10 − 2），得分应为 8.00，填报为 10`,
        explanation: `8.00：完成值 ${actual} 达到指标值 ${target} 的 130% 以上（指标偏离），10 − 2`,
        inputs: [`附件3!E${row}`, `附件3!F${row}`, `附件3!G${row}`],
        suggestion: { value: '8.00', percent: false },
      });
    expect(check(layouts, PLATFORM).findings).toEqual([
      overshoot(15, '小分队招商', '16', '30'),
      overshoot(16, '2023年新引进项目开工率', '40%', '66.7%'),
      wholeFinding('selfeval.recomputed-total', {
        messageId: 'recomputed',
        severity: 'info',
        sheet: '附件3',
        cell: 'H21',
        entered: '94.99',
        expected: '90.99', // 94.99 − 2 − 2
        message: '填报总分 94.99；按规则重算各项得分后总分为 90.99',
        explanation: '90.99 = 预算执行得分 + 各指标重算得分（定性指标按填报得分计）',
        inputs: ['附件3!D5', '附件3!E5', '附件3!F5', ...[14, 15, 16, 17, 18, 19, 20].flatMap((r) => [`附件3!E${r}`, `附件3!F${r}`, `附件3!G${r}`, `附件3!H${r}`])],
      }),
    ]);
  });

  test('the default profile leaves it alone', () => {
    const layouts = consistentSeed004();
    set(layouts[1]!, 'F15', 30);
    expect(check(layouts).findings).toEqual([]);
  });

  test('执行率 below 70% caps the recomputed total at 79', () => {
    const layouts = consistentSeed004();
    const self = layouts[1]!;
    set(self, 'E5', 520); // 60.01%
    set(self, 'G5', '60.01%');
    set(self, 'H5', 6);
    set(self, 'H21', 91.09);
    const r = check(layouts, PLATFORM);
    expect(r.summary.recomputedTotal).toBe('79.00');
    expect(r.summary.grade).toBe('中');
  });
});

describe('the 项目支出绩效自评表 family', () => {
  const checkProject = (edit?: (s: ReturnType<typeof projectSheet>) => void) => {
    const sheet = projectSheet();
    edit?.(sheet);
    return checkWorkbook(build(sheet), { file: 'p.xlsx' });
  };

  test('is detected from the form, with its project, 主管部门 and year', () => {
    const r = checkProject();
    expect(r).toMatchObject({ status: 'checked', profile: 'mof-project-2020', project: '商务发展专项资金', department: '株洲市芦淞区商务局', year: '2023' });
    expect(r.findings).toEqual([]);
  });

  test('a level typed again on every row (no merge) is still one level', () => {
    const r = checkProject((s) => {
      s.merges = s.merges.filter((m) => m !== 'B13:B15');
      set(s, 'B14', '产出指标');
      set(s, 'B15', '产出指标');
    });
    expect(r.findings).toEqual([]);
  });

  test("a year in a goal or an indicator is not the form's year", () => {
    const r = checkProject((s) => {
      set(s, 'B11', '完成2022年度绩效评价发现问题的整改');
      set(s, 'D15', '完成时间');
      set(s, 'E15', '12月底前');
      set(s, 'F15', '2023年11月');
    });
    expect(r.year).toBe('2023');
    expect(r.findings).toEqual([]);
  });

  test('the department form is not taken for a project form, and its 成本 level keeps it off the project standard', () => {
    expect(check().profile).toBe('hunan-dept-overall');
    const asked = check(consistentSeed004(), 'mof-project-2020');
    expect(asked.profile).toBe('mof-project-2020');
    expect(asked.findings).toEqual([]);
  });
});
