/** `Report` is a union: a checked report names at least one table, a failed one none (and has an error). */
import { checkedSheets, failedReport, type CheckedReport, type Report } from '../../src/core/report';
import { checkWorkbook } from '../../src/engine';
import { seed004 } from './seed004';

test('a checked report has the sheets of its tables', () => {
  const r: Report = checkWorkbook(seed004(), { file: 'mem.xlsx' });
  expect(r.status).toBe('checked');
  if (r.status === 'checked') expect(r.sheets.selfEval ?? r.sheets.basic ?? r.sheets.scoreTable).toBe('附件3');
});

test('sheets are those of the tables found, or none at all', () => {
  expect(checkedSheets({ basic: '附件2', selfEval: null, scoreTable: null })).toEqual({ basic: '附件2', selfEval: null });
  expect(checkedSheets({ basic: null, selfEval: null, scoreTable: '指标评分表' })).toEqual({ basic: null, selfEval: null, scoreTable: '指标评分表' });
  expect(checkedSheets({ basic: null, selfEval: null, scoreTable: null })).toBeNull();
});

test('the types refuse a checked report without tables and a failed one with them', () => {
  const failed = failedReport('x.xlsx', 'unrecognised', '未识别');
  // @ts-expect-error a checked report must name at least one table's sheet
  const noTables: CheckedReport = { ...failed, status: 'checked', profile: 'hunan-dept-overall', error: null };
  // @ts-expect-error a failed report has no tables
  const failedWithTables: Report = { ...failed, sheets: { basic: '附件2', selfEval: null } };
  expect([noTables.status, failedWithTables.status]).toEqual(['checked', 'unrecognised']);
});
