import { defineRule } from '../../rule';
import { forEachAssessed } from './assessed';
import { enteredString } from '../../precision';

export default defineRule({
  id: 'selfeval.unit-mismatch',
  severity: 'info',
  description: '指标值与实际完成值的计量单位不一致或缺失时不做比较，提示核实',
  check(ctx) {
    forEachAssessed(ctx, (row, a) => {
      if (a.kind !== 'unit-mismatch') return;
      const u = (x: string | null) => (x === null ? '无单位' : `“${x}”`);
      ctx.report({
        at: row.actual,
        entered: row.actual.parsed.kind === 'number' ? enteredString(row.actual.parsed) : null,
        expected: null,
        message: `“${row.name}”指标值单位为${u(a.targetUnit)}，完成值单位为${u(a.actualUnit)}，单位不一致，未重算得分`,
        explanation: '单位一致时才比较指标值与完成值',
        inputs: [row.target, row.actual],
      });
    });
  },
});
