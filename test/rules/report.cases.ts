/** RuleTester table of report.narrative-figure: seed 004 made consistent, with a Word report's body text. */
import { ruleTable, type AnyRuleTable } from '../support/rule-tester';

export const narrativeFigure = ruleTable({
  rule: 'report.narrative-figure',
  valid: [
    { name: 'a rate stated at its own precision (99% for 98.99%)', base: 'consistent', paragraphs: ['本年度预算执行率为99%。'] },
    { name: 'a part of the spending is not the whole', base: 'consistent', paragraphs: ['项目支出预算执行率为100%。'] },
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
          explanation: '表中 自评得分（附件3!H21）填报 94.99，按正文的单位和 0 位小数为 95分，正文为 94分',
          inputs: ['附件3!H21'],
        },
      ],
    },
  ],
});

export const REPORT_TABLES: readonly AnyRuleTable[] = [narrativeFigure];
