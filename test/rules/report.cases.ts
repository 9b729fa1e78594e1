/** RuleTester table of report.narrative-figure: seed 004 made consistent, with a Word report's body text. */
import { ruleTable, type AnyRuleTable } from '../support/rule-tester';

export const narrativeFigure = ruleTable({
  rule: 'report.narrative-figure',
  valid: [
    { name: 'a rate stated at its own precision (99% for 98.99%)', base: 'consistent', paragraphs: ['本年度预算执行率为99%。'] },
    { name: 'a part of the spending is not the whole', base: 'consistent', paragraphs: ['项目支出预算执行率为100%。'] },
    { name: "a score equal at the table's decimals (94.990 for 94.99), its grade agreeing", base: 'consistent', paragraphs: ['经自评，综合评分为94.990分，评价结果为“优”。'] },
    { name: "a 指标评分表's 合计 stated (no grade on a 15-point table)", base: 'scoreTable', paragraphs: ['按指标评分表自评，自评得分15分，等级为“优”。'] },
  ],
  invalid: [
    {
      name: 'a rate the tables contradict',
      base: 'consistent',
      paragraphs: ['部门整体支出绩效自评报告', '预算执行率为95%'],
      findings: [
        {
          // 98.99% at the text's 0 decimals is 99%, not 95%
          messageId: 'contradicts',
          severity: 'warning',
          sheet: '正文',
          cell: '¶2',
          entered: '0.95',
          expected: '0.9899',
          message: '正文第 2 段写明预算执行率为 95%，表中填报为 98.99%：“预算执行率为95%”',
          explanation: '表中 预算执行率（附件3!G5）填报 98.99%，按正文的单位和 0 位小数为 99%，正文为 95%',
          inputs: ['附件3!G5'],
        },
      ],
    },
    {
      name: 'a total the tables contradict',
      base: 'consistent',
      paragraphs: ['经自评，本单位自评得分94分。'],
      findings: [
        {
          messageId: 'contradicts',
          severity: 'warning',
          sheet: '正文',
          cell: '¶1',
          entered: '94',
          expected: '94.99',
          message: '正文第 1 段写明自评得分为 94分，表中填报为 94.99：“经自评，本单位自评得分94分。”',
          explanation: '表中 自评得分（附件3!H21）填报 94.99，正文所写得分须与之相等（按表中的 2 位小数），正文为 94分',
          inputs: ['附件3!H21'],
        },
      ],
    },
    {
      // 94.99 rounded to the text's 0 decimals is 95, but a score is declared, not rounded.
      name: 'a total rounded in the text (95 for 94.99)',
      base: 'consistent',
      paragraphs: ['单位自评得分95分，等级为优。'],
      findings: [
        {
          messageId: 'contradicts',
          severity: 'warning',
          sheet: '正文',
          cell: '¶1',
          entered: '95',
          expected: '94.99',
          message: '正文第 1 段写明自评得分为 95分，表中填报为 94.99：“单位自评得分95分，等级为优。”',
          explanation: '表中 自评得分（附件3!H21）填报 94.99，正文所写得分须与之相等（按表中的 2 位小数），正文为 95分',
          inputs: ['附件3!H21'],
        },
      ],
    },
    {
      name: "a grade the 自评表's total contradicts",
      base: 'consistent',
      paragraphs: ['自评结果为良好。'],
      findings: [
        {
          // no grade typed in the table: 94.99 ≥ 90 is 优
          messageId: 'contradicts',
          severity: 'warning',
          sheet: '正文',
          cell: '¶1',
          entered: '良',
          expected: '优',
          message: '正文第 1 段写明评价等级为 良好，表中填报为 总分 94.99（对应“优”）：“自评结果为良好。”',
          explanation: '表中未写等次；总分（附件3!H21）94.99 对应“优”（优 ≥ 90；良 80–90；中 60–80；差 < 60），正文为“良”',
          inputs: ['附件3!H21'],
        },
      ],
    },
    {
      name: "a 指标评分表's 合计 contradicted (a report without a 自评表)",
      base: 'scoreTable',
      paragraphs: ['经自评，本单位得分情况如下。', '自评总分为14.5分。'],
      findings: [
        {
          messageId: 'contradicts',
          severity: 'warning',
          sheet: '正文',
          cell: '¶2',
          entered: '14.5',
          expected: '15',
          message: '正文第 2 段写明自评得分为 14.5分，表中填报为 15：“自评总分为14.5分。”',
          explanation: '表中 自评得分（指标评分表!F7）填报 15，正文所写得分须与之相等（按表中的 0 位小数），正文为 14.5分',
          inputs: ['指标评分表!F7'],
        },
      ],
    },
  ],
});

export const REPORT_TABLES: readonly AnyRuleTable[] = [narrativeFigure];
