import { defineRule, num, present } from '../../rule';
import { forEachAssessed } from './assessed';
import { enteredString, showEntered } from '../../../values/precision';

/** 100–80 %, 80–60 %, 60–0 % of 分值: the judgment bands of a qualitative indicator. */
function band(ratio: number): string {
  if (ratio >= 0.8) return '第一档（80%–100%）';
  if (ratio >= 0.6) return '第二档（60%–80%）';
  return '第三档（0–60%）';
}

export default defineRule({
  id: 'selfeval.qualitative',
  title: '定性指标',
  description: '定性指标及无法重算的指标：按评价人判断分档打分（分值的 100–80%、80–60%、60–0%），只核对分值范围',
  messages: {
    judged: { severity: 'info', text: '“{name}”：{why}' },
    judgedInBand: { severity: 'info', text: '“{name}”：{why}，得分 {score} 在{band}' },
  },
  check(ctx) {
    forEachAssessed(ctx, (row, a) => {
      if (a.kind !== 'qualitative' && a.kind !== 'not-computable') return;
      const score = num(row.score);
      const weight = num(row.weight);
      const inBand = score && weight && !weight.value.isZero();
      const body = {
        at: row.score,
        entered: score ? enteredString(score) : null,
        expected: null,
        explanation: a.why,
        inputs: present([row.target, row.actual, row.weight]),
      };
      if (inBand) ctx.report({ messageId: 'judgedInBand', data: { name: row.name, why: a.why, score: showEntered(score), band: band(score.value.div(weight.value).toNumber()) }, ...body });
      else ctx.report({ messageId: 'judged', data: { name: row.name, why: a.why }, ...body });
    });
  },
});
