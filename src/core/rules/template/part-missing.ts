import { defineRule } from '../../rule';
import { assessCoverage } from '../../coverage';
import type { Field } from '../../../template/tables';

const MESSAGES = {
  missing: { severity: 'warning', text: '未找到{part}，未能核对：{checks}' },
} as const;

export default defineRule({
  id: 'template.part-missing',
  title: '缺少表格部分',
  description:
    '表格应有而未找到的部分（年度资金总额行、指标表的得分/分值/指标值/完成值/偏差原因列、总分行，指标评分表所需的基础数据表…）：指向查找它的表头或标题单元格，说明因此未能进行的检查。“未发现问题”只在各项检查都已进行时才成立',
  messages: MESSAGES,
  check(ctx) {
    // One finding per part and cell: a missing 得分列 stops several checks, said once.
    const byPart = new Map<string, { at: Field; part: string; checks: string[] }>();
    for (const g of assessCoverage(ctx.tables).gaps) {
      if (!g.at) continue; // a whole sheet missing has no cell: coverage names it
      const key = `${g.at.sheet}!${g.at.cell}|${g.missing}`;
      const entry = byPart.get(key) ?? { at: g.at, part: g.missing, checks: [] };
      entry.checks.push(g.check);
      byPart.set(key, entry);
    }
    for (const { at, part, checks } of byPart.values()) {
      ctx.report({
        messageId: 'missing',
        data: { part, checks: checks.join('、') },
        at,
        entered: null,
        expected: null,
        explanation: `${checks.join('、')}需要${part}，未找到`,
        inputs: [at],
      });
    }
  },
});
