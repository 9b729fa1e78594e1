/**
 * What the 一键重算 preview ticks and what it can never write (src/session/recalc-choice.ts),
 * on seed 004 and on variants of it: the 110-point form (indicator 分值 adding up to 100 with the
 * execution row's 10 on top), explained scores, warnings.
 */
import { checkWorkbook } from '../../src/engine';
import { planRecalc } from '../../src/core/recalc-plan';
import type { Finding } from '../../src/core/finding';
import type { Report } from '../../src/core/report';
import type { PlannedWrite } from '../../src/core/recalc-plan';
import type { WorkbookGrid } from '../../src/grid/grid';
import { locateWorkbook } from '../../src/template/locate';
import { blockedReason, openingSkip, openingTicks, planWithinCaps, recalcUnavailable, scoreCaps, tickAllKeys } from '../../src/session/recalc-choice';
import { basicSheet, build, selfEvalSheet, set } from '../core/seed004';

const check = (g: WorkbookGrid) => checkWorkbook(g, { file: 'mem.xlsx' });
const planOver = (g: WorkbookGrid, report: Report) => (skip: ReadonlySet<string>) => planRecalc(g, report, check, skip);

/** Seed 004 with the first indicator's 分值 raised to 20: Σ indicator 分值 100, execution 10 on top. */
function form110(): WorkbookGrid {
  const self = selfEvalSheet();
  set(self, 'G14', 20);
  set(self, 'H14', 18);
  return build(basicSheet(), self);
}

describe('scoreCaps / blockedReason', () => {
  it('caps each score at its row’s 分值, the 总分 at the form’s points, and never writes the 总分’s 分值', () => {
    const caps = scoreCaps(locateWorkbook(build(basicSheet(), selfEvalSheet())));
    expect(caps.get('附件3!H14')?.max?.toString()).toBe('10');
    expect(caps.get('附件3!H18')?.max?.toString()).toBe('20');
    expect(caps.get('附件3!H5')?.max?.toString()).toBe('10'); // the execution row's 分值
    expect(caps.get('附件3!H21')?.max?.toString()).toBe('100');
    expect(caps.get('附件3!G21')?.max).toBeNull();
    const w = (cell: string, value: string) => ({ sheet: '附件3', cell, value, percent: false });
    expect(blockedReason(w('H14', '10.00'), caps)).toBeNull();
    expect(blockedReason(w('H14', '10.01'), caps)).toBe('重算值 10.01 超过分值为 10，不写入');
    expect(blockedReason(w('H21', '110'), caps)).toBe('重算值 110 超过满分 100，不写入');
    expect(blockedReason(w('G21', '100'), caps)).toContain('不由重算改写');
    expect(blockedReason({ sheet: '附件2', cell: 'F4', value: '100', percent: true }, caps)).toBeNull();
  });
});

describe('on the 110-point form', () => {
  const grid = form110();
  const report = check(grid);
  const caps = scoreCaps(locateWorkbook(grid));
  const plan = planOver(grid, report)(new Set());

  it('blocks the 110 an engine without the points rule proposed (G21 110.00, H21 103.24), errors or not', () => {
    const proposed: PlannedWrite[] = [
      { sheet: '附件3', cell: 'H5', ruleId: 'selfeval.execution-score', severity: 'error', entered: '9.8', value: '9.90', percent: false, display: '9.90' },
      { sheet: '附件3', cell: 'G21', ruleId: 'selfeval.weight-total', severity: 'error', entered: '100', value: '110.00', percent: false, display: '110.00' },
      { sheet: '附件3', cell: 'H21', ruleId: 'selfeval.total-score', severity: 'error', entered: '95.8', value: '103.24', percent: false, display: '103.24' },
    ];
    const ticks = openingTicks(proposed, report.findings, caps);
    expect([...ticks].map(([k, t]) => [k, t.ticked, t.blocked])).toEqual([
      ['附件3!H5', true, null],
      ['附件3!G21', false, '总分的分值是本表的满分 100，不由重算改写'],
      ['附件3!H21', false, '重算值 103.24 超过满分 100，不写入'],
    ]);
    expect(tickAllKeys([...ticks].map(([key, t]) => ({ key, blocked: t.blocked })))).toEqual(['附件3!H5']);
  });

  it('no line of the preview that could be written goes above 100 or touches the 总分’s 分值', () => {
    const ticks = openingTicks(plan, report.findings, caps);
    for (const w of plan) {
      const t = ticks.get(`${w.sheet}!${w.cell}`)!;
      if (w.cell === 'G21' || (w.cell === 'H21' && Number(w.value) > 100)) {
        expect(t).toMatchObject({ ticked: false, blocked: expect.any(String) });
      }
    }
    // Whatever is ticked, and after 全部勾选, what is written stays within every cap.
    const rows = plan.map((w) => ({ key: `${w.sheet}!${w.cell}`, blocked: ticks.get(`${w.sheet}!${w.cell}`)!.blocked }));
    const all = new Set(plan.map((w) => `${w.sheet}!${w.cell}`).filter((k) => !tickAllKeys(rows).includes(k)));
    for (const skip of [openingSkip(ticks), all]) {
      const written = planWithinCaps(planOver(grid, report), skip, caps);
      for (const w of written) {
        expect(w.cell).not.toBe('G21');
        expect(blockedReason(w, caps)).toBeNull();
      }
    }
  });
});

describe('openingTicks', () => {
  const grid = build(basicSheet(), selfEvalSheet());
  const report = check(grid);
  const caps = scoreCaps(locateWorkbook(grid));
  const plan = planOver(grid, report)(new Set());

  it('ticks errors, offers warnings unticked', () => {
    const ticks = openingTicks(plan, report.findings, caps);
    expect(plan.map((w) => [w.cell, w.severity, ticks.get(`附件3!${w.cell}`)!.ticked])).toEqual([
      ['H5', 'error', true],
      ['H14', 'warning', false],
      ['H19', 'warning', false],
      ['H20', 'warning', false],
      ['H21', 'error', true],
    ]);
    expect(ticks.get('附件3!H14')!.note).toContain('可能是有意扣分');
  });

  it('never ticks a score the clerk explained (已说明), even an error', () => {
    if (report.status !== 'checked') throw new Error('seed 004 is checked');
    const explained = report.findings.map((f) => (f.cell === 'H5' ? { ...f, acknowledged: { reason: '按实际执行情况扣分' } as Finding['acknowledged'] } : f));
    const ticks = openingTicks(plan, explained, caps);
    expect(ticks.get('附件3!H5')).toEqual({ ticked: false, blocked: null, note: '已说明，保留填报值' });
    expect(openingSkip(ticks)).toContain('附件3!H5');
  });
});

describe('recalcUnavailable', () => {
  it('says why 一键重算 cannot be used', () => {
    expect(recalcUnavailable(null, [])).toContain('请先点“核对”');
    const report = check(build(basicSheet(), selfEvalSheet()));
    expect(recalcUnavailable(report, [])).toBeNull();
    expect(recalcUnavailable(report, ['附件2', '附件3'])).toContain('受保护（附件3）');
    if (report.status !== 'checked') throw new Error('seed 004 is checked');
    expect(recalcUnavailable({ ...report, findings: [] }, [])).toBe('未发现问题，无需重算。');
    expect(recalcUnavailable({ ...report, findings: report.findings.filter((f) => !f.suggestion) }, [])).toContain('没有可以按规则自动重算的单元格');
  });
});
