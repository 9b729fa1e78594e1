/** Pure helpers of the pane and page: percentages, grouping, batch sorting, cell text. */
import type { Finding } from '../../src/core/finding';
import { failedReport, type Report } from '../../src/core/report';
import { displayValue, fractionToPercent, shortRef } from '../../src/taskpane/format';
import { groupFindings } from '../../src/taskpane/components/FindingList';
import { filterEntries, sortEntries } from '../../src/web/components/BatchView';
import type { FileEntry } from '../../src/web/useWebChecker';
import { cellText, formatNumber } from '../../src/web/cellText';
import { downloadName } from '../../src/web/save';

function finding(p: Partial<Finding>): Finding {
  return {
    ruleId: 'selfeval.indicator-score',
    messageId: 'proportional',
    title: '指标得分',
    severity: 'warning',
    sheet: '附件3',
    cell: 'H5',
    entered: '1',
    expected: '2',
    message: 'm',
    explanation: 'e',
    inputs: [],
    ...p,
  };
}

describe('fractionToPercent / displayValue', () => {
  it.each([
    ['0.9899', '98.99%'],
    ['1.00', '100%'],
    ['1', '100%'],
    ['0.5', '50%'],
    ['0.123456', '12.3456%'],
    ['-0.05', '-5%'],
    ['1.1', '110%'],
  ])('%s → %s', (v, want) => expect(fractionToPercent(v)).toBe(want));

  it('leaves text and blanks alone', () => {
    expect(displayValue('#DIV/0!', true)).toBe('#DIV/0!');
    expect(displayValue(null, true)).toBeNull();
    expect(displayValue('9.8', false)).toBe('9.8');
  });

  it('shortens refs on the same sheet', () => {
    expect(shortRef('附件3!D5', '附件3')).toBe('D5');
    expect(shortRef('附件2!D5', '附件3')).toBe('附件2!D5');
    expect(shortRef("'My Sheet'!A1", 'My Sheet')).toBe('A1');
  });
});

describe('groupFindings', () => {
  it('groups by sheet in workbook order, then errors, warnings, infos', () => {
    const groups = groupFindings(
      [
        finding({ sheet: '附件3', severity: 'info', cell: 'A1' }),
        finding({ sheet: '附件2', severity: 'warning', cell: 'B2' }),
        finding({ sheet: '附件3', severity: 'error', cell: 'C3' }),
        finding({ sheet: '别的', severity: 'error', cell: 'D4' }),
      ],
      ['附件2', '附件3'],
    );
    expect(groups.map((g) => [g.sheet, g.bySeverity.map((b) => b.severity)])).toEqual([
      ['附件2', ['warning']],
      ['附件3', ['error', 'info']],
      ['别的', ['error']],
    ]);
  });
});

describe('sortEntries', () => {
  function entry(name: string, report: Report | null, status: FileEntry['status'] = report?.status ?? 'queued'): FileEntry {
    return { key: name, name, file: {} as File, status, report, ms: null };
  }
  function checked(total: string | null, errors: number): Report {
    const r = failedReport('x', 'unrecognised', '');
    return { ...r, status: 'checked', profile: 'hunan-dept-overall', error: null, sheets: { basic: null, selfEval: '附件3' }, summary: { ...r.summary, recomputedTotal: total, errors }, coverage: { ran: [], notRun: [], unreadSheets: [] } };
  }
  const files = [
    entry('b.xlsx', checked('94.99', 1)),
    entry('a.xlsx', checked('100', 0)),
    entry('c.xlsx', failedReport('c.xlsx', 'unreadable', '坏了')),
    entry('d.xlsx', checked('9.5', 3)),
  ];

  it('filters: 只看有问题的 keeps errors/warnings and files not checked; a severity keeps files with one', () => {
    const clean = entry('e.xlsx', checked('100', 0));
    const infoOnly = entry('f.xlsx', { ...checked('90', 0), summary: { ...checked('90', 0).summary, infos: 2 } });
    const all = [...files, clean, infoOnly];
    expect(filterEntries(all, 'all', false)).toBe(all);
    expect(filterEntries(all, 'all', true).map((f) => f.name)).toEqual(['b.xlsx', 'c.xlsx', 'd.xlsx']);
    expect(filterEntries(all, 'error', false).map((f) => f.name)).toEqual(['b.xlsx', 'd.xlsx']);
    expect(filterEntries(all, 'info', false).map((f) => f.name)).toEqual(['f.xlsx']);
    expect(filterEntries(all, 'info', true).map((f) => f.name)).toEqual([]);
  });

  it('sorts numbers as numbers, blanks last both ways', () => {
    expect(sortEntries(files, 'recomputed', 'ascending').map((f) => f.name)).toEqual(['d.xlsx', 'b.xlsx', 'a.xlsx', 'c.xlsx']);
    expect(sortEntries(files, 'recomputed', 'descending').map((f) => f.name)).toEqual(['a.xlsx', 'b.xlsx', 'd.xlsx', 'c.xlsx']);
    expect(sortEntries(files, 'errors', 'descending').map((f) => f.name)).toEqual(['d.xlsx', 'b.xlsx', 'a.xlsx', 'c.xlsx']);
    expect(sortEntries(files, 'name', 'ascending').map((f) => f.name)).toEqual(['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx']);
  });

  it('puts failures first when sorting by status', () => {
    expect(sortEntries(files, 'status', 'ascending')[0]!.name).toBe('c.xlsx');
  });
});

describe('cellText', () => {
  it('prefers the host text, else formats the value', () => {
    expect(cellText({ value: 0.9899, text: '98.99%' })).toBe('98.99%');
    expect(cellText({ value: 0.9899, numFmt: '0.00%' })).toBe('98.99%');
    expect(cellText({ value: 1234.5, numFmt: '#,##0.00' })).toBe('1,234.50');
    expect(cellText({ value: 0.1 + 0.2 })).toBe('0.3');
    expect(cellText({ value: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(cellText({ value: true })).toBe('TRUE');
    expect(cellText(undefined)).toBe('');
    expect(formatNumber(-3.14159, '0.00')).toBe('-3.14');
  });

  it('names downloads after the workbook', () => {
    expect(downloadName('dir/自评表.xlsx', '.checked.xlsx')).toBe('自评表.checked.xlsx');
    expect(downloadName('报表', '.report.json')).toBe('报表.report.json');
  });
});
