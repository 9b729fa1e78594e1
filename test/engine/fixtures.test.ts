/**
 * The generic fixture driver (after Prettier's and ExcelJS's fixture suites): every workbook
 * in test/fixtures/expected is read through the file door and checked, and the whole list of
 * findings must equal the hand-written expectation in whole — rule, message ID, severity, sheet, cell,
 * entered, expected, message, explanation, inputs and suggestion (the title is the rule's own).
 */
import { mkdtempSync, readFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildFixtures, EXPECTED_DIR, BAD_INPUTS } from '../fixtures/build-fixtures';
import { readWorkbook } from '../../src/host/file/read';
import { checkWorkbook } from '../../src/engine';
import { findRule } from '../../src/core/rules/registry';
import { applyWrites, formulaCells, planRecalc, suggestedWrites } from '../../src/core/recalc-plan';
import type { WorkbookGrid } from '../../src/grid/grid';

const outDir = mkdtempSync(join(tmpdir(), 'selfeval-fixtures-'));
const names = readdirSync(EXPECTED_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

beforeAll(async () => {
  await buildFixtures(outDir);
}, 120_000);

async function read(name: string) {
  const file = join(outDir, name);
  const r = await readWorkbook({ bytes: readFileSync(file), fileName: file });
  if (!r.ok) throw new Error(r.message);
  return r.grid;
}

async function check(name: string) {
  return checkWorkbook(await read(name), { file: name });
}

test.each(names)('%s', async (name) => {
  const expected = JSON.parse(readFileSync(join(EXPECTED_DIR, `${name}.json`), 'utf8'));
  const report = await check(`${name}.xlsx`);
  expect(report.status).toBe('checked');
  expect(report.findings).toEqual(expected.map((f: { ruleId: string }) => ({ ...f, title: findRule(f.ruleId)!.title })));
});

// 一键重算 accepted once must leave a workbook with nothing more to recalculate: the scores
// and, in the same pass, the sums above them (总分, 三公经费 over a corrected 公务用车 subtotal).
test.each(names)('%s: one 一键重算 leaves nothing to recalculate', async (name) => {
  const grid = await read(`${name}.xlsx`);
  const check = (g: WorkbookGrid) => checkWorkbook(g, { file: name });
  const before = check(grid);
  const plan = planRecalc(grid, before, check);
  // Each cell once, said with what the clerk had entered.
  expect(new Set(plan.map((w) => `${w.sheet}!${w.cell}`)).size).toBe(plan.length);
  const after = check(applyWrites(grid, plan));
  const formulas = formulaCells(grid);
  const left = suggestedWrites(after.findings).filter((w) => !formulas.has(`${w.sheet}!${w.cell}`));
  expect(left).toEqual([]);
  if (plan.some((w) => w.ruleId === 'selfeval.execution-score' || w.ruleId === 'selfeval.indicator-score')) {
    // A typed 总分 now holds the total the rules give.
    const totals = after.findings.filter((f) => f.ruleId === 'selfeval.total-score' || f.ruleId === 'selfeval.recomputed-total');
    expect(totals.filter((f) => !formulas.has(`${f.sheet}!${f.cell}`))).toEqual([]);
  }
});

test.each(BAD_INPUTS.map((b) => [b.file, b.status] as const))('%s is reported as %s', async (file, status) => {
  const path = join(outDir, file);
  const read = await readWorkbook({ bytes: readFileSync(path), fileName: path });
  if (!read.ok) {
    expect(status).toBe('unreadable');
    expect(read.message).toContain(file);
    return;
  }
  expect(checkWorkbook(read.grid, { file }).status).toBe(status);
});
