import Decimal from 'decimal.js';
import { amount, defineRule, num } from '../../rule';
import { decimalString, enteredString, show, showEntered } from '../../../values/precision';
import { partName } from './fund-sums';

export default defineRule({
  id: 'basic.public-parts-exceed',
  title: '公用经费明细超出',
  description: '公用经费的“其中”各项（办公经费；水费、电费、差旅费；会议费、培训费）是组成部分而非全部：其和不应超过公用经费',
  options: ['minDecimals'],
  messages: {
    partsExceed: { severity: 'error', text: '公用经费（{column}）填报为 {entered}，小于其中各项之和 {sum}（{parts}）' },
  },
  check(ctx) {
    const f = ctx.tables.basic?.funds;
    if (!f?.publicFunds || f.publicParts.length === 0) return;
    for (const col of f.columns) {
      const totalField = f.publicFunds.values[col];
      const total = num(totalField);
      if (!totalField || !total) continue;
      const fields = f.publicParts.flatMap((p) => (p.values[col] ? [p.values[col]!] : []));
      const parts = fields.map(amount);
      if (parts.includes('unknown')) continue;
      const qs = parts.filter((p): p is NonNullable<typeof p> & object => p !== null && p !== 'unknown');
      const sum = qs.reduce((acc, q) => acc.plus(q.value), new Decimal(0));
      if (sum.lte(total.value)) continue;
      const d = Math.max(ctx.profile.minDecimals, total.decimals, ...qs.map((q) => q.decimals));
      ctx.report({
        messageId: 'partsExceed',
        data: { column: f.headers[col] ?? col, entered: showEntered(total), sum: show(sum, d, false), parts: f.publicParts.map(partName).join('、') },
        at: totalField,
        entered: enteredString(total),
        expected: decimalString(sum, d, false),
        explanation: `${show(sum, d, false)} = ${qs.map(showEntered).join(' + ')} > ${showEntered(total)}`,
        inputs: [totalField, ...fields],
      });
    }
  },
});
