/** The pure part of painting both adapters share: which marks are new, restored, kept or dropped. */
import { SEVERITY_FILL } from '../../src/report/severity';
import { type MarkEntry, type MarkTarget } from '../../src/host/marks';
import { planPaint, type SheetState } from '../../src/host/snapshot-host';

const target = (sheet: string, cell: string): MarkTarget => ({ sheet, cell, severity: 'error', color: SEVERITY_FILL.error });
const mark = (sheet: string, cell: string, original: string): MarkEntry<string> => ({ sheet, cell, painted: SEVERITY_FILL.error, original });
const states: Record<string, SheetState> = { 附件2: 'writable', 附件3: 'writable', 锁定: 'protected' };
const stateOf = (s: string) => states[s] ?? 'missing';

test('a cell marked before keeps its true original; only new cells are read', () => {
  const read: string[] = [];
  const plan = planPaint([target('附件3', 'H5'), target('附件3', 'H14')], [mark('附件3', 'H5', 'no-fill')], stateOf, (t) => {
    read.push(t.cell);
    return `fill-of-${t.cell}`;
  });
  expect(read).toEqual(['H14']);
  expect(plan.next.map((e) => [e.cell, e.original])).toEqual([
    ['H5', 'no-fill'],
    ['H14', 'fill-of-H14'],
  ]);
  expect(plan.restores).toEqual([]);
  // On record before any write: the old mark and the new cell.
  expect(plan.union.map((e) => e.cell)).toEqual(['H5', 'H14']);
});

test('old marks no finding needs are restored, kept on protected sheets, dropped with vanished sheets', () => {
  const prev = [mark('附件2', 'B6', 'white'), mark('锁定', 'A1', 'yellow'), mark('已删除', 'C3', 'blue')];
  const plan = planPaint([target('锁定', 'A2'), target('不存在', 'A1')], prev, stateOf, () => 'x');
  expect(plan.next).toEqual([]);
  expect(plan.restores.map((e) => `${e.sheet}!${e.cell}`)).toEqual(['附件2!B6']);
  expect(plan.kept.map((e) => `${e.sheet}!${e.cell}`)).toEqual(['锁定!A1']);
  expect(plan.protectedSheets).toEqual(['锁定']);
  expect(plan.missingSheets).toEqual(['不存在']);
});
