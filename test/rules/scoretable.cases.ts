/**
 * RuleTester tables of the 指标评分表 rules, on a 指标评分表 beside seed 004's 基础数据表 (see
 * test/support/rule-bases.ts): 在职人员控制率 (row 4), "三公经费"控制率 (5), 公用经费控制率 (6),
 * each 分值 5 (E), 自评得分 5 (F), 扣分原因 (G), under "≤100%,计5分;每超过一个百分点扣0.5分"; 合计 row 7.
 */
import { ruleTable, type AnyRuleTable } from '../support/rule-tester';

const STAFF_CRITERION = '在职人员控制率≤100%,计5分;每超过一个百分点扣0.5分,扣完为止';
/** 附件2 with 15 in post for 14 posts: 15 ÷ 14 = 107.142…% → 107.14%, 7.14 points over 100%. */
const OVER_QUOTA = [['附件2!D4', 15], ['附件2!F4', '107.14%']] as const;
const STAFF_FIGURE = '在职人员控制率 = 实际在职人数 15 ÷ 编制数 14 = 107.14%';

export const criterionScore = ruleTable({
  rule: 'scoretable.criterion-score',
  valid: [
    { name: '100.00% ≤ 100%: full marks 5', base: 'scoreTable' },
    { name: '107.14% with the proportional deduction entered', base: 'scoreTable', edits: [...OVER_QUOTA, ['指标评分表!F4', 1.43], ['指标评分表!G4', '超编1人'], ['指标评分表!F7', 11.43]] },
  ],
  invalid: [
    {
      name: 'full marks entered where the wording deducts',
      base: 'scoreTable',
      edits: [...OVER_QUOTA],
      findings: [
        {
          // 5 − 0.5 × (107.14 − 100) = 5 − 3.57 = 1.43
          messageId: 'differs',
          severity: 'warning',
          sheet: '指标评分表',
          cell: 'F4',
          entered: '5',
          expected: '1.43',
          message: `“在职人员控制率”按评分标准得分应为 1.43（${STAFF_FIGURE}；5 − 0.5 × (107.14 − 100) = 1.43），填报为 5`,
          explanation: `${STAFF_FIGURE}；5 − 0.5 × (107.14 − 100) = 1.43（评分标准：${STAFF_CRITERION}）`,
          inputs: ['附件2!D4', '附件2!B4', '指标评分表!E4'],
          suggestion: { value: '1.43', percent: false },
        },
      ],
    },
    {
      name: 'the score of the other per-point reading (whole points) is info',
      base: 'scoreTable',
      edits: [...OVER_QUOTA, ['指标评分表!F4', 1.5], ['指标评分表!G4', '超编1人'], ['指标评分表!F7', 11.5]],
      findings: [
        {
          // whole points: 5 − 0.5 × ⌊7.14⌋ = 1.5; the profile's proportional reading gives 1.43
          messageId: 'otherReading',
          severity: 'info',
          sheet: '指标评分表',
          cell: 'F4',
          entered: '1.5',
          expected: '1.43',
          message: `“在职人员控制率”填报 1.5 与评分标准的另一种读法“按满一个百分点计扣”相符（规则配置项 scoring.perPoint）；按当前配置得分为 1.43（${STAFF_FIGURE}；5 − 0.5 × (107.14 − 100) = 1.43）`,
          explanation: `${STAFF_FIGURE}；5 − 0.5 × (107.14 − 100) = 1.43（评分标准：${STAFF_CRITERION}）`,
          inputs: ['附件2!D4', '附件2!B4', '指标评分表!E4'],
          suggestion: { value: '1.43', percent: false },
        },
      ],
    },
    {
      name: 'a figure the 基础数据表 does not give',
      base: 'scoreTable',
      edits: [['指标评分表!C6', '预算完成率'], ['指标评分表!D6', '100%计满分,每低于5%扣2分,扣完为止']],
      findings: [
        {
          messageId: 'notComputable',
          severity: 'info',
          sheet: '指标评分表',
          cell: 'F6',
          entered: '5',
          expected: null,
          message:
            '“预算完成率”无法由工作簿重算得分：缺少上年结转和年末结余（预算完成率 =（上年结转 + 年初预算 + 本年追加 − 年末结余）÷（上年结转 + 年初预算 + 本年追加），基础数据表中没有），只核对得分范围',
          explanation: '缺少上年结转和年末结余（预算完成率 =（上年结转 + 年初预算 + 本年追加 − 年末结余）÷（上年结转 + 年初预算 + 本年追加），基础数据表中没有）',
          inputs: ['指标评分表!C6'],
        },
      ],
    },
  ],
});

export const criterionUnparsed = ruleTable({
  rule: 'scoretable.criterion-unparsed',
  valid: [{ name: 'every wording understood', base: 'scoreTable' }],
  invalid: [
    {
      name: 'a wording left to the evaluators',
      base: 'scoreTable',
      edits: [['指标评分表!D5', '由评价组酌情打分']],
      findings: [
        {
          messageId: 'unparsed',
          severity: 'info',
          sheet: '指标评分表',
          cell: 'D5',
          entered: '由评价组酌情打分',
          expected: null,
          message: '“"三公经费"控制率”的评分标准无法转为计算：评分标准含酌情扣分或综合评判，需人工判断；该行只核对得分范围',
          explanation: '评分标准：由评价组酌情打分',
          inputs: ['指标评分表!D5'],
        },
      ],
    },
  ],
});

export const SCORETABLE_TABLES: readonly AnyRuleTable[] = [criterionScore, criterionUnparsed];
