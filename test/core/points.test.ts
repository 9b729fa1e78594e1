/**
 * The form's points are fixed (RULES.md): no grade for an unfinished form or one whose 分值 do not
 * add up to the points, and 一键重算 never proposes a total above the points nor a score above
 * its row's 分值. On seed 004 made consistent (total 94.99 of 100, graded 优).
 */
import { checkWorkbook } from '../../src/engine';
import { planRecalc } from '../../src/core/recalc-plan';
import type { WorkbookGrid } from '../../src/grid/grid';
import { consistentSeed004 } from '../support/rule-bases';
import { build, set } from './seed004';

function form(edits: ReadonlyArray<readonly [string, number | null]>): WorkbookGrid {
  const layouts = consistentSeed004();
  for (const [cell, v] of edits) set(layouts[1]!, cell, v);
  return build(...layouts);
}
const check = (g: WorkbookGrid) => checkWorkbook(g, { file: 'f.xlsx' });

test('a finished form whose 分值 add up to its 100 points is graded', () => {
  const r = check(form([]));
  expect(r.summary).toMatchObject({ recomputedTotal: '94.99', grade: '优', gradeWithheld: null });
});

describe('a 110-point form: the indicators’ 分值 add to 100 beside the execution row’s 10, 总分 says 100', () => {
  // 全年签约引进项目 分值 10 → 20: 10 + 20 + 10 + 10 + 10 + 20 + 10 + 20 = 110; its score 8.25 stays
  // (the rule gives 20 × 33 ÷ 40 = 16.50); 总分 得分 typed 90.
  const grid = form([
    ['G14', 20],
    ['H21', 90],
  ]);
  const r = check(grid);

  it('gives no grade, and says why', () => {
    expect(r.summary.grade).toBeNull();
    expect(r.summary.gradeWithheld).toBe('分值合计 110 与总分分值 100 不符，不评等次');
    expect(r.summary.recomputedTotal).toBe('103.24'); // 9.90 + 16.50 + 10 + 10 + 10 + 20 + 10 + 16.84, said but not graded
  });

  it('says the 分值 do not add up, and proposes neither a new 总分 分值 nor a new 总分', () => {
    const weight = r.findings.find((f) => f.ruleId === 'selfeval.weight-total')!;
    expect(weight).toMatchObject({ cell: 'G21', entered: '100', expected: '110.00' });
    expect(weight.suggestion).toBeUndefined();
    const total = r.findings.find((f) => f.ruleId === 'selfeval.total-score')!;
    expect(total).toMatchObject({ cell: 'H21', entered: '90', expected: '94.99' });
    expect(total.suggestion).toBeUndefined();
  });

  it('plans 一键重算 without a total above the points or a score above its row’s 分值', () => {
    const plan = planRecalc(grid, r, check);
    expect(plan.map((w) => [w.cell, w.value])).toEqual([['H14', '16.50']]);
    const weights: Record<string, number> = { H14: 20 };
    for (const w of plan) expect(Number(w.value)).toBeLessThanOrEqual(weights[w.cell]!);
    expect(plan.some((w) => w.cell === 'G21' || w.cell === 'H21')).toBe(false);
  });
});

test('a form whose 总分 分值 is 110 and whose rows add up to it: not graded on a 100-point scale', () => {
  const r = check(form([['G14', 20], ['G21', 110]]));
  expect(r.summary.grade).toBeNull();
  expect(r.summary.gradeWithheld).toBe('总分分值为 110，等次按百分制评定，不评等次');
  expect(r.findings.filter((f) => f.ruleId === 'selfeval.weight-total')).toEqual([]);
});

describe('a form with blank scores', () => {
  // 小分队招商 (分值 10) and 满意度 (分值 10) left without a 得分; 总分 94.99 as typed.
  const grid = form([
    ['H15', null],
    ['H19', null],
  ]);
  const r = check(grid);

  it('gives no grade: the form is unfinished', () => {
    expect(r.summary.grade).toBeNull();
    expect(r.summary.gradeWithheld).toBe('得分未填完，不评等次');
  });

  it('proposes the total the entered scores add up to, never above the points', () => {
    const total = r.findings.find((f) => f.ruleId === 'selfeval.total-score')!;
    expect(total).toMatchObject({ cell: 'H21', entered: '94.99', expected: '74.99', suggestion: { value: '74.99', percent: false } });
    for (const w of planRecalc(grid, r, check)) if (w.cell === 'H21') expect(Number(w.value)).toBeLessThanOrEqual(100);
  });
});

test('a score above its 分值 makes no 总分 above the points', () => {
  // 年度进出口总额 得分 20 → 30 (分值 20): Σ 得分 104.99 > 100; 总分 typed 94.99.
  const grid = form([['H18', 30]]);
  const r = check(grid);
  const total = r.findings.find((f) => f.ruleId === 'selfeval.total-score')!;
  expect(total).toMatchObject({ entered: '94.99', expected: '104.99' });
  expect(total.suggestion).toBeUndefined();
  const plan = planRecalc(grid, r, check);
  expect(plan.find((w) => w.cell === 'H18')).toMatchObject({ value: '20.00' });
  for (const w of plan.filter((x) => x.cell === 'H21')) expect(Number(w.value)).toBeLessThanOrEqual(100);
});
