/** RuleTester tables of the value rules (value.unparsed, value.rounding), on seed 004 made consistent. */
import { ruleTable, type AnyRuleTable } from '../support/rule-tester';

const UNPARSED_EXPLANATION = '该单元格应填写数字；未按 0 处理，依赖它的核对已跳过';

export const unparsed = ruleTable({
  rule: 'value.unparsed',
  valid: [
    { name: 'seed 004: every figure reads', base: 'consistent' },
    { name: 'full-width digits are a number', base: 'consistent', edits: [['附件3!G14', '１０']] },
    { name: 'a none mark (——) is not a figure gone wrong', base: 'consistent', edits: [['附件2!B7', '——']] },
  ],
  invalid: [
    {
      name: 'an error value where the 执行率 goes',
      base: 'consistent',
      edits: [['附件3!G5', { error: '#DIV/0!' }]],
      findings: [
        {
          messageId: 'errorValue',
          severity: 'error',
          sheet: '附件3',
          cell: 'G5',
          entered: '#DIV/0!',
          expected: null,
          message: '执行率为错误值 #DIV/0!，无法核对',
          explanation: UNPARSED_EXPLANATION,
          inputs: ['附件3!G5'],
        },
      ],
    },
    {
      name: "text where an indicator's 分值 goes",
      base: 'consistent',
      edits: [['附件3!G14', '十分']],
      findings: [
        {
          messageId: 'notANumber',
          severity: 'error',
          sheet: '附件3',
          cell: 'G14',
          entered: '十分',
          expected: null,
          message: '“全年签约引进项目”分值“十分”不是数字，无法核对',
          explanation: UNPARSED_EXPLANATION,
          inputs: ['附件3!G14'],
        },
      ],
    },
    {
      name: 'text in a 经费 column',
      base: 'consistent',
      edits: [['附件2!F11', '七元']],
      findings: [
        {
          messageId: 'notANumber',
          severity: 'error',
          sheet: '附件2',
          cell: 'F11',
          entered: '七元',
          expected: null,
          message: '3、公务接待（2023年决算数）“七元”不是数字，无法核对',
          explanation: UNPARSED_EXPLANATION,
          inputs: ['附件2!F11'],
        },
      ],
    },
  ],
});

export const rounding = ruleTable({
  rule: 'value.rounding',
  valid: [
    { name: 'seed 004: every sum exact', base: 'consistent' },
    { name: 'a gap beyond rounding is an error of its sum rule, not rounding', base: 'consistent', edits: [['附件2!B6', 17.4]] }, // 0.07 > 0.02
    { name: "parts with more decimals that round to the total's own decimals are exact, not rounding", base: 'consistent', edits: [['附件2!F11', 7.855]] }, // 7.855 → 7.86
  ],
  invalid: [
    {
      name: '三公经费 off its parts by one cent',
      base: 'consistent',
      edits: [['附件2!B6', 17.34]],
      findings: [
        {
          // 0 + 0 + 17.33 = 17.33; |17.34 − 17.33| = 0.01 ≤ 3 × 0.005 + 0.005 = 0.02
          messageId: 'rounding',
          severity: 'info',
          sheet: '附件2',
          cell: 'B6',
          entered: '17.34',
          expected: '17.33',
          message: '三公经费（2022年决算数）填报为 17.34，各项之和为 17.33，差额在四舍五入允许范围内（±0.02）',
          explanation: '17.33 = 0 + 0 + 17.33',
          inputs: ['附件2!B6', '附件2!B7', '附件2!B10', '附件2!B11'],
        },
      ],
    },
    {
      name: '总分 off the scores by one cent',
      base: 'consistent',
      edits: [['附件3!H21', 95]],
      findings: [
        {
          // 9.9 + 8.25 + 10 + 10 + 10 + 20 + 10 + 16.84 = 94.99; |95 − 94.99| = 0.01 ≤ 8 × 0.005 + 0.005 = 0.045
          messageId: 'rounding',
          severity: 'info',
          sheet: '附件3',
          cell: 'H21',
          entered: '95',
          expected: '94.99',
          message: '总分填报为 95，各项之和为 94.99，差额在四舍五入允许范围内（±0.045）',
          explanation: '94.99 = 9.9 + 8.25 + 10 + 10 + 10 + 20 + 10 + 16.84',
          inputs: ['附件3!H21', '附件3!H5', '附件3!H14', '附件3!H15', '附件3!H16', '附件3!H17', '附件3!H18', '附件3!H19', '附件3!H20'],
        },
      ],
    },
    {
      name: 'a funds breakdown total off its parts by one cent (reported beside its gap to 全年预算数)',
      base: 'consistent',
      edits: [['附件3!B6', '按收入性质分：866.50'], ['附件3!B7', '其中：一般公共预算：500.00'], ['附件3!B10', '其他资金：366.49']],
      findings: [
        {
          // 500.00 + 0 + 0 + 366.49 = 866.49 (the two empty labels count 0 but are no rounded figure,
          // so n = 2): |866.50 − 866.49| = 0.01 ≤ 2 × 0.005 + 0.005 = 0.015
          messageId: 'rounding',
          severity: 'info',
          sheet: '附件3',
          cell: 'B6',
          entered: '866.50',
          expected: '866.49',
          message: '按收入性质分合计填报为 866.50，各项之和为 866.49，差额在四舍五入允许范围内（±0.015）',
          explanation: '866.49 = 500.00 + 0 + 0 + 366.49',
          inputs: ['附件3!B6', '附件3!B7', '附件3!B8', '附件3!B9', '附件3!B10'],
        },
      ],
    },
  ],
});

export const VALUE_TABLES: readonly AnyRuleTable[] = [unparsed, rounding];
