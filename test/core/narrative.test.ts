/** The wordings a 自评报告 states its figures in, and the ones that are not such figures. */
import { statedFigures, type StatedFigure } from '../../src/core/narrative';

const brief = (f: StatedFigure): string =>
  f.kind === 'grade' ? `¶${f.paragraph} grade ${f.grade}` : `¶${f.paragraph} ${f.kind} ${f.value.toString()} (${f.decimals} dp, ${f.written})`;

describe('statedFigures', () => {
  it.each([
    ['2023年度预算执行率为98.99%。', ['¶1 rate 0.9899 (2 dp, 98.99%)']],
    ['资金执行率达到 100％', ['¶1 rate 1 (0 dp, 100%)']],
    ['执行率：９８．９９%', ['¶1 rate 0.9899 (2 dp, 98.99%)']],
    ['全年预算数为866.48万元，全年执行数857.71万元', ['¶1 budget 866.48 (2 dp, 866.48万元)', '¶1 actual 857.71 (2 dp, 857.71万元)']],
    ['全年预算数0.09亿元', ['¶1 budget 900 (2 dp, 0.09亿元)']],
    ['调整后预算数为 8,664,800 元', ['¶1 budget 866.48 (0 dp, 8,664,800元)']],
    ['经自评，自评得分95.8分，评价等级为“优”。', ['¶1 total 95.8 (1 dp, 95.8分)', '¶1 grade 优']],
    ['绩效评价最后得分91.73分。评价等级为：优秀 。', ['¶1 total 91.73 (2 dp, 91.73分)', '¶1 grade 优']],
    ['自评总分：88 分，等次为良好', ['¶1 total 88 (0 dp, 88分)', '¶1 grade 良']],
    ['评价等次为合格', ['¶1 grade 中']],
  ])('%s', (text, expected) => {
    expect(statedFigures([text]).map(brief)).toEqual(expected);
  });

  it.each([
    ['年初预算数为262.07万元'],
    ['2023年度单位一般公共预算财政拨款收入857.71万元'],
    ['该项指标得分为2分'],
    ['影响单位评分及评价等次。'],
    ['在同类单位等级中排名靠前'],
    ['总分100分的指标体系'.replace('100分', '')],
    ['执行率较低'],
  ])('takes nothing from %s', (text) => {
    expect(statedFigures([text])).toEqual([]);
  });

  it('numbers paragraphs from 1, empty ones counted, and keeps the sentence', () => {
    const figures = statedFigures(['一、基本情况', '', '本年度预算执行率为98.99%；自评得分95.8分。']);
    expect(figures.map((f) => [f.paragraph, f.sentence])).toEqual([
      [3, '本年度预算执行率为98.99%；'],
      [3, '自评得分95.8分。'],
    ]);
  });

  it('stays linear on long runs of spaces, digits and names', () => {
    const long = ['执行率' + ' '.repeat(200_000), '执行率为' + '9'.repeat(200_000), '等级'.repeat(100_000), '总分'.repeat(100_000) + '分'];
    // None of them states a figure (no unit after the digits, no link word before a grade).
    expect(statedFigures(long)).toEqual([]);
    expect(statedFigures(['执行率为' + '9'.repeat(200_000) + '%']).map((f) => f.kind)).toEqual(['rate']);
  });
});
