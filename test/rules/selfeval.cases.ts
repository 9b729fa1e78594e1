/**
 * RuleTester tables of the 自评表 rules, on seed 004 made consistent (and on the 项目支出 form
 * and a 指标评分表 where a rule has a case of its own there). Seed 004's 附件3: 年度资金总额 row 5
 * (年初 C5 262.07, 全年预算 D5 866.48, 全年执行 E5 857.71, 分值 F5 10, 执行率 G5 98.99%, 得分 H5
 * 9.9); breakdown totals B6 / E6 866.48 (一般公共预算 B7 866.48; 基本支出 E7 311.22 + 项目支出 E8
 * 555.26); indicators rows 14–20 (指标值 E, 完成值 F, 分值 G, 得分 H, 偏差原因 I):
 *   14 全年签约引进项目 40 / 33 / 10 / 8.25 (reason given)   15 小分队招商 16 / 18 / 10 / 10
 *   16 开工率 40% / 66.7% / 10 / 10   17 完成时间 1年 / 1年 / 10 / 10   18 进出口总额 9.33亿元 / 10.09亿元 / 20 / 20
 *   19 满意度 90% / 98% / 10 / 10   20 基本支出预算成本 262.07 / 311.22 / 20 / 16.84 (reason given)
 * 总分 row 21: 分值 G21 100, 得分 H21 94.99 = 9.9 + 8.25 + 10 + 10 + 10 + 20 + 10 + 16.84.
 */
import { ruleTable, type AnyRuleTable } from '../support/rule-tester';

/** Every 得分 cell 总分 adds, in order. */
const SCORES = ['附件3!H5', '附件3!H14', '附件3!H15', '附件3!H16', '附件3!H17', '附件3!H18', '附件3!H19', '附件3!H20'];
const WEIGHTS = ['附件3!F5', '附件3!G14', '附件3!G15', '附件3!G16', '附件3!G17', '附件3!G18', '附件3!G19', '附件3!G20'];
const NAMES = '全年签约引进项目 + 小分队招商 + 2023年新引进项目开工率 + 完成时间 + 年度进出口总额 + 满意度 + 基本支出预算成本';

/** The sheet of the Chongqing base (docs/families.md T5). */
const CQ = '部门整体绩效自评表';

export const executionRate = ruleTable({
  rule: 'selfeval.execution-rate',
  valid: [
    { name: 'seed 004: 857.71 ÷ 866.48 = 98.99%', base: 'consistent' },
    { name: 'a %-formatted fraction', base: 'consistent', edits: [['附件3!G5', { value: 0.9899, numFmt: '0.00%' }]] },
  ],
  invalid: [
    {
      name: 'a rate typed wrong',
      base: 'consistent',
      edits: [['附件3!G5', '97.5%']],
      findings: [
        {
          // 857.71 ÷ 866.48 = 0.98987…: 98.99% at max(1 shown, 2) decimals in % units
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件3',
          cell: 'G5',
          entered: '0.975',
          expected: '0.9899',
          message: '执行率应为 98.99%（全年执行数 ÷ 全年预算数），填报为 97.5%',
          explanation: '98.99% = 857.71 ÷ 866.48',
          inputs: ['附件3!E5', '附件3!D5'],
          suggestion: { value: '98.99', percent: true },
        },
      ],
    },
    {
      name: 'a blank 执行率 is reported with the rate',
      base: 'consistent',
      edits: [['附件3!G5', null]],
      findings: [
        {
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件3',
          cell: 'G5',
          entered: null,
          expected: '0.9899',
          message: '执行率应为 98.99%（全年执行数 ÷ 全年预算数），填报为 空',
          explanation: '98.99% = 857.71 ÷ 866.48',
          inputs: ['附件3!E5', '附件3!D5'],
          suggestion: { value: '98.99', percent: true },
        },
      ],
    },
    {
      name: 'a blank 全年预算数 makes the rate not computable',
      base: 'consistent',
      edits: [['附件3!D5', null]],
      findings: [
        {
          messageId: 'notComputable',
          severity: 'info',
          sheet: '附件3',
          cell: 'G5',
          entered: '0.9899',
          expected: null,
          message: '执行率无法计算：全年预算数为空或为 0',
          explanation: '执行率 = 全年执行数 ÷ 全年预算数',
          inputs: ['附件3!E5', '附件3!D5'],
        },
      ],
    },
  ],
});

export const executionScore = ruleTable({
  rule: 'selfeval.execution-score',
  valid: [
    { name: 'seed 004: 10 × 98.99% = 9.90', base: 'consistent' },
    { name: 'an overspend scores 分值 at most', base: 'consistent', edits: [['附件3!E5', 900], ['附件3!G5', '103.87%'], ['附件3!H5', 10], ['附件3!H21', 95.09]] },
  ],
  invalid: [
    {
      name: 'seed 004 as published: 9.8 for 9.90',
      base: 'consistent',
      edits: [['附件3!H5', 9.8], ['附件3!H21', 94.89]],
      findings: [
        {
          // 10 × 857.71 ÷ 866.48 = 9.8988… → 9.90 at max(1, 2) decimals
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件3',
          cell: 'H5',
          entered: '9.8',
          expected: '9.90',
          message: '执行率得分应为 9.90（10 × 98.99%），填报为 9.8',
          explanation: '9.90 = 10 × 857.71 ÷ 866.48',
          inputs: ['附件3!D5', '附件3!E5', '附件3!F5'],
          suggestion: { value: '9.90', percent: false },
        },
      ],
    },
    {
      name: 'an overspend capped at 100%',
      base: 'consistent',
      edits: [['附件3!E5', 900], ['附件3!G5', '103.87%'], ['附件3!H5', 9], ['附件3!H21', 94.09]],
      findings: [
        {
          // 900 ÷ 866.48 = 103.87% → counted as 100%: 10 × 100% = 10.00
          messageId: 'wrongCapped',
          severity: 'error',
          sheet: '附件3',
          cell: 'H5',
          entered: '9',
          expected: '10.00',
          message: '执行率得分应为 10.00（10 × 100%，执行率 103.87% 按 100% 计），填报为 9',
          explanation: '10.00 = 10 × min(执行率, 100%)（执行率超过 100% 按 100% 计）',
          inputs: ['附件3!D5', '附件3!E5', '附件3!F5'],
          suggestion: { value: '10.00', percent: false },
        },
      ],
    },
    {
      name: 'a blank 得分 is reported with the score',
      base: 'consistent',
      edits: [['附件3!H5', null]],
      findings: [
        {
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件3',
          cell: 'H5',
          entered: null,
          expected: '9.90',
          message: '执行率得分应为 9.90（10 × 98.99%），填报为 空',
          explanation: '9.90 = 10 × 857.71 ÷ 866.48',
          inputs: ['附件3!D5', '附件3!E5', '附件3!F5'],
          suggestion: { value: '9.90', percent: false },
        },
      ],
    },
    {
      // 预算执行率 as a row of the indicator table, no target typed: the execution rule on 100%, 2 × 95% = 1.90 (an error, as on the funds block)
      name: 'a 预算执行率 row in the indicator table, scored by the execution rule on 100%',
      base: 'chongqing',
      edits: [[`${CQ}!A8`, '预算执行率'], [`${CQ}!C8`, undefined], [`${CQ}!D8`, undefined], [`${CQ}!F8`, '95%']],
      findings: [
        {
          messageId: 'wrong',
          severity: 'error',
          sheet: CQ,
          cell: 'I8',
          entered: '2',
          expected: '1.90',
          message: '执行率得分应为 1.90（2 × 95.00%），填报为 2',
          explanation: '1.90 = 95% ÷ 100%（预算执行率未填指标值，按执行率规则以 100% 计） × 2',
          inputs: [`${CQ}!D8`, `${CQ}!F8`, `${CQ}!H8`],
          suggestion: { value: '1.90', percent: false },
        },
      ],
    },
  ],
});

export const executionOverspend = ruleTable({
  rule: 'selfeval.execution-overspend',
  valid: [{ name: 'seed 004: 857.71 ≤ 866.48', base: 'consistent' }],
  invalid: [
    {
      name: '全年执行数 above 全年预算数',
      base: 'consistent',
      edits: [['附件3!E5', 900], ['附件3!G5', '103.87%'], ['附件3!H5', 10], ['附件3!H21', 95.09]],
      findings: [
        {
          // 900 ÷ 866.48 = 1.03868… → 103.87%
          messageId: 'overspend',
          severity: 'warning',
          sheet: '附件3',
          cell: 'E5',
          entered: '900',
          expected: '866.48',
          message: '全年执行数 900 超过全年预算数 866.48，执行率 103.87%',
          explanation: '900 > 866.48',
          inputs: ['附件3!E5', '附件3!D5'],
        },
      ],
    },
  ],
});

export const fundsBreakdown = ruleTable({
  rule: 'selfeval.funds-breakdown',
  valid: [
    { name: 'seed 004: 866.48 = 866.48; 311.22 + 555.26 = 866.48', base: 'consistent' },
  ],
  invalid: [
    {
      name: '按支出性质分 does not add up',
      base: 'consistent',
      edits: [['附件3!E8', '项目支出：500.00']],
      findings: [
        {
          // 311.22 + 500.00 = 811.22 ≠ 866.48; no suggestion: the amounts are typed inside labels
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件3',
          cell: 'E6',
          entered: '866.48',
          expected: '811.22',
          message: '按支出性质分合计应为 811.22（基本支出 + 项目支出），填报为 866.48',
          explanation: '811.22 = 311.22 + 500.00',
          inputs: ['附件3!E6', '附件3!E7', '附件3!E8'],
        },
      ],
    },
    {
      name: 'a breakdown that adds up but not to 全年预算数',
      base: 'consistent',
      edits: [['附件3!B6', '按收入性质分：800'], ['附件3!B7', '其中：一般公共预算：800']],
      findings: [
        {
          messageId: 'againstBudget',
          severity: 'error',
          sheet: '附件3',
          cell: 'B6',
          entered: '800',
          expected: '866.48',
          message: '按收入性质分合计 800 与全年预算数 866.48 不一致',
          explanation: '按收入性质分合计应等于全年预算数 866.48',
          inputs: ['附件3!B6', '附件3!D5'],
        },
      ],
    },
    {
      name: 'a breakdown total off its parts by rounding only must still match 全年预算数',
      base: 'consistent',
      edits: [['附件3!B6', '按收入性质分：866.50'], ['附件3!B7', '其中：一般公共预算：500.00'], ['附件3!B10', '其他资金：366.49']],
      findings: [
        {
          // Σ parts 866.49 is value.rounding's (0.01 ≤ 0.015); against 全年预算数 866.50 ≠ 866.48 at 2 decimals
          messageId: 'againstBudget',
          severity: 'error',
          sheet: '附件3',
          cell: 'B6',
          entered: '866.50',
          expected: '866.48',
          message: '按收入性质分合计 866.50 与全年预算数 866.48 不一致',
          explanation: '按收入性质分合计应等于全年预算数 866.48',
          inputs: ['附件3!B6', '附件3!D5'],
        },
      ],
    },
    {
      name: '年度资金总额 (全年预算数) off its 其中 rows (当年财政拨款, 上年结转资金, 其他资金)',
      base: 'fundsBySource',
      edits: [['附件3!D7', 66.48]],
      findings: [
        {
          // 800 + 66.48 + 10 = 876.48 ≠ 866.48; no suggestion: 全年预算数 feeds the 执行率, a part may be the wrong figure
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件3',
          cell: 'D5',
          entered: '866.48',
          expected: '876.48',
          message: '年度资金总额（全年预算数）应为 876.48（当年财政拨款 + 上年结转资金 + 其他资金），填报为 866.48',
          explanation: '876.48 = 800 + 66.48 + 10',
          inputs: ['附件3!D5', '附件3!D6', '附件3!D7', '附件3!D8'],
        },
      ],
    },
    {
      name: 'a wrong 年度资金总额 on the 项目支出 form is shown, never rewritten by 一键重算',
      base: 'project',
      edits: [['项目支出绩效自评表!D7', 120]],
      findings: [
        {
          // 120 + 10 + 0 = 130.00 ≠ 120 (全年预算数 column; 年初 and 执行 still add up)
          messageId: 'wrong',
          severity: 'error',
          sheet: '项目支出绩效自评表',
          cell: 'D6',
          entered: '120',
          expected: '130.00',
          message: '年度资金总额（全年预算数）应为 130.00（当年财政拨款 + 上年结转资金 + 其他资金），填报为 120',
          explanation: '130.00 = 120 + 10 + 0',
          inputs: ['项目支出绩效自评表!D6', '项目支出绩效自评表!D7', '项目支出绩效自评表!D8', '项目支出绩效自评表!D9'],
        },
      ],
    },
  ],
});

export const indicatorScore = ruleTable({
  rule: 'selfeval.indicator-score',
  valid: [
    { name: 'seed 004 as the rules give it', base: 'consistent' },
    { name: '`90%以上` is a target of at least 90%', base: 'consistent', edits: [['附件3!E19', '90%以上']] },
    // Read as amounts, 0.5 of 1 (or 5 of 10) would score 5 by proportion; as time limits they are met early.
    { name: 'a duration named as a time is a time limit, whatever its 二级指标', base: 'consistent', edits: [['附件3!C17', '质量指标'], ['附件3!E17', '1年'], ['附件3!F17', '0.5年']] },
    { name: '个工作日 is always a time limit', base: 'consistent', edits: [['附件3!E16', '10个工作日'], ['附件3!F16', '5个工作日']] },
  ],
  invalid: [
    {
      name: 'a target short of met, scored off the proportion',
      base: 'consistent',
      edits: [['附件3!H14', 8], ['附件3!H21', 94.74]],
      findings: [
        {
          // 33 ÷ 40 × 10 = 8.25
          messageId: 'proportional',
          severity: 'warning',
          sheet: '附件3',
          cell: 'H14',
          entered: '8',
          expected: '8.25',
          message: '“全年签约引进项目”按完成比例得分应为 8.25（33 ÷ 40 × 10），填报为 8',
          explanation: '8.25 = 33 ÷ 40 × 10',
          inputs: ['附件3!E14', '附件3!F14', '附件3!G14'],
          suggestion: { value: '8.25', percent: false },
        },
      ],
    },
    {
      name: 'a target met, not scored in full',
      base: 'consistent',
      edits: [['附件3!H19', 9], ['附件3!H21', 93.99], ['附件3!I19', '满意度调查中部分企业提出改进意见']],
      findings: [
        {
          // 98% ≥ 90%: full marks 10
          messageId: 'met',
          severity: 'warning',
          sheet: '附件3',
          cell: 'H19',
          entered: '9',
          expected: '10.00',
          message: '“满意度”已完成指标（完成值 98% ≥ 指标值 90%，得满分 10），得分应为 10.00，填报为 9',
          explanation: '10.00：完成值 98% ≥ 指标值 90%，得满分 10',
          inputs: ['附件3!E19', '附件3!F19', '附件3!G19'],
          suggestion: { value: '10.00', percent: false },
        },
      ],
    },
    {
      name: 'a cost indicator (reverse) scored above the proportion',
      base: 'consistent',
      edits: [['附件3!H20', 19], ['附件3!H21', 97.15]],
      findings: [
        {
          // 262.07 ÷ 311.22 × 20 = 16.8414… → 16.84
          messageId: 'proportionalReverse',
          severity: 'warning',
          sheet: '附件3',
          cell: 'H20',
          entered: '19',
          expected: '16.84',
          message: '“基本支出预算成本”为反向指标（越低越好），按完成比例得分应为 16.84（262.07 ÷ 311.22 × 20），填报为 19',
          explanation: '16.84 = 262.07 ÷ 311.22 × 20',
          inputs: ['附件3!E20', '附件3!F20', '附件3!G20'],
          suggestion: { value: '16.84', percent: false },
        },
      ],
    },
    {
      name: 'a blank 得分 is reported with the score',
      base: 'consistent',
      edits: [['附件3!H15', null], ['附件3!H21', 84.99]],
      findings: [
        {
          messageId: 'met',
          severity: 'warning',
          sheet: '附件3',
          cell: 'H15',
          entered: null,
          expected: '10.00',
          message: '“小分队招商”已完成指标（完成值 18 ≥ 指标值 16，得满分 10），得分应为 10.00，填报为 空',
          explanation: '10.00：完成值 18 ≥ 指标值 16，得满分 10',
          inputs: ['附件3!E15', '附件3!F15', '附件3!G15'],
          suggestion: { value: '10.00', percent: false },
        },
      ],
    },
    {
      name: 'a time that is an amount (培训时间 40小时) is scored by proportion',
      base: 'consistent',
      edits: [['附件3!D16', '培训时间'], ['附件3!E16', '40小时'], ['附件3!F16', '32小时']],
      findings: [
        {
          // 32 ÷ 40 × 10 = 8.00
          messageId: 'proportional',
          severity: 'warning',
          sheet: '附件3',
          cell: 'H16',
          entered: '10',
          expected: '8.00',
          message: '“培训时间”按完成比例得分应为 8.00（32 ÷ 40 × 10），填报为 10',
          explanation: '8.00 = 32 ÷ 40 × 10',
          inputs: ['附件3!E16', '附件3!F16', '附件3!G16'],
          suggestion: { value: '8.00', percent: false },
        },
      ],
    },
    {
      name: 'training hours (培训时长) stay an amount',
      base: 'consistent',
      edits: [['附件3!D16', '培训时长'], ['附件3!E16', '40小时'], ['附件3!F16', '30小时']],
      findings: [
        {
          // 30 ÷ 40 × 10 = 7.50
          messageId: 'proportional',
          severity: 'warning',
          sheet: '附件3',
          cell: 'H16',
          entered: '10',
          expected: '7.50',
          message: '“培训时长”按完成比例得分应为 7.50（30 ÷ 40 × 10），填报为 10',
          explanation: '7.50 = 30 ÷ 40 × 10',
          inputs: ['附件3!E16', '附件3!F16', '附件3!G16'],
          suggestion: { value: '7.50', percent: false },
        },
      ],
    },
    {
      // docs/families.md T5 as published: 得分系数 100% does not excuse 政府采购执行率 72.74% of 100%: 2 × 72.74% = 1.45
      name: "Chongqing T5: 100% 得分系数 on a target met at 72.74%",
      base: 'chongqing',
      edits: [[`${CQ}!F11`, '72.74%']],
      findings: [
        {
          messageId: 'proportional',
          severity: 'warning',
          sheet: CQ,
          cell: 'I11',
          entered: '2',
          expected: '1.45',
          message: '“政府采购执行率”按完成比例得分应为 1.45（72.74% ÷ 100% × 2），填报为 2',
          explanation: '1.45 = 72.74% ÷ 100% × 2',
          inputs: [`${CQ}!D11`, `${CQ}!F11`, `${CQ}!H11`],
          suggestion: { value: '1.45', percent: false },
        },
      ],
    },
  ],
});

export const scoreBounds = ruleTable({
  rule: 'selfeval.score-bounds',
  valid: [{ name: 'seed 004: every score within 0…分值', base: 'consistent' }],
  invalid: [
    {
      name: 'a score above 分值 on a target met: the suggestion is the full score',
      base: 'consistent',
      edits: [['附件3!H15', 12], ['附件3!H21', 96.99]],
      findings: [
        {
          messageId: 'above',
          severity: 'error',
          sheet: '附件3',
          cell: 'H15',
          entered: '12',
          expected: '10.00',
          message: '“小分队招商”得分 12 超过分值 10',
          explanation: '0 ≤ 得分 ≤ 分值 10',
          inputs: ['附件3!G15'],
          suggestion: { value: '10.00', percent: false },
        },
      ],
    },
    {
      name: "a score above 分值 on a proportional row: the suggestion is the rule's score, not the bound",
      base: 'consistent',
      edits: [['附件3!H14', 12], ['附件3!H21', 98.74]], // 94.99 − 8.25 + 12
      findings: [
        {
          // bound 10.00; the rule gives 33 ÷ 40 × 10 = 8.25
          messageId: 'above',
          severity: 'error',
          sheet: '附件3',
          cell: 'H14',
          entered: '12',
          expected: '10.00',
          message: '“全年签约引进项目”得分 12 超过分值 10',
          explanation: '0 ≤ 得分 ≤ 分值 10',
          inputs: ['附件3!G14'],
          suggestion: { value: '8.25', percent: false },
        },
      ],
    },
    {
      name: 'a negative score',
      base: 'consistent',
      edits: [['附件3!H14', -1], ['附件3!H21', 85.74]], // 94.99 − 8.25 − 1
      findings: [
        {
          messageId: 'negative',
          severity: 'error',
          sheet: '附件3',
          cell: 'H14',
          entered: '-1',
          expected: '0.00',
          message: '“全年签约引进项目”得分 -1 小于 0',
          explanation: '0 ≤ 得分 ≤ 分值 10',
          inputs: ['附件3!G14'],
          suggestion: { value: '8.25', percent: false },
        },
      ],
    },
    {
      name: 'an execution score above its 分值: the suggestion is 10 × 98.99%',
      base: 'consistent',
      edits: [['附件3!H5', 11], ['附件3!H21', 96.09]], // 94.99 − 9.9 + 11
      findings: [
        {
          messageId: 'above',
          severity: 'error',
          sheet: '附件3',
          cell: 'H5',
          entered: '11',
          expected: '10.00',
          message: '预算执行率得分 11 超过分值 10',
          explanation: '0 ≤ 得分 ≤ 分值 10',
          inputs: ['附件3!F5'],
          suggestion: { value: '9.90', percent: false },
        },
      ],
    },
  ],
});

export const levelWeight = ruleTable({
  rule: 'selfeval.level-weight',
  valid: [
    { name: 'seed 004: 产出指标 (40分) = 10 + 10 + 10 + 10', base: 'consistent' },
    { name: 'a 指标评分表: 投 入(15分) = 5 + 5 + 5', base: 'scoreTable' },
  ],
  invalid: [
    {
      name: 'a level label declaring another sum',
      base: 'consistent',
      edits: [['附件3!B14', '产出指标(45分)']],
      findings: [
        {
          // 10 + 10 + 10 + 10 = 40.00 at max(2, 0) decimals
          messageId: 'mismatch',
          severity: 'error',
          sheet: '附件3',
          cell: 'B14',
          entered: '45',
          expected: '40.00',
          message: '一级指标“产出指标”标注 45 分，其下指标分值合计 40.00',
          explanation: '40.00 = 10 + 10 + 10 + 10',
          inputs: ['附件3!G14', '附件3!G15', '附件3!G16', '附件3!G17'],
        },
      ],
    },
    {
      name: 'a 指标评分表 level label declaring another sum',
      base: 'scoreTable',
      edits: [['指标评分表!A4', '投 入(20分)']],
      findings: [
        {
          messageId: 'mismatch',
          severity: 'error',
          sheet: '指标评分表',
          cell: 'A4',
          entered: '20',
          expected: '15.00',
          // the level's name as the locator reads labels: spaces inside dropped
          message: '一级指标“投入”标注 20 分，其下指标分值合计 15.00',
          explanation: '15.00 = 5 + 5 + 5',
          inputs: ['指标评分表!E4', '指标评分表!E5', '指标评分表!E6'],
        },
      ],
    },
  ],
});

export const standardWeights = ruleTable({
  rule: 'selfeval.standard-weights',
  valid: [
    { name: 'the 项目支出 form at 产出 50, 效益 30, 满意度 10, 执行率 10', base: 'project' },
    { name: 'the department form has no standard weights', base: 'consistent' },
    {
      name: 'a 项目支出 table with other 一级指标 (成本 as a level of its own) is left to its own scheme',
      base: 'project',
      edits: [['项目支出绩效自评表!B16', '成本指标'], ['项目支出绩效自评表!C16', '经济成本指标']],
    },
  ],
  invalid: [
    {
      name: '预算执行率 worth 20 and 产出 40 on the 项目支出 form',
      base: 'project',
      // 执行率 95%: 20 × 95% = 19; 产出 10 + 15 + 15 = 40; 总分 19 + 10 + 15 + 15 + 30 + 10 = 99
      edits: [['项目支出绩效自评表!F6', 20], ['项目支出绩效自评表!H6', 19], ['项目支出绩效自评表!G13', 10], ['项目支出绩效自评表!H13', 10], ['项目支出绩效自评表!H18', 99]],
      findings: [
        {
          messageId: 'execution',
          severity: 'warning',
          sheet: '项目支出绩效自评表',
          cell: 'F6',
          entered: '20',
          expected: '10.00',
          message: '预算执行率分值为 20，财预〔2020〕10号规定原则上为 10 分',
          explanation: '标准权重：预算执行率 10，产出 50，效益 30，满意度 10',
          inputs: ['项目支出绩效自评表!F6'],
        },
        {
          messageId: 'level',
          severity: 'warning',
          sheet: '项目支出绩效自评表',
          cell: 'B13',
          entered: '40.00',
          expected: '50.00',
          message: '一级指标“产出指标”下各指标分值合计 40.00，财预〔2020〕10号规定原则上为 50 分',
          explanation: '40.00 = 10 + 15 + 15',
          inputs: ['项目支出绩效自评表!G13', '项目支出绩效自评表!G14', '项目支出绩效自评表!G15'],
        },
      ],
    },
  ],
});

export const weightTotal = ruleTable({
  rule: 'selfeval.weight-total',
  valid: [
    { name: 'seed 004: 10 + 10 + 10 + 10 + 10 + 20 + 10 + 20 = 100', base: 'consistent' },
    { name: 'a 指标评分表: 5 + 5 + 5 = 15', base: 'scoreTable' },
  ],
  invalid: [
    {
      name: '总分 row 分值 not the sum',
      base: 'consistent',
      edits: [['附件3!G21', 90]],
      findings: [
        {
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件3',
          cell: 'G21',
          entered: '90',
          expected: '100.00',
          message: `总分行的分值应为 100.00（预算执行率分值 + ${NAMES}），填报为 90`,
          explanation: '100.00 = 10 + 10 + 10 + 10 + 10 + 20 + 10 + 20',
          inputs: ['附件3!G21', ...WEIGHTS],
        },
      ],
    },
    {
      name: '合计 row 分值 of a 指标评分表 not the sum',
      base: 'scoreTable',
      edits: [['指标评分表!E7', 20]],
      findings: [
        {
          messageId: 'wrong',
          severity: 'error',
          sheet: '指标评分表',
          cell: 'E7',
          entered: '20',
          expected: '15.00',
          message: '合计行的分值应为 15.00（在职人员控制率 + "三公经费"控制率 + 公用经费控制率），填报为 20',
          explanation: '15.00 = 5 + 5 + 5',
          inputs: ['指标评分表!E7', '指标评分表!E4', '指标评分表!E5', '指标评分表!E6'],
        },
      ],
    },
  ],
});

export const totalScore = ruleTable({
  rule: 'selfeval.total-score',
  valid: [
    { name: 'seed 004: 总分 94.99 = Σ 得分', base: 'consistent' },
    { name: 'a total off by rounding only is value.rounding’s', base: 'consistent', edits: [['附件3!H21', 95]] },
  ],
  invalid: [
    {
      name: '总分 not the sum of the scores',
      base: 'consistent',
      edits: [['附件3!H21', 96]],
      findings: [
        {
          // 9.9 + 8.25 + 10 + 10 + 10 + 20 + 10 + 16.84 = 94.99; 96 − 94.99 = 1.01 > 0.045
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件3',
          cell: 'H21',
          entered: '96',
          expected: '94.99',
          message: `总分应为 94.99（预算执行得分 + ${NAMES}），填报为 96`,
          explanation: '94.99 = 9.9 + 8.25 + 10 + 10 + 10 + 20 + 10 + 16.84',
          inputs: ['附件3!H21', ...SCORES],
          suggestion: { value: '94.99', percent: false },
        },
      ],
    },
    {
      // A 110-point form: the indicators' 分值 add to 100 beside the execution row's 10, the 总分 row says 100.
      // The points are fixed (RULES.md): the sum is said, never proposed while Σ 分值 ≠ the points.
      name: '总分 wrong on a form whose 分值 add up to 110: no suggestion',
      base: 'consistent',
      edits: [
        ['附件3!G14', 20],
        ['附件3!H21', 90],
      ],
      findings: [
        {
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件3',
          cell: 'H21',
          entered: '90',
          expected: '94.99',
          message: `总分应为 94.99（预算执行得分 + ${NAMES}），填报为 90`,
          explanation: '94.99 = 9.9 + 8.25 + 10 + 10 + 10 + 20 + 10 + 16.84',
          inputs: ['附件3!H21', ...SCORES],
        },
      ],
    },
    {
      name: 'a blank execution 得分 counts 0 in 总分',
      base: 'consistent',
      edits: [['附件3!H5', null]],
      findings: [
        {
          // 0 + 8.25 + 10 + 10 + 10 + 20 + 10 + 16.84 = 85.09; 94.99 − 85.09 = 9.9 > 0.045
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件3',
          cell: 'H21',
          entered: '94.99',
          expected: '85.09',
          message: `总分应为 85.09（预算执行得分 + ${NAMES}），填报为 94.99`,
          explanation: '85.09 = 0 + 8.25 + 10 + 10 + 10 + 20 + 10 + 16.84',
          inputs: ['附件3!H21', ...SCORES],
          suggestion: { value: '85.09', percent: false },
        },
      ],
    },
    {
      name: '合计得分 of a 指标评分表 not the sum',
      base: 'scoreTable',
      edits: [['指标评分表!F7', 16]],
      findings: [
        {
          messageId: 'wrong',
          severity: 'error',
          sheet: '指标评分表',
          cell: 'F7',
          entered: '16',
          expected: '15.00',
          message: '合计得分应为 15.00（在职人员控制率 + "三公经费"控制率 + 公用经费控制率），填报为 16',
          explanation: '15.00 = 5 + 5 + 5',
          inputs: ['指标评分表!F7', '指标评分表!F4', '指标评分表!F5', '指标评分表!F6'],
          suggestion: { value: '15.00', percent: false },
        },
      ],
    },
  ],
});

export const recomputedTotal = ruleTable({
  rule: 'selfeval.recomputed-total',
  valid: [
    { name: 'seed 004 as the rules give it', base: 'consistent' },
    { name: 'a total that does not add up is total-score’s', base: 'consistent', edits: [['附件3!H21', 96]] },
  ],
  invalid: [
    {
      name: 'a total that adds up the entered scores, one of them off the rule',
      base: 'consistent',
      edits: [['附件3!H14', 8], ['附件3!H21', 94.74]], // 94.99 − 8.25 + 8
      findings: [
        {
          messageId: 'recomputed',
          severity: 'info',
          sheet: '附件3',
          cell: 'H21',
          entered: '94.74',
          expected: '94.99',
          message: '填报总分 94.74；按规则重算各项得分后总分为 94.99',
          explanation: '94.99 = 预算执行得分 + 各指标重算得分（定性指标按填报得分计）',
          inputs: [
            '附件3!D5', '附件3!E5', '附件3!F5',
            ...[14, 15, 16, 17, 18, 19, 20].flatMap((r) => [`附件3!E${r}`, `附件3!F${r}`, `附件3!G${r}`, `附件3!H${r}`]),
          ],
        },
      ],
    },
  ],
});

export const missingReason = ruleTable({
  rule: 'selfeval.missing-reason',
  valid: [
    { name: 'seed 004: the short score (8.25 of 10) has its reason', base: 'consistent' },
    { name: 'a target met, scored in full, needs none', base: 'consistent', edits: [['附件3!F15', 20]] },
  ],
  invalid: [
    {
      name: 'a score below 分值 without a reason',
      base: 'consistent',
      edits: [['附件3!H19', 9], ['附件3!H21', 93.99]],
      findings: [
        {
          messageId: 'missing',
          severity: 'warning',
          sheet: '附件3',
          cell: 'I19',
          entered: null,
          expected: null,
          message: '“满意度”得分 9 低于分值 10，未填写偏差原因分析及改进措施',
          explanation: '得分 9 < 分值 10',
          inputs: ['附件3!H19', '附件3!G19'],
        },
      ],
    },
    {
      name: 'an unmet target scored in full still needs its cause',
      base: 'consistent',
      edits: [['附件3!F15', 12]],
      findings: [
        {
          // 12 < 16: the proportion would give 12 ÷ 16 × 10
          messageId: 'unmetTarget',
          severity: 'warning',
          sheet: '附件3',
          cell: 'I15',
          entered: null,
          expected: null,
          message: '“小分队招商”未完成指标值（12 ÷ 16 × 10），得分 10 仍为满分，未填写偏差原因分析及改进措施',
          explanation: '完成值未达到指标值：12 ÷ 16 × 10',
          inputs: ['附件3!E15', '附件3!F15', '附件3!H15'],
        },
      ],
    },
    {
      name: 'a 指标评分表 deduction without its reason (扣分原因)',
      base: 'scoreTable',
      edits: [['指标评分表!F4', 4], ['指标评分表!F7', 14]],
      findings: [
        {
          messageId: 'missingDeduction',
          severity: 'warning',
          sheet: '指标评分表',
          cell: 'G4',
          entered: null,
          expected: null,
          message: '“在职人员控制率”得分 4 低于分值 5，未填写扣分原因',
          explanation: '得分 4 < 分值 5',
          inputs: ['指标评分表!F4', '指标评分表!E4'],
        },
      ],
    },
  ],
});

export const grade = ruleTable({
  rule: 'selfeval.grade',
  valid: [
    { name: 'no grade stated', base: 'consistent' },
    { name: '优 stated for 94.99', base: 'consistent', edits: [['附件3!A22', '评价等次'], ['附件3!B22', '优']] },
    { name: '优 stated for a total that shows 90.00 (89.999 formatted 0.00)', base: 'consistent', edits: [['附件3!A22', '评价等次'], ['附件3!B22', '优'], ['附件3!H21', { value: 89.999, numFmt: '0.00' }]] },
  ],
  invalid: [
    {
      name: '良 stated for 94.99',
      base: 'consistent',
      edits: [['附件3!A22', '评价等次'], ['附件3!B22', '良']],
      findings: [
        {
          messageId: 'mismatch',
          severity: 'error',
          sheet: '附件3',
          cell: 'B22',
          entered: '良',
          expected: '优',
          message: '评价等次填为“良”，总分 94.99 对应“优”',
          explanation: '优 ≥ 90；良 80–90；中 60–80；差 < 60（总分 94.99）',
          inputs: ['附件3!H21'],
        },
      ],
    },
    {
      name: '优 stated for a total that shows 89.999 (General format): judged on the total as shown',
      base: 'consistent',
      edits: [['附件3!A22', '评价等次'], ['附件3!B22', '优'], ['附件3!H21', 89.999]],
      findings: [
        {
          messageId: 'mismatch',
          severity: 'error',
          sheet: '附件3',
          cell: 'B22',
          entered: '优',
          expected: '良',
          message: '评价等次填为“优”，总分 89.999 对应“良”',
          explanation: '优 ≥ 90；良 80–90；中 60–80；差 < 60（总分 89.999）',
          inputs: ['附件3!H21'],
        },
      ],
    },
  ],
});

const JUDGED = '定性指标（指标值为文字），按评价人判断分档打分，不重算';

export const qualitative = ruleTable({
  rule: 'selfeval.qualitative',
  valid: [
    { name: 'seed 004: 1年 done in 1年 is a deadline met, scored', base: 'consistent' },
    { name: 'a deadline met in time scores full marks', base: 'consistent', edits: [['附件3!E17', '12月底前'], ['附件3!F17', '11月']] },
    { name: 'an on-time target met (按时 / 按时完成)', base: 'consistent', edits: [['附件3!E17', '按时'], ['附件3!F17', '按时完成']] },
  ],
  invalid: [
    {
      name: 'a text target',
      base: 'consistent',
      edits: [['附件3!E17', '较好'], ['附件3!F17', '好']],
      findings: [
        {
          // 10 ÷ 10 = 100%: the first band
          messageId: 'judgedInBand',
          severity: 'info',
          sheet: '附件3',
          cell: 'H17',
          entered: '10',
          expected: null,
          message: `“完成时间”：${JUDGED}，得分 10 在第一档（80%–100%）`,
          explanation: JUDGED,
          inputs: ['附件3!E17', '附件3!F17', '附件3!G17'],
        },
      ],
    },
    {
      name: 'a deadline missed is left to judgment',
      base: 'consistent',
      edits: [['附件3!E17', '6月底前'], ['附件3!F17', '2023年8月'], ['附件3!H17', 7], ['附件3!I17', '受疫情影响延期'], ['附件3!H21', 91.99]],
      findings: [
        {
          // 7 ÷ 10 = 70%: the second band
          messageId: 'judgedInBand',
          severity: 'info',
          sheet: '附件3',
          cell: 'H17',
          entered: '7',
          expected: null,
          message: '“完成时间”：时效指标完成时间“2023年8月”晚于或无法对照指标“6月底前”，按评价人判断打分，不重算，得分 7 在第二档（60%–80%）',
          explanation: '时效指标完成时间“2023年8月”晚于或无法对照指标“6月底前”，按评价人判断打分，不重算',
          inputs: ['附件3!E17', '附件3!F17', '附件3!G17'],
        },
      ],
    },
    {
      name: 'a text target with its score blank',
      base: 'consistent',
      edits: [['附件3!E17', '较好'], ['附件3!F17', '好'], ['附件3!H17', null], ['附件3!I17', '待评价'], ['附件3!H21', 84.99]],
      findings: [
        {
          messageId: 'judged',
          severity: 'info',
          sheet: '附件3',
          cell: 'H17',
          entered: null,
          expected: null,
          message: `“完成时间”：${JUDGED}`,
          explanation: JUDGED,
          inputs: ['附件3!E17', '附件3!F17', '附件3!G17'],
        },
      ],
    },
    {
      name: 'a deadline passed into the next year is late',
      base: 'consistent',
      edits: [['附件3!E17', '12月底前'], ['附件3!F17', '2024年1月']],
      findings: [
        {
          // the form's year is 2023: 2024年1月 is after 12月底前; 10 ÷ 10 = 100%: the first band
          messageId: 'judgedInBand',
          severity: 'info',
          sheet: '附件3',
          cell: 'H17',
          entered: '10',
          expected: null,
          message: '“完成时间”：时效指标完成时间“2024年1月”晚于或无法对照指标“12月底前”，按评价人判断打分，不重算，得分 10 在第一档（80%–100%）',
          explanation: '时效指标完成时间“2024年1月”晚于或无法对照指标“12月底前”，按评价人判断打分，不重算',
          inputs: ['附件3!E17', '附件3!F17', '附件3!G17'],
        },
      ],
    },
    {
      name: 'negative figures are not scored by proportion (positive indicator)',
      base: 'consistent',
      edits: [['附件3!E14', -5], ['附件3!F14', -10]],
      findings: [
        {
          // −10 < −5: not met, and a ratio of negatives means nothing; 8.25 ÷ 10 = 82.5%: the first band
          messageId: 'judgedInBand',
          severity: 'info',
          sheet: '附件3',
          cell: 'H14',
          entered: '8.25',
          expected: null,
          message: '“全年签约引进项目”：指标值为负数，无法按完成比例计算，得分 8.25 在第一档（80%–100%）',
          explanation: '指标值为负数，无法按完成比例计算',
          inputs: ['附件3!E14', '附件3!F14', '附件3!G14'],
        },
      ],
    },
    {
      name: 'a negative target of a cost indicator (reverse) is not scored by proportion',
      base: 'consistent',
      edits: [['附件3!E20', '≤-5'], ['附件3!F20', -3]],
      findings: [
        {
          // −3 > −5: not met; 16.84 ÷ 20 = 84.2%: the first band
          messageId: 'judgedInBand',
          severity: 'info',
          sheet: '附件3',
          cell: 'H20',
          entered: '16.84',
          expected: null,
          message: '“基本支出预算成本”：指标值或完成值为负数，无法按完成比例计算，得分 16.84 在第一档（80%–100%）',
          explanation: '指标值或完成值为负数，无法按完成比例计算',
          inputs: ['附件3!E20', '附件3!F20', '附件3!G20'],
        },
      ],
    },
  ],
});

export const unitMismatch = ruleTable({
  rule: 'selfeval.unit-mismatch',
  valid: [
    { name: 'seed 004: 9.33亿元 against 10.09亿元', base: 'consistent' },
    { name: 'a unit shown by the number format counts', base: 'consistent', edits: [['附件3!F18', { value: 10.09, numFmt: '0.00"亿元"' }]] },
  ],
  invalid: [
    {
      name: '亿元 against 万元',
      base: 'consistent',
      edits: [['附件3!F18', '100900万元']],
      findings: [
        {
          messageId: 'mismatch',
          severity: 'info',
          sheet: '附件3',
          cell: 'F18',
          entered: '100900',
          expected: null,
          message: '“年度进出口总额”指标值单位为“亿元”，完成值单位为“万元”，单位不一致，未重算得分',
          explanation: '单位一致时才比较指标值与完成值',
          inputs: ['附件3!E18', '附件3!F18'],
        },
      ],
    },
  ],
});

export const scoreCoefficient = ruleTable({
  rule: 'selfeval.score-coefficient',
  valid: [
    { name: "Chongqing's form as the rules give it", base: 'chongqing' },
    { name: 'a coefficient typed as 1 is 100%, one typed as 80 under 得分系数(%) is 80%', base: 'chongqing', edits: [[`${CQ}!G8`, 1], [`${CQ}!G9`, 80], [`${CQ}!I9`, 1.6], [`${CQ}!B4`, 97.2], [`${CQ}!I17`, 97.2]] },
    // T5 as published: 100% on 政府采购执行率 72.74% is the indicator rule's warning, not an arithmetic error.
    { name: 'a coefficient of 100% on a target met at 72.74% (the indicator rule warns)', base: 'chongqing', edits: [[`${CQ}!F11`, '72.74%']] },
  ],
  invalid: [
    {
      name: 'a score that is not 分值 × 得分系数',
      base: 'chongqing',
      edits: [[`${CQ}!G8`, '80%']],
      findings: [
        {
          // 2 × 80% = 1.60
          messageId: 'wrong',
          severity: 'error',
          sheet: CQ,
          cell: 'I8',
          entered: '2',
          expected: '1.60',
          message: '“财政供养人员控制率”得分应为 1.60（分值 2 × 得分系数 80%），填报为 2',
          explanation: '1.60 = 2 × 80%',
          inputs: [`${CQ}!H8`, `${CQ}!G8`],
        },
      ],
    },
    {
      name: 'a coefficient typed in % units without the sign',
      base: 'chongqing',
      edits: [[`${CQ}!G9`, 50]],
      findings: [
        {
          // 2 × 50% = 1.00
          messageId: 'wrong',
          severity: 'error',
          sheet: CQ,
          cell: 'I9',
          entered: '2',
          expected: '1.00',
          message: '“预算调整率”得分应为 1.00（分值 2 × 得分系数 50（50.00%）），填报为 2',
          explanation: '1.00 = 2 × 50（50.00%）',
          inputs: [`${CQ}!H9`, `${CQ}!G9`],
        },
      ],
    },
  ],
});

export const SELFEVAL_TABLES: readonly AnyRuleTable[] = [
  scoreCoefficient,
  executionRate,
  executionScore,
  executionOverspend,
  fundsBreakdown,
  indicatorScore,
  scoreBounds,
  levelWeight,
  standardWeights,
  weightTotal,
  totalScore,
  recomputedTotal,
  missingReason,
  grade,
  qualitative,
  unitMismatch,
];
