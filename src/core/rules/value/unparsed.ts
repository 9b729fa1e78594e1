import { defineRule } from '../../rule';
import type { Field, LocatedWorkbook } from '../../../template/tables';

/** Every located cell that must hold a figure (targets and 完成值 may be text: qualitative). */
/**
 * Visits every located cell that must hold a figure. What the cell is, for a message, comes
 * as `name` (in quotes when `quoted`) + `suffix`, joined only for the cells reported: a long table
 * visits tens of thousands of cells and reports none.
 */
export function visitNumericFields(t: LocatedWorkbook, visit: (field: Field, name: string, suffix: string, quoted: boolean) => void): void {
  const add = (field: Field | null | undefined, name: string, suffix = '', quoted = false) => {
    if (field) visit(field, name, suffix, quoted);
  };
  const b = t.basic;
  if (b?.staff) {
    add(b.staff.quota, '编制数');
    add(b.staff.actual, '实际在职人数');
    add(b.staff.rate, '控制率');
  }
  if (b?.funds) {
    const f = b.funds;
    const rows = [f.threePublic, f.vehicle, f.vehiclePurchase, f.vehicleRunning, f.abroad, f.reception, f.project, ...f.projectParts, f.publicFunds, ...f.publicParts];
    for (const row of rows) {
      if (!row) continue;
      for (const col of f.columns) add(row.values[col], row.label.replace(/[:：]$/, ''), `（${f.headers[col] ?? col}）`);
    }
  }
  for (const bl of b?.buildings ?? []) {
    add(bl.approvedScale, '批复规模');
    add(bl.actualScale, '实际规模');
    add(bl.scaleRate, '规模控制率');
    add(bl.budgetInvestment, '预算投资');
    add(bl.actualInvestment, '实际投资');
    add(bl.investRate, '投资概算控制率');
  }
  const s = t.selfEval;
  if (s) {
    for (const e of [...(s.execution ? [s.execution] : []), ...s.executionParts]) {
      add(e.initialBudget, `${e.label}年初预算数`);
      add(e.budget, `${e.label}全年预算数`);
      add(e.actual, `${e.label}全年执行数`);
      if (e === s.execution) {
        add(e.weight, '预算执行分值');
        add(e.rate, '执行率');
        add(e.score, '预算执行得分');
      }
    }
    for (const g of s.breakdown) {
      add(g.total, g.name);
      for (const p of g.parts) add(p.field, p.name);
    }
    for (const r of s.indicators) {
      add(r.weight, r.name, '分值', true);
      add(r.score, r.name, '得分', true);
    }
    add(s.total?.weight, '总分行分值');
    add(s.total?.score, '总分');
  }
}

export default defineRule({
  id: 'value.unparsed',
  title: '无法读取的数值',
  description: '应为数字的单元格无法读成数字（文字、错误值等），不按 0 处理，依赖它的核对跳过',
  messages: {
    errorValue: { severity: 'error', text: '{what}为错误值 {value}，无法核对' },
    notANumber: { severity: 'error', text: '{what}“{value}”不是数字，无法核对' },
  },
  check(ctx) {
    visitNumericFields(ctx.tables, (field, name, suffix, quoted) => {
      const p = field.parsed;
      if (p.kind !== 'text' && p.kind !== 'error') return;
      const what = quoted ? `“${name}”${suffix}` : name + suffix;
      ctx.report({
        messageId: p.kind === 'error' ? 'errorValue' : 'notANumber',
        data: { what, value: p.text },
        at: field,
        entered: p.text,
        expected: null,
        explanation: '该单元格应填写数字；未按 0 处理，依赖它的核对已跳过',
        inputs: [field],
      });
    });
  },
});
