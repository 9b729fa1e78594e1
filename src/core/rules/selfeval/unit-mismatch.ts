import { defineRule } from '../../rule';
import { forEachAssessed } from './assessed';
import { enteredString } from '../../../values/precision';

export default defineRule({
  id: 'selfeval.unit-mismatch',
  title: '计量单位不一致',
  description: '指标值与实际完成值的计量单位不一致或缺失时不做比较，提示核实',
  messages: {
    mismatch: { severity: 'info', text: '“{name}”指标值单位为{targetUnit}，完成值单位为{actualUnit}，单位不一致，未重算得分' },
  },
  check(ctx) {
    forEachAssessed(ctx, (row, a) => {
      if (a.kind !== 'unit-mismatch') return;
      const u = (x: string | null) => (x === null ? '无单位' : `“${x}”`);
      ctx.report({
        messageId: 'mismatch',
        data: { name: row.name, targetUnit: u(a.targetUnit), actualUnit: u(a.actualUnit) },
        at: row.actual,
        entered: row.actual.parsed.kind === 'number' ? enteredString(row.actual.parsed) : null,
        expected: null,
        explanation: '单位一致时才比较指标值与完成值',
        inputs: [row.target, row.actual],
      });
    });
  },
});
