/**
 * The real-forms corpus (issue 20; test/fixtures/corpus-2026.ts): twelve published forms from
 * eight provinces, each in its own layout, and one single-figure mutation of each. The engine's
 * findings are pinned against the hand-written expectations (rule, severity, sheet, cell,
 * entered, expected):
 *
 * * every expectation not listed in KNOWN_MISSES is found, with its figures;
 * * every KNOWN_MISSES entry is still missed — when the engine learns it, this test turns red:
 *   delete the entry (and its line in README.md and /work/reports/w20c.md);
 * * every finding no expectation names is listed in KNOWN_EXTRAS, with why it is disputable — except a
 *   `template.part-missing` on a workbook with known misses: the engine saying what it could not read, which
 *   is right while the reading fails (RULES, "say what is not"); on a workbook read whole it is an extra.
 */
import ExcelJS from 'exceljs';
import { workbookBytes } from '../fixtures/build-fixtures';
import { buildCorpusWorkbook, CORPUS_FORMS, CORPUS_MUTATIONS } from '../fixtures/corpus-2026';
import { CORPUS_EXPECTED, MUTATION_DELTAS } from '../fixtures/corpus-2026-expected';
import type { CaseResult } from '../fixtures/corpus-measure';
import { CORPUS_CASES, keyOf, measureCase } from '../fixtures/corpus-measure';

/**
 * Expectations the engine does not meet yet, by the layout feature that causes each
 * (README.md, "The real-forms corpus": the list with its reasons).
 */
const KNOWN_MISSES: Readonly<Record<string, readonly string[]>> = {};

/** Findings no expectation names, pinned as `rule@cell severity entered→expected`, with why each is disputable. */
const KNOWN_EXTRAS: Readonly<Record<string, readonly string[]>> = {
  // Sichuan's 510000_0013zp form is its own family (预算执行情况(10分) + 绩效指标(90分)), not 财预〔2020〕10号's.
  'corpus-sc-qingshen-2023': ['selfeval.standard-weights@B15 warning 60.00→50.00'],
  'corpus-sc-qingshen-2023-m': ['selfeval.standard-weights@B15 warning 60.00→50.00'],
  // A blank, unscored 执行率 cell reported as wrong (I expected nothing); and `指标1:` with `/` figures, a placeholder.
  'corpus-ah-tianchang-2022': ['selfeval.execution-rate@G6 error null→1.0000', 'selfeval.qualitative@H31 info null→null'],
  'corpus-ah-tianchang-2022-m': ['selfeval.execution-rate@G6 error null→1.0000', 'selfeval.qualitative@H31 info null→null'],
  // Read since the two-row header is (roles): 2019年 → 2020年, a missed deadline, scored by proportion until dates are deadlines.
  'corpus-hb-ezhou-2019b': ['selfeval.indicator-score@H17 warning 10→19.99'],
  'corpus-hb-ezhou-2019b-m': ['selfeval.indicator-score@H17 warning 10→19.99'],
};

/**
 * `template.part-missing` statements on forms read whole, about parts their layout does not have at all: right
 * as coverage ("a form without a reason column cannot get missing-reason: say so"), disputable as warnings.
 */
const KNOWN_SAID: Readonly<Record<string, readonly string[]>> = {
  // 宁德: the indicator table has no 偏差原因 column.
  'corpus-fj-ningde-2018': ['template.part-missing@B15'],
  'corpus-fj-ningde-2018-m': ['template.part-missing@B15'],
  // 科学城: 自评总分 in the head carries no 分值; no reason column.
  'corpus-cq-kexuecheng-2021': ['template.part-missing@H2', 'template.part-missing@B8'],
  'corpus-cq-kexuecheng-2021-m': ['template.part-missing@H2', 'template.part-missing@B8'],
  // 银川: 自评得分 in the head carries no 分值.
  'corpus-nx-yinchuan-2021': ['template.part-missing@E4'],
  'corpus-nx-yinchuan-2021-m': ['template.part-missing@E4'],
};

const results = new Map<string, CaseResult>();

beforeAll(async () => {
  for (const c of CORPUS_CASES) results.set(c.name, await measureCase(c));
}, 240_000);

describe.each(CORPUS_CASES.map((c) => [c.name] as const))('%s', (name) => {
  it('finds every expected finding that is not a known miss, with its figures', () => {
    const r = results.get(name)!;
    const known = new Set(KNOWN_MISSES[name] ?? []);
    const missed = r.missed.map(keyOf).filter((k) => !known.has(k));
    expect(missed).toEqual([]);
    expect(r.valueDiffers.map((d) => `${keyOf(d.want)} ${d.got.entered}→${d.got.expected}`)).toEqual([]);
    for (const want of r.matched) {
      const got = r.findings.find((f) => f.ruleId === want.ruleId && (want.cell === '*' || f.cell === want.cell))!;
      expect([keyOf(want), got.severity]).toEqual([keyOf(want), want.severity]);
    }
  });

  it('still misses exactly its known misses (a fix turns this red: update the lists)', () => {
    const r = results.get(name)!;
    expect(r.missed.map(keyOf).sort()).toEqual([...(KNOWN_MISSES[name] ?? [])].sort());
  });

  it('reports nothing beyond the expectations but its pinned extras', () => {
    const r = results.get(name)!;
    expect(r.extra.map((f) => `${f.ruleId}@${f.cell} ${f.severity} ${f.entered}→${f.expected}`).sort()).toEqual([...(KNOWN_EXTRAS[name] ?? [])].sort());
  });
});

describe('never a silent pass on a real form', () => {
  it.each(CORPUS_CASES.map((c) => [c.name] as const))('%s: a form with a mistake in it is never "checked, nothing wrong, every check ran"', (name) => {
    const r = results.get(name)!;
    const mistaken = r.expected.some((x) => x.severity !== 'info');
    const serious = r.findings.some((f) => f.severity !== 'info');
    expect(r.reading.status === 'checked' && mistaken && !serious && r.coverageComplete === true).toBe(false);
  });

  it.each(CORPUS_CASES.filter((c) => (KNOWN_MISSES[c.name] ?? []).length === 0).map((c) => [c.name] as const))('%s: read whole, it claims no part missing but the ones its layout lacks', (name) => {
    // Every expectation met: the forms the engine reads whole must not claim a part is missing but KNOWN_SAID.
    expect(results.get(name)!.said.map((f) => `${f.ruleId}@${f.cell}`).sort()).toEqual([...(KNOWN_SAID[name] ?? [])].sort());
  });
});

describe('the corpus itself', () => {
  it('has fourteen forms from nine provinces, each with a mutation and an expectation', () => {
    expect(CORPUS_FORMS).toHaveLength(14);
    expect(new Set(CORPUS_FORMS.map((f) => f.province)).size).toBe(9);
    expect(CORPUS_MUTATIONS.map((m) => m.base).sort()).toEqual(CORPUS_FORMS.map((f) => f.name).sort());
    expect(Object.keys(CORPUS_EXPECTED).sort()).toEqual(CORPUS_FORMS.map((f) => f.name).sort());
    expect(Object.keys(MUTATION_DELTAS).sort()).toEqual(CORPUS_MUTATIONS.map((m) => m.name).sort());
  });

  it('gives every mutation a failing case: at least one error or warning more than its form', () => {
    for (const m of CORPUS_MUTATIONS) {
      const added = MUTATION_DELTAS[m.name]!.add.filter((x) => x.severity !== 'info');
      expect([m.name, added.length > 0]).toEqual([m.name, true]);
    }
  });

  it.each(CORPUS_CASES.map((c) => [c.name, c] as const))('%s: every expectation points at the top-left cell of what it names', async (_name, c) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBytes(buildCorpusWorkbook(c.form))) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(c.form.sheet)!;
    for (const want of results.get(c.name)!.expected) {
      if (want.cell === '*') continue;
      const cell = ws.getCell(want.cell);
      const where = `${c.name}!${want.cell} ${want.ruleId}`;
      expect([where, cell.isMerged && cell.master.address !== cell.address]).toEqual([where, false]);
      if (want.entered === null) expect([where, cell.value ?? null]).toEqual([where, null]);
      else if (typeof cell.value === 'number') expect([where, cell.value]).toEqual([where, expect.closeTo(Number(want.entered), 9)]);
    }
  });
});
