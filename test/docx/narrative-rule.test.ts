/**
 * report.narrative-figure on seed 004's report: the text as published states none of the
 * figures the tables hold; one sentence added or changed at a time gives one finding at its
 * paragraph (¶N, N counting the body's paragraphs), quoting it.
 */
import { checkWorkbook } from '../../src/engine';
import type { Finding } from '../../src/core/finding';
import { readWorkbook } from '../../src/host/file/read';
import { NARRATIVE, seed004Report, SELF_CAPTION } from './seed004-report';

/** Where a sentence goes: after `二、一般公共预算支出情况`, so it is paragraph AT + 1. */
const AT = NARRATIVE.findIndex((l) => l.startsWith('二、一般公共预算支出情况')) + 1;

async function narrativeFindings(sentence: string | null): Promise<Finding[]> {
  const narrative = sentence === null ? NARRATIVE : [...NARRATIVE.slice(0, AT), sentence, ...NARRATIVE.slice(AT)];
  const read = await readWorkbook({ bytes: await seed004Report({ narrative }), fileName: 'report.docx' });
  if (!read.ok) throw new Error(read.message);
  return checkWorkbook(read.grid, { file: 'report.docx' }).findings.filter((f) => f.ruleId === 'report.narrative-figure');
}

const brief = (f: Finding) => [f.severity, f.sheet, f.cell, f.entered, f.expected, f.inputs];

describe('report.narrative-figure', () => {
  it('finds nothing in the report as published', async () => {
    expect(await narrativeFindings(null)).toEqual([]);
  });

  it('finds nothing where the text agrees with the tables (at its own unit and decimals)', async () => {
    expect(await narrativeFindings('2023年度全年预算数866.48万元，全年执行数0.09亿元，预算执行率为99%，自评得分95.8分，评价等级为“优”。')).toEqual([]);
    expect(await narrativeFindings('综合评分为95.80分，自评结果为优秀。')).toEqual([]);
  });

  it.each([
    ['预算执行率为95.00%', ['warning', '正文', `¶${AT + 1}`, '0.95', '0.9899', [`${SELF_CAPTION}!G3`]]],
    ['全年预算数为900万元', ['warning', '正文', `¶${AT + 1}`, '900', '866.48', [`${SELF_CAPTION}!D3`]]],
    ['全年执行数850万元', ['warning', '正文', `¶${AT + 1}`, '850', '857.71', [`${SELF_CAPTION}!E3`]]],
    ['经自评，本单位自评得分94分。', ['warning', '正文', `¶${AT + 1}`, '94', '95.8', [`${SELF_CAPTION}!H19`]]],
    // 95.8 rounds to 96 at the text's decimals, but a score is declared: equal only at the table's 1 decimal.
    ['经自评，自评得分96分。', ['warning', '正文', `¶${AT + 1}`, '96', '95.8', [`${SELF_CAPTION}!H19`]]],
    ['综合评分为95.80分，评价结果为“良”', ['warning', '正文', `¶${AT + 1}`, '良', '优', [`${SELF_CAPTION}!H19`]]],
    ['绩效评价等级为：良好', ['warning', '正文', `¶${AT + 1}`, '良', '优', [`${SELF_CAPTION}!H19`]]],
  ])('%s contradicts the tables', async (sentence, expected) => {
    const found = await narrativeFindings(sentence);
    expect(found.map(brief)).toEqual([expected]);
    expect(found[0]!.message).toContain(`正文第 ${AT + 1} 段`);
    expect(found[0]!.message).toContain(`“${sentence}”`);
    expect(found[0]!.title).toBe('报告正文数字');
  });

  it('spells out the comparison', async () => {
    const [f] = await narrativeFindings('预算执行率为95%');
    expect(f!.message).toBe(`正文第 ${AT + 1} 段写明预算执行率为 95%，表中填报为 98.99%：“预算执行率为95%”`);
    expect(f!.explanation).toBe(`表中 预算执行率（${SELF_CAPTION}!G3）填报 98.99%，按正文的单位和 0 位小数为 99%，正文为 95%`);
  });

  it.each([['项目支出预算执行率为100%'], ['年初预算数为300万元'], ['该项指标得分为8分'], ['执行率较上年有所提高']])('leaves alone %s', async (sentence) => {
    expect(await narrativeFindings(sentence)).toEqual([]);
  });
});
