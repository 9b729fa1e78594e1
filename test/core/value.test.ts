import { describeFormat, parseAfterColon, parseRaw, parseText } from '../../src/values/value';

type Case = [input: string, kind: string, value?: string, decimals?: number, unit?: string | null, comparator?: string | null];

describe('parseText reads every form a clerk types', () => {
  const cases: Case[] = [
    ['866.48', 'number', '866.48', 2, null, null],
    [' 14 ', 'number', '14', 0, null, null],
    ['１４', 'number', '14', 0, null, null],
    ['１４．５', 'number', '14.5', 1, null, null],
    ['1,234.5', 'number', '1234.5', 1, null, null],
    ['98.99%', 'number', '0.9899', 2, '%', null],
    ['98.99％', 'number', '0.9899', 2, '%', null],
    ['100%', 'number', '1', 0, '%', null],
    ['9.33亿元', 'number', '9.33', 2, '亿元', null],
    ['1年', 'number', '1', 0, '年', null],
    ['≥90%', 'number', '0.9', 0, '%', '≥'],
    ['>=90%', 'number', '0.9', 0, '%', '≥'],
    ['不低于95%', 'number', '0.95', 0, '%', '≥'],
    ['≤262.07', 'number', '262.07', 2, null, '≤'],
    ['不超过 300万元', 'number', '300', 0, '万元', '≤'],
    ['-3.5', 'number', '-3.5', 1, null, null],
    ['.5', 'number', '0.5', 1, null, null],
    ['90%以上', 'number', '0.9', 0, '%', '≥'],
    ['95％（含）以上', 'number', '0.95', 0, '%', '≥'],
    ['5个工作日以内', 'number', '5', 0, '个工作日', '≤'],
    ['300万元及以下', 'number', '300', 0, '万元', '≤'],
    ['≥90%以上', 'number', '0.9', 0, '%', '≥'],
  ];
  test.each(cases)('%s', (input, kind, value, decimals, unit, comparator) => {
    const p = parseText(input);
    expect(p.kind).toBe(kind);
    if (p.kind !== 'number') throw new Error('not a number');
    expect(p.value.toFixed()).toBe(value);
    expect(p.decimals).toBe(decimals);
    expect(p.unit).toBe(unit);
    expect(p.comparator).toBe(comparator);
  });

  test.each(['——', '—', '/', '-', '无', '／', '— —'])('"%s" means none', (s) => {
    expect(parseText(s).kind).toBe('none');
  });

  test.each(['', '   ', '\u3000'])('"%s" is blank', (s) => {
    expect(parseText(s).kind).toBe('blank');
  });

  test.each(['#DIV/0!', '#N/A', '#VALUE!'])('%s typed as text is an error value', (s) => {
    expect(parseText(s).kind).toBe('error');
  });

  test.each(['较好', '按时完成', '达到预期', '12月底前完成3个项目', 'abc'])('"%s" is text, never 0', (s) => {
    expect(parseText(s).kind).toBe('text');
  });
});

describe('parseRaw uses the number format', () => {
  test('a fraction formatted as 0.00% is a percentage with 2 decimals', () => {
    const p = parseRaw(0.98988, '0.00%');
    expect(p.kind === 'number' && [p.value.toFixed(), p.decimals, p.percent]).toEqual(['0.98988', 2, true]);
  });
  test('General shows the shortest decimals, without binary noise', () => {
    const p = parseRaw(0.1 + 0.2);
    expect(p.kind === 'number' && [p.value.toFixed(), p.decimals]).toEqual(['0.3', 1]);
  });
  test('#,##0.00 shows two decimals', () => {
    const p = parseRaw(1234.5, '#,##0.00_);[Red](#,##0.00)');
    expect(p.kind === 'number' && p.decimals).toBe(2);
  });
  test('an error value stays an error', () => {
    expect(parseRaw({ error: '#DIV/0!' }).kind).toBe('error');
  });
  test('describeFormat ignores colours and reads a quoted unit after the figure', () => {
    expect(describeFormat('0.0"万元"')).toEqual({ decimals: 1, percent: false, unit: '万元' });
    expect(describeFormat('[Red]0%')).toEqual({ decimals: 0, percent: true, unit: null });
    expect(describeFormat('General')).toEqual({ decimals: null, percent: false, unit: null });
    expect(describeFormat('#,##0.00_);(#,##0.00)')).toEqual({ decimals: 2, percent: false, unit: null });
  });
  test('a date or time format\'s literals are not a unit', () => {
    expect(describeFormat('yyyy"年"m"月"d"日"').unit).toBeNull();
    expect(describeFormat('h"时"mm"分"').unit).toBeNull();
    expect(describeFormat('0.00E+00"元"').unit).toBe('元');
  });
  test('a figure formatted 0.00"亿元" carries the unit it shows', () => {
    const p = parseRaw(10.09, '0.00"亿元"');
    expect(p).toMatchObject({ kind: 'number', unit: '亿元', decimals: 2 });
  });
});

describe('parseAfterColon reads amounts typed inside labels', () => {
  test.each([
    ['按收入性质分：866.48', '866.48'],
    ['  其中：  一般公共预算：866.48', '866.48'],
    ['项目支出:555.26', '555.26'],
  ])('%s', (label, value) => {
    const p = parseAfterColon(label);
    expect(p.kind === 'number' && p.value.toFixed()).toBe(value);
  });
  test('nothing after the colon is blank', () => {
    expect(parseAfterColon('政府性基金拨款：').kind).toBe('blank');
  });
});

describe('parsed figures shared between cells (the decimal cache)', () => {
  const valueOf = (n: number) => {
    const p = parseRaw(n);
    if (p.kind !== 'number') throw new Error(`not a number: ${n}`);
    return p.value;
  };

  it('gives the same figure for a number however often it is met', () => {
    const first = valueOf(857.71);
    expect(valueOf(857.71).toString()).toBe('857.71');
    expect(valueOf(857.71)).toBe(first); // one immutable Decimal, shared
    expect(valueOf(0.1 + 0.2).toString()).toBe('0.3'); // 15 significant digits, as Excel keeps
  });

  it('keeps −0 apart from 0 (one key to a Map)', () => {
    expect(valueOf(0).isNegative()).toBe(false);
    expect(valueOf(-0).isNegative()).toBe(true);
    expect(valueOf(0).isNegative()).toBe(false);
  });

  it('stays right past the cache size (emptied when full)', () => {
    for (let i = 0; i < 5000; i++) expect(valueOf(i + 0.5).toString()).toBe(String(i + 0.5));
    expect(valueOf(857.71).toString()).toBe('857.71');
  });
});
