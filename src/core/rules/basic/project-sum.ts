import { defineRule } from '../../rule';
import { reportSum, SUM_MESSAGES } from '../sum';
import { fundRowsSum } from './fund-sums';

export default defineRule({
  id: 'basic.project-sum',
  title: '项目支出合计',
  description: '项目支出 = 其下各明细行之和（业务工作经费、运行维护经费、各专项）',
  options: ['minDecimals'],
  messages: SUM_MESSAGES,
  check(ctx) {
    const f = ctx.tables.basic?.funds;
    if (!f || f.projectParts.length === 0) return;
    for (const spec of fundRowsSum(f, f.project, f.projectParts, '项目支出')) reportSum(ctx, spec);
  },
});
