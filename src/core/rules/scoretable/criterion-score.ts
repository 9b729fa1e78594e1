import { defineRule, num } from '../../rule';
import { agrees, compareDecimals, decimalString, enteredString, showEntered } from '../../../values/precision';
import { withinBounds } from '../../indicator';
import type { Alternative } from '../../scoring';

/** How a finding names the profile option that decides between two readings. */
const OPTION_NAMES: Readonly<Record<Alternative['option'], string>> = {
  perPoint: '规则配置项 scoring.perPoint',
  steps: '规则配置项 scoring.steps',
  boundary: '档位边界未写明“含”',
};

export default defineRule({
  id: 'scoretable.criterion-score',
  title: '评分标准得分',
  description:
    '指标评分表：按该行评分标准（如“每超过一个百分点扣0.5分”“0-10%(含)计4分”）和基础数据表算出的比率（在职人员控制率、三公经费控制率、公用经费控制率、政府采购执行率、预算调整率、楼堂馆所控制率）重算得分；比率按百分数保留两位小数后套用评分标准。基础数据表算不出的指标（预算完成率、按预算数定义的三公经费变动率等）给出提示并写明缺什么',
  options: ['minDecimals', 'scoring'],
  messages: {
    differs: { severity: 'warning', text: '“{name}”按评分标准得分应为 {expected}（{formula}），填报为 {entered}' },
    otherReading: {
      severity: 'info',
      text: '“{name}”填报 {entered} 与评分标准的另一种读法“{reading}”相符（{option}）；按当前配置得分为 {expected}（{formula}）',
    },
    notComputable: { severity: 'info', text: '“{name}”无法由工作簿重算得分：缺少{missing}，只核对得分范围' },
  },
  check(ctx) {
    for (const { row, assessment: a } of ctx.scoreTable?.rows ?? []) {
      const score = num(row.score);
      const weight = num(row.weight);
      if (a.kind === 'unparsed') continue; // criterion-unparsed says so
      if (a.kind === 'not-computable') {
        ctx.report({
          messageId: 'notComputable',
          data: { name: row.name, missing: a.missing },
          at: row.score,
          entered: score ? enteredString(score) : null,
          expected: null,
          explanation: a.note ? `缺少${a.missing}；${a.note}` : `缺少${a.missing}`,
          inputs: a.inputs.length > 0 ? a.inputs : [row.nameField],
        });
        continue;
      }
      const kind = row.score.parsed.kind;
      if (kind !== 'number' && kind !== 'blank') continue; // value.unparsed reports it
      if (score && weight && !withinBounds(score.value, weight.value)) continue; // score-bounds reports it
      const d = compareDecimals(score, ctx.profile.minDecimals);
      if (score && agrees(score, a.expected, d)) continue;
      const expected = decimalString(a.expected, d, false);
      const body = {
        at: row.score,
        entered: score ? enteredString(score) : null,
        expected,
        explanation: `${a.formula}（评分标准：${row.criterionText.trim()}）`,
        inputs: a.inputs,
        suggestion: { value: expected, percent: false },
      };
      const other = score ? a.alternatives.find((alt) => agrees(score, alt.score, d)) : undefined;
      if (other) {
        ctx.report({
          messageId: 'otherReading',
          data: { name: row.name, entered: showEntered(score!), reading: other.reading, option: OPTION_NAMES[other.option], expected, formula: a.formula },
          ...body,
        });
      } else ctx.report({ messageId: 'differs', data: { name: row.name, expected, formula: a.formula, entered: score ? showEntered(score) : '空' }, ...body });
    }
  },
});
