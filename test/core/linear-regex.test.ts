/**
 * Every pattern applied to workbook text, fed a long adversarial input: a super-linear pattern
 * (nested or overlapping quantifiers, an unanchored scan to the end from every position) would
 * not finish within jest's timeout on these lengths; each case asserts the result it reaches.
 */
import { parseDeadline } from '../../src/values/deadline';
import { compactLabel, describeFormat, normalizeText, parseAfterColon, parseText, textBeforeParen } from '../../src/values/value';
import { cellText } from '../../src/web/cellText';
import { withoutBracketed } from '../../src/template/locate-selfeval';
import { parseA1 } from '../../src/grid/grid';

const N = 200_000;
const run = (s: string, n = N): string => s.repeat(n);

describe('number formats (describeFormat)', () => {
  test('0.00 followed by a long run of [ (no closing ])', () => {
    expect(describeFormat('0.00' + run('['))).toEqual({ decimals: 2, percent: false, unit: null });
  });
  test('a long run of unclosed quotes and brackets in every section', () => {
    expect(describeFormat(run('["') + '0.0')).toEqual({ decimals: 1, percent: false, unit: null });
    // An unclosed quote is not text (as before): the rest still counts as format characters.
    expect(describeFormat(run('["') + '"0.0')).toEqual({ decimals: 1, percent: false, unit: null });
    expect(describeFormat('0.0%' + run('"a') + ';' + run('['))).toMatchObject({ percent: true });
  });
  test('a long quoted literal, long escapes and paddings, spaces after the unit', () => {
    expect(describeFormat('0.00"' + run('元', 10) + '"')).toMatchObject({ decimals: 2, unit: null });
    expect(describeFormat('0.0' + run('\\_') + '"万元"' + run(' '))).toEqual({ decimals: 1, percent: false, unit: '万元' });
    expect(describeFormat(run('"a"') + '0.000')).toMatchObject({ decimals: 3 });
    expect(describeFormat('0.' + run('0') + run('e+'))).toMatchObject({ decimals: N });
  });
  test('a well-formed format still reads as before', () => {
    expect(describeFormat('#,##0.00_);[Red](#,##0.00)')).toEqual({ decimals: 2, percent: false, unit: null });
    expect(describeFormat('0.00"亿元"')).toEqual({ decimals: 2, percent: false, unit: '亿元' });
    expect(describeFormat('[$-804]0.0%')).toEqual({ decimals: 1, percent: true, unit: null });
    expect(describeFormat('yyyy"年"m"月"')).toEqual({ decimals: null, percent: false, unit: null });
    expect(describeFormat('0.0"分;"')).toEqual({ decimals: 1, percent: false, unit: '分;' });
  });
});

describe('typed text (parseText and helpers)', () => {
  test('a figure followed by a long run of spaces, suffix words and parentheses', () => {
    expect(parseText('1' + run(' ') + 'x')).toMatchObject({ kind: 'number', unit: 'x' });
    expect(parseText('90%' + run('(含)') + '以上')).toMatchObject({ kind: 'text' });
    expect(parseText('90' + run('及') + '以上')).toMatchObject({ kind: 'text' });
    expect(parseText('5' + run('以内'))).toMatchObject({ kind: 'text' });
  });
  test('long runs of digits, commas, dashes and comparator words', () => {
    expect(parseText(run('1,234') + 'x')).toMatchObject({ kind: 'text' });
    expect(parseText(run('1') + '.' + run('2') + '%')).toMatchObject({ kind: 'number', percent: true, decimals: N });
    expect(parseText(run('—-') + 'x')).toMatchObject({ kind: 'text' });
    expect(parseText(run('不低于'))).toMatchObject({ kind: 'text' });
    expect(parseAfterColon(run('：') + '12.5')).toMatchObject({ kind: 'number', decimals: 1 });
  });
  test('whitespace normalisation over long mixed runs', () => {
    expect(normalizeText(run(' \u3000\u00a0\n') + 'a')).toBe('a');
    expect(compactLabel(run('a \n'))).toBe(run('a'));
  });
  test('deadlines over long suffix runs', () => {
    expect(parseDeadline({ kind: 'text', text: '12月' + run('之前') })).toEqual({ kind: 'month', year: null, month: 12 });
    expect(parseDeadline({ kind: 'text', text: '12月' + run('前') + 'x' })).toBeNull();
    expect(parseDeadline({ kind: 'text', text: run('按时') })).toBeNull();
  });
});

describe('labels and addresses', () => {
  test('text before a parenthesis, over a long run of ( and line breaks', () => {
    expect(textBeforeParen('产出指标' + run('(\n'))).toBe('产出指标');
  });
  test('header text without bracketed units, over unclosed and nested runs', () => {
    expect(withoutBracketed(run('('))).toBe(run('('));
    expect(withoutBracketed('全年预算数(万元)' + run('(a'))).toBe('全年预算数' + run('(a'));
    expect(withoutBracketed(run('(a)b'))).toBe(run('b'));
  });
  test('cell addresses', () => {
    expect(() => parseA1(run('A') + '1x')).toThrow();
  });
  test('thousands separators in the page view of a long figure', () => {
    expect(cellText({ value: 1e20, numFmt: '#,##0' })).toBe('100,000,000,000,000,000,000');
    expect(cellText({ value: 1.5, numFmt: '0.' + run('0', 300) })).toBe('1.5' + run('0', 99));
  });
});
