/** What the panes read back from the workbook is validated (issue 21): pure parts. */
import { hasVisibleText } from '../../src/core/visible-text';
import { ACK_HEADER, ACK_SHEET, readAcknowledgements } from '../../src/core/acknowledge';
import { boundedReadRect } from '../../src/host/read-bounds';
import { isArithmeticFormula, isRecalcEntry } from '../../src/host/stored-entries';
import type { WorkbookGrid } from '../../src/grid/grid';

describe('hasVisibleText', () => {
  it.each([
    ['已与财政局确认', true],
    ['ok', true],
    ['１', true],
    ['', false],
    ['   \u3000\t\n', false],
    ['\u200b\u200c\u200d\u2060\ufeff', false],
    ['\u202e\u2066\u2069', false],
    ['\u3164\u115f\u1160\uffa0\u2800', false],
    ['\u0301\u0302', false],
  ])('%j → %s', (text, visible) => expect(hasVisibleText(text)).toBe(visible));
});

function ackGrid(rows: Array<Array<string | undefined>>, formulaIn?: number): WorkbookGrid {
  return {
    sheets: [
      {
        name: ACK_SHEET,
        rows: [[...ACK_HEADER].map((v) => ({ value: v })), ...rows.map((r, i) => r.map((v) => (v === undefined ? undefined : { value: v, ...(i === formulaIn ? { formula: 'HYPERLINK("http://x","y")' } : {}) })))],
        merges: [],
      },
    ],
  };
}

describe('readAcknowledgements takes only what the add-in could have written', () => {
  const row = (reason: string, cell = 'H9', ruleId = 'selfeval.missing-reason') => [ruleId, '附件3', cell, reason, '2024-05-01T08:00:00.000Z', '{"附件3!H9":"9"}'];

  it('keeps a real explanation', () => {
    expect(readAcknowledgements(ackGrid([row('已与财政局确认')]))).toHaveLength(1);
  });

  it('drops invisible reasons, over-long reasons, odd rule IDs and cells, formulas, and values that are not texts', () => {
    const grid = ackGrid([
      row('\u200b\u3000'),
      row('长'.repeat(501)),
      row('理由', 'H9', '=HYPERLINK("x")'),
      row('理由', 'A1:XFD1048576'),
      ['selfeval.missing-reason', '附件3', 'H9', '理由', '2024', '{"附件3!H9":{"x":1}}'],
      row('理由'),
    ], 5);
    expect(readAcknowledgements(grid)).toEqual([]);
  });
});

describe('stored 撤销重算 entries', () => {
  const entry = { sheet: '附件3', cell: 'H9', formula: null, value: 9.8, numFmt: '0.00', fill: null, addedToMarks: true, written: '9.90' };
  it('takes what 一键重算 records, and a form’s own arithmetic as the original formula', () => {
    expect(isRecalcEntry(entry)).toBe(true);
    expect(isRecalcEntry({ ...entry, formula: '=SUM(H14:H20)' })).toBe(true);
    expect(isArithmeticFormula('=ROUND(E5/D5*10,2)')).toBe(true);
    expect(isArithmeticFormula('=附件2!C5+附件2!D5')).toBe(true);
  });

  it.each([
    ['a link formula', { ...entry, formula: '=HYPERLINK("http://evil","x")' }],
    ['another function', { ...entry, formula: '=WEBSERVICE(A1)' }],
    ['a text in a formula', { ...entry, formula: '=A1&"x"' }],
    ['a range as the cell', { ...entry, cell: 'A1:B2' }],
    ['a cell past the grid', { ...entry, cell: 'XFE1' }],
    ['a sheet name Excel forbids', { ...entry, sheet: 'a/b' }],
    ['a written text that is no figure', { ...entry, written: '=1+1' }],
    ['a fill with a formula text', { ...entry, fill: { color: '=HYPERLINK("x")' } }],
  ])('refuses %s', (_, e) => expect(isRecalcEntry(e)).toBe(false));
});

describe('boundedReadRect', () => {
  it('reads a form as it is and never plans a million rows for a stray cell at XFD1048576', () => {
    expect(boundedReadRect({ top: 0, left: 0, bottom: 40, right: 11 })).toEqual({ rect: { top: 0, left: 0, bottom: 40, right: 11 }, clipped: false });
    const r = boundedReadRect({ top: 0, left: 0, bottom: 1_048_575, right: 16_383 });
    expect(r.clipped).toBe(true);
    expect((r.rect!.bottom - r.rect!.top + 1) * (r.rect!.right - r.rect!.left + 1)).toBeLessThanOrEqual(1_000_000);
    expect(boundedReadRect({ top: 2_000_000, left: 0, bottom: 2_000_001, right: 1 }).rect).toBeNull();
  });
});
