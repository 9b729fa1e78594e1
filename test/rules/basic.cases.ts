/**
 * RuleTester tables of the 基础数据表 (附件2) rules, on seed 004 made consistent. Seed 004's
 * 附件2: 编制数 B4 14, 在职 D4 14, 控制率 F4 100%; year columns B / D / F = 2022年决算数 /
 * 2023年预算数 / 2023年决算数; 三公经费 row 6 (17.33 / 7.86 / 7.86) = 公务用车 7 + 出国 10 +
 * 公务接待 11; 公车购置 8, 运行维护 9; 项目支出 12 = 业务工作经费 13 + 运行维护经费 14 (+ 专项 15);
 * 公用经费 16 (36.04 / 28.84 / 21.32) ⊇ 办公 17, 水电差旅 18, 会议培训 19; 楼堂馆所 row 23.
 * Every expectation is worked out by hand beside its case.
 */
import { ruleTable, type AnyRuleTable } from '../support/rule-tester';

export const staffControlRate = ruleTable({
  rule: 'basic.staff-control-rate',
  valid: [
    { name: 'seed 004 as the rules give it (14 ÷ 14 = 100%)', base: 'consistent' },
    { name: 'a rate typed as a bare number of percent', base: 'consistent', edits: [['附件2!F4', 100]] },
  ],
  invalid: [
    {
      name: 'a rate typed wrong',
      base: 'consistent',
      edits: [['附件2!F4', '90%']],
      findings: [
        {
          // 14 ÷ 14 = 100.00% at 2 decimals in % units (90% shows none: the minimum 2 applies).
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件2',
          cell: 'F4',
          entered: '0.90',
          expected: '1.0000',
          message: '财政供养人员控制率应为 100.00%（实际在职人数 ÷ 编制数），填报为 90%',
          explanation: '100.00% = 14 ÷ 14',
          inputs: ['附件2!D4', '附件2!B4'],
          suggestion: { value: '100.00', percent: true },
        },
      ],
    },
    {
      name: 'a blank 编制数 makes the rate not computable',
      base: 'consistent',
      edits: [['附件2!B4', null]],
      findings: [
        {
          messageId: 'notComputable',
          severity: 'info',
          sheet: '附件2',
          cell: 'F4',
          entered: '1.00', // 100%, no decimals shown
          expected: null,
          message: '财政供养人员控制率无法计算：编制数为空或为 0',
          explanation: '财政供养人员控制率 = 实际在职人数 ÷ 编制数',
          inputs: ['附件2!D4', '附件2!B4'],
        },
      ],
    },
  ],
});

export const staffOverQuota = ruleTable({
  rule: 'basic.staff-over-quota',
  valid: [
    { name: 'seed 004: 14 in post for 14 posts', base: 'consistent' },
    { name: 'fewer in post than posts', base: 'consistent', edits: [['附件2!D4', 13], ['附件2!F4', '92.86%']] }, // 13 ÷ 14 = 92.857%
  ],
  invalid: [
    {
      name: 'more in post than posts',
      base: 'consistent',
      edits: [['附件2!D4', 15], ['附件2!F4', '107.14%']], // 15 ÷ 14 = 107.142…%
      findings: [
        {
          messageId: 'overQuota',
          severity: 'warning',
          sheet: '附件2',
          cell: 'D4',
          entered: '15',
          expected: '14.00', // the 编制数 at the minimum 2 decimals
          message: '实际在职人数 15 超过编制数 14（超编 1 人）',
          explanation: '15 > 14',
          inputs: ['附件2!D4', '附件2!B4'],
        },
      ],
    },
  ],
});

export const threePublicSum = ruleTable({
  rule: 'basic.three-public-sum',
  valid: [
    { name: 'seed 004: 0 + 0 + 7.86 = 7.86', base: 'consistent' },
    { name: "parts with more decimals add up at the total's own decimals", base: 'consistent', edits: [['附件2!F11', 7.855]] }, // 7.855 → 7.86 at the total's 2 decimals
  ],
  invalid: [
    {
      name: '三公经费 (2023年决算数) does not add up',
      base: 'consistent',
      edits: [['附件2!F6', 8]],
      findings: [
        {
          // 0 + 0 + 7.86 = 7.86; 8 − 7.86 = 0.14 > 3 × 0.005 + 0.005 = 0.02 (not rounding)
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件2',
          cell: 'F6',
          entered: '8',
          expected: '7.86',
          message: '三公经费（2023年决算数）应为 7.86（公务用车购置和维护经费 + 出国经费 + 公务接待），填报为 8',
          explanation: '7.86 = 0 + 0 + 7.86',
          inputs: ['附件2!F6', '附件2!F7', '附件2!F10', '附件2!F11'],
          suggestion: { value: '7.86', percent: false },
        },
      ],
    },
    {
      name: 'a part (公务用车, 2022年决算数) changed: the total no longer adds up',
      base: 'consistent',
      edits: [['附件2!B7', 1]],
      findings: [
        {
          // 1 + 0 + 17.33 = 18.33; 18.33 − 17.33 = 1 > 0.02
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件2',
          cell: 'B6',
          entered: '17.33',
          expected: '18.33',
          message: '三公经费（2022年决算数）应为 18.33（公务用车购置和维护经费 + 出国经费 + 公务接待），填报为 17.33',
          explanation: '18.33 = 1 + 0 + 17.33',
          inputs: ['附件2!B6', '附件2!B7', '附件2!B10', '附件2!B11'],
          suggestion: { value: '18.33', percent: false },
        },
      ],
    },
  ],
});

export const vehicleSum = ruleTable({
  rule: 'basic.vehicle-sum',
  valid: [{ name: 'seed 004: 0 + 0 = 0 in every column', base: 'consistent' }],
  invalid: [
    {
      name: '公务用车 (2022年决算数) above its two parts',
      base: 'consistent',
      edits: [['附件2!B7', 1]],
      findings: [
        {
          // 0 + 0 = 0.00 at 2 decimals; 1 − 0 = 1 > 2 × 0.005 + 0.005
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件2',
          cell: 'B7',
          entered: '1',
          expected: '0.00',
          message: '公务用车购置和维护经费（2022年决算数）应为 0.00（公车购置 + 公车运行维护），填报为 1',
          explanation: '0.00 = 0 + 0',
          inputs: ['附件2!B7', '附件2!B8', '附件2!B9'],
          suggestion: { value: '0.00', percent: false },
        },
      ],
    },
  ],
});

export const projectSum = ruleTable({
  rule: 'basic.project-sum',
  valid: [{ name: 'seed 004: 231.78 + 0 = 231.78; 546.48 + 0 = 546.48', base: 'consistent' }],
  invalid: [
    {
      name: '项目支出 (2022年决算数) below its rows',
      base: 'consistent',
      edits: [['附件2!B12', 200]],
      findings: [
        {
          // 231.78 + 0 = 231.78 ≠ 200 (the 专项 row 15 is blank: a part that counts 0)
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件2',
          cell: 'B12',
          entered: '200',
          expected: '231.78',
          message: '项目支出（2022年决算数）应为 231.78（业务工作经费 + 运行维护经费 + 市级专项资金(一个专项一行)），填报为 200', // labels are read NFKC: full-width brackets become ASCII
          explanation: '231.78 = 231.78 + 0 + 0',
          inputs: ['附件2!B12', '附件2!B13', '附件2!B14', '附件2!B15'],
          suggestion: { value: '231.78', percent: false },
        },
      ],
    },
  ],
});

export const publicPartsExceed = ruleTable({
  rule: 'basic.public-parts-exceed',
  valid: [
    { name: 'seed 004: 1.17 + 0 + 0 ≤ 21.32', base: 'consistent' },
    { name: 'parts that are exactly the whole', base: 'consistent', edits: [['附件2!F17', 21.32]] },
  ],
  invalid: [
    {
      name: '其中 rows above 公用经费 (2023年决算数)',
      base: 'consistent',
      edits: [['附件2!F17', 30]],
      findings: [
        {
          // 30 + 0 + 0 = 30.00 > 21.32; decimals: max(2, 21.32's 2, parts' 0) = 2
          messageId: 'partsExceed',
          severity: 'error',
          sheet: '附件2',
          cell: 'F16',
          entered: '21.32',
          expected: '30.00',
          message: '公用经费（2023年决算数）填报为 21.32，小于其中各项之和 30.00（办公经费、水费、电费、差旅费、会议费、培训费）',
          explanation: '30.00 = 30 + 0 + 0 > 21.32',
          inputs: ['附件2!F16', '附件2!F17', '附件2!F18', '附件2!F19'],
        },
      ],
    },
  ],
});

export const threePublicOverspend = ruleTable({
  rule: 'basic.three-public-overspend',
  valid: [
    { name: 'seed 004: 决算 7.86 = 预算 7.86', base: 'consistent' },
    { name: 'spent less than budgeted', base: 'consistent', edits: [['附件2!F6', 7], ['附件2!F11', 7]] },
  ],
  invalid: [
    {
      name: '公务接待 and so 三公经费 spent above budget',
      base: 'consistent',
      edits: [['附件2!F11', 9], ['附件2!F6', 9]],
      findings: [
        {
          // 9 − 7.86 = 1.14
          messageId: 'overspend',
          severity: 'warning',
          sheet: '附件2',
          cell: 'F6',
          entered: '9',
          expected: '7.86',
          message: '三公经费本年决算数 9 超过本年预算数 7.86（超支 1.14）',
          explanation: '9 > 7.86',
          inputs: ['附件2!F6', '附件2!D6'],
        },
        {
          messageId: 'overspend',
          severity: 'warning',
          sheet: '附件2',
          cell: 'F11',
          entered: '9',
          expected: '7.86',
          message: '公务接待本年决算数 9 超过本年预算数 7.86（超支 1.14）',
          explanation: '9 > 7.86',
          inputs: ['附件2!F11', '附件2!D11'],
        },
      ],
    },
  ],
});

/** A 楼堂馆所 project row 23: 批复规模 B, 实际规模 C, 规模控制率 D, 预算投资 E, 实际投资 F, 投资概算控制率 G. */
export const buildingScaleRate = ruleTable({
  rule: 'basic.building-scale-rate',
  valid: [
    { name: 'seed 004: no building project', base: 'consistent' },
    { name: 'a project within its approved scale', base: 'consistent', edits: [['附件2!B23', 1000], ['附件2!C23', 950], ['附件2!D23', '95%']] },
  ],
  invalid: [
    {
      name: 'a project above its approved scale',
      base: 'consistent',
      edits: [['附件2!B23', 1000], ['附件2!C23', 1100], ['附件2!D23', '110%']],
      findings: [
        {
          // 1100 ÷ 1000 = 110.00% > 100%; entered 110% agrees
          messageId: 'overControl',
          severity: 'warning',
          sheet: '附件2',
          cell: 'D23',
          entered: '1.10',
          expected: '1.0000',
          message: '规模控制率 110.00% 超过 100%，超出控制',
          explanation: '实际规模 > 批复规模',
          inputs: ['附件2!C23', '附件2!B23'],
        },
      ],
    },
    {
      name: 'a 批复规模 of 0 makes the rate not computable',
      base: 'consistent',
      edits: [['附件2!B23', 0], ['附件2!C23', 1100], ['附件2!D23', '110%']],
      findings: [
        {
          messageId: 'notComputable',
          severity: 'info',
          sheet: '附件2',
          cell: 'D23',
          entered: '1.10',
          expected: null,
          message: '规模控制率无法计算：批复规模为空或为 0',
          explanation: '规模控制率 = 实际规模 ÷ 批复规模',
          inputs: ['附件2!C23', '附件2!B23'],
        },
      ],
    },
    {
      name: 'a rate typed wrong on a project above its scale',
      base: 'consistent',
      edits: [['附件2!B23', 1000], ['附件2!C23', 1100], ['附件2!D23', '100%']],
      findings: [
        {
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件2',
          cell: 'D23',
          entered: '1.00',
          expected: '1.1000',
          message: '规模控制率应为 110.00%（实际规模 ÷ 批复规模），填报为 100%',
          explanation: '110.00% = 1100 ÷ 1000',
          inputs: ['附件2!C23', '附件2!B23'],
          suggestion: { value: '110.00', percent: true },
        },
        {
          messageId: 'overControl',
          severity: 'warning',
          sheet: '附件2',
          cell: 'D23',
          entered: '1.00',
          expected: '1.0000',
          message: '规模控制率 110.00% 超过 100%，超出控制',
          explanation: '实际规模 > 批复规模',
          inputs: ['附件2!C23', '附件2!B23'],
        },
      ],
    },
  ],
});

export const buildingInvestRate = ruleTable({
  rule: 'basic.building-invest-rate',
  valid: [
    { name: 'seed 004: no building project', base: 'consistent' },
    { name: 'a project within its budget', base: 'consistent', edits: [['附件2!E23', 500], ['附件2!F23', 450], ['附件2!G23', '90%']] },
  ],
  invalid: [
    {
      name: 'an investment rate typed wrong',
      base: 'consistent',
      edits: [['附件2!E23', 500], ['附件2!F23', 450], ['附件2!G23', '80%']],
      findings: [
        {
          // 450 ÷ 500 = 90.00%
          messageId: 'wrong',
          severity: 'error',
          sheet: '附件2',
          cell: 'G23',
          entered: '0.80',
          expected: '0.9000',
          message: '投资概算控制率应为 90.00%（实际投资 ÷ 预算投资），填报为 80%',
          explanation: '90.00% = 450 ÷ 500',
          inputs: ['附件2!F23', '附件2!E23'],
          suggestion: { value: '90.00', percent: true },
        },
      ],
    },
    {
      name: 'a project above its budget',
      base: 'consistent',
      edits: [['附件2!E23', 500], ['附件2!F23', 550], ['附件2!G23', '110%']],
      findings: [
        {
          // 550 ÷ 500 = 110.00% > 100%
          messageId: 'overControl',
          severity: 'warning',
          sheet: '附件2',
          cell: 'G23',
          entered: '1.10',
          expected: '1.0000',
          message: '投资概算控制率 110.00% 超过 100%，超出控制',
          explanation: '实际投资 > 预算投资',
          inputs: ['附件2!F23', '附件2!E23'],
        },
      ],
    },
    {
      name: 'a 预算投资 of 0 makes the rate not computable',
      base: 'consistent',
      edits: [['附件2!E23', 0], ['附件2!F23', 450], ['附件2!G23', '90%']],
      findings: [
        {
          messageId: 'notComputable',
          severity: 'info',
          sheet: '附件2',
          cell: 'G23',
          entered: '0.90',
          expected: null,
          message: '投资概算控制率无法计算：预算投资为空或为 0',
          explanation: '投资概算控制率 = 实际投资 ÷ 预算投资',
          inputs: ['附件2!F23', '附件2!E23'],
        },
      ],
    },
  ],
});

export const BASIC_TABLES: readonly AnyRuleTable[] = [staffControlRate, staffOverQuota, threePublicSum, vehicleSum, projectSum, publicPartsExceed, threePublicOverspend, buildingScaleRate, buildingInvestRate];
