/**
 * 一键重算's plan on the published seed-004 form and on chained sums: every cell the chain
 * touches is in the one preview, with the value the clerk had entered.
 */
import { checkWorkbook } from '../../src/engine';
import { applyWrites, cellWrite, planRecalc } from '../../src/core/recalc-plan';
import { recalcLabels } from '../../src/core/recalc-labels';
import type { WorkbookGrid } from '../../src/grid/grid';
import { basicSheet, build, selfEvalSheet, set } from './seed004';

const check = (g: WorkbookGrid) => checkWorkbook(g, { file: 'mem.xlsx' });
const plan = (g: WorkbookGrid) => planRecalc(g, check(g), check).map((w) => [w.cell, w.entered, w.display, w.ruleId]);

test('seed 004: the scores and, in the same plan, the 总分 they add up to', () => {
  expect(plan(build(basicSheet(), selfEvalSheet()))).toEqual([
    ['H5', '9.8', '9.90', 'selfeval.execution-score'],
    ['H14', '8', '8.25', 'selfeval.indicator-score'],
    ['H19', '9', '10.00', 'selfeval.indicator-score'],
    ['H20', '19', '16.84', 'selfeval.indicator-score'],
    // 9.90 + 8.25 + 10 + 10 + 10 + 20 + 10.00 + 16.84: the total the rules give (docs/rules-domain.md: 94.99).
    ['H21', '95.8', '94.99', 'selfeval.total-score'],
  ]);
});

test('a wrong 总分 over wrong scores is planned once, with the sum of the new scores', () => {
  const self = selfEvalSheet();
  set(self, 'H21', 90); // neither Σ entered (95.8) nor Σ recomputed
  const writes = plan(build(basicSheet(), self));
  expect(writes.filter(([cell]) => cell === 'H21')).toEqual([['H21', '90', '94.99', 'selfeval.total-score']]);
});

test('a corrected 公务用车 subtotal carries into the 三公经费 total above it', () => {
  const basic = basicSheet();
  // 2022: 购置 1 + 运行 2 typed under a subtotal of 0, and 三公 = 0 + 0 + 17.33 agrees with it.
  set(basic, 'B8', 1);
  set(basic, 'B9', 2);
  const self = selfEvalSheet();
  for (const [cell, v] of [['H5', 9.9], ['H14', 8.25], ['H19', 10], ['H20', 16.84], ['H21', 94.99]] as const) set(self, cell, v);
  expect(plan(build(basic, self))).toEqual([
    ['B7', '0', '3.00', 'basic.vehicle-sum'],
    ['B6', '17.33', '20.33', 'basic.three-public-sum'],
  ]);
});

test('a 总分 formula that adds up is left to recalculate itself', () => {
  const self = selfEvalSheet();
  set(self, 'H21', { value: 95.8, formula: 'SUM(H5,H14:H20)' });
  const cells = plan(build(basicSheet(), self)).map(([cell]) => cell);
  expect(cells).toEqual(['H5', 'H14', 'H19', 'H20']);
});

test('the plan is written as the hosts write it: % cells take fractions, text cells text', () => {
  expect(cellWrite({ value: '98.99', percent: true }, '0.00%')).toEqual({ kind: 'number', value: 0.9899 });
  expect(cellWrite({ value: '98.99', percent: true }, 'General')).toEqual({ kind: 'text', value: '98.99%' });
  expect(cellWrite({ value: '9.90', percent: false }, '@')).toEqual({ kind: 'text', value: '9.90' });
  expect(cellWrite({ value: '9.90', percent: false }, undefined)).toEqual({ kind: 'number', value: 9.9 });
  const g = build(basicSheet(), selfEvalSheet());
  const out = applyWrites(g, [{ sheet: '附件3', cell: 'H5', ruleId: 'selfeval.execution-score', severity: 'error', entered: '9.8', value: '9.90', percent: false, display: '9.90' }]);
  expect(out.sheets[1]!.rows[4]![7]).toEqual({ value: 9.9 });
  expect(g.sheets[1]!.rows[4]![7]).toMatchObject({ value: 9.8 }); // the input Grid is not modified
});

test('unticked cells are never planned, and the 总分 above them is summed over what they hold', () => {
  const g = build(basicSheet(), selfEvalSheet());
  const subset = planRecalc(g, check(g), check, new Set(['附件3!H14', '附件3!H20'])).map((w) => [w.cell, w.entered, w.display]);
  // 9.90 + 8 (as entered) + 10 + 10 + 10 + 20 + 10.00 + 19 (as entered) = 96.90
  expect(subset).toEqual([
    ['H5', '9.8', '9.90'],
    ['H19', '9', '10.00'],
    ['H21', '95.8', '96.90'],
  ]);
  // The total unticked too: only the scores.
  const noTotal = planRecalc(g, check(g), check, new Set(['附件3!H21'])).map((w) => w.cell);
  expect(noTotal).toEqual(['H5', 'H14', 'H19', 'H20']);
});

test('the preview names cells by the words on the form', () => {
  const basic = basicSheet();
  set(basic, 'B8', 1);
  set(basic, 'B9', 2);
  const g = build(basic, selfEvalSheet());
  const writes = planRecalc(g, check(g), check);
  const labels = recalcLabels(g, writes);
  expect(labels.get('附件2!B7')).toBe('公务用车购置和维护经费（2022年决算数）');
  expect(labels.get('附件2!B6')).toBe('三公经费（2022年决算数）');
  expect(labels.get('附件3!H14')).toBe('全年签约引进项目 得分');
  expect(labels.get('附件3!H5')).toBe('预算执行率 得分');
  expect(labels.get('附件3!H21')).toBe('总分 得分');
});
