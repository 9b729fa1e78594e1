import { defineRule, num } from '../../rule';
import { forEachAssessed } from './assessed';
import { enteredString, showEntered } from '../../precision';

/** 100–80 %, 80–60 %, 60–0 % of 分值: the judgment bands of a qualitative indicator. */
function band(ratio: number): string {
  if (ratio >= 0.8) return '第一档（80%–100%）';
  if (ratio >= 0.6) return '第二档（60%–80%）';
  return '第三档（0–60%）';
}

export default defineRule({
  id: 'selfeval.qualitative',
  severity: 'info',
  description: '定性指标及无法重算的指标：按评价人判断分档打分，只核对分值范围',
  check(ctx) {
    forEachAssessed(ctx, (row, a) => {
      if (a.kind !== 'qualitative' && a.kind !== 'not-computable') return;
      const score = num(row.score);
      const weight = num(row.weight);
      const where = score && weight && !weight.value.isZero() ? `，得分 ${showEntered(score)} 在${band(score.value.div(weight.value).toNumber())}` : '';
      ctx.report({
        at: row.score,
        entered: score ? enteredString(score) : null,
        expected: null,
        message: `“${row.name}”：${a.why}${where}`,
        explanation: a.why,
        inputs: [row.target, row.actual, row.weight],
      });
    });
  },
});
