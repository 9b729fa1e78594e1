/** RuleTester table of template.part-missing: seed 004 made consistent, with one part of the form taken away. */
import { ruleTable, type AnyRuleTable } from '../support/rule-tester';

const missing = (part: string, checks: string, sheet: string, cell: string) => ({
  messageId: 'missing' as const,
  severity: 'warning' as const,
  sheet,
  cell,
  entered: null,
  expected: null,
  message: `未找到${part}，未能核对：${checks}`,
  explanation: `${checks}需要${part}，未找到`,
  inputs: [`${sheet}!${cell}`],
});

export const partMissing = ruleTable({
  rule: 'template.part-missing',
  valid: [
    { name: 'seed 004: every part of the form is there', base: 'consistent' },
    { name: 'the national project form: every part is there', base: 'project' },
    { name: 'a 指标评分表 beside its 基础数据表', base: 'scoreTable' },
    { name: 'a 偏差原因 header worded 未完成原因分析', base: 'consistent', edits: [['附件3!I13', '未完成原因分析']] },
  ],
  invalid: [
    {
      // The reason column is looked for in the indicator table's header row (一级指标 at B13).
      name: 'no 偏差原因 column',
      base: 'consistent',
      edits: [['附件3!I13', '备注']],
      findings: [missing('偏差原因列', '偏差原因', '附件3', 'B13')],
    },
    {
      // The execution row is looked for under the form's title (A2).
      // The block is found by its columns' roles whatever its row is called (资金情况 would still be read): the row itself is gone.
      name: 'no 年度资金总额 row',
      base: 'consistent',
      edits: [['附件3!B5', undefined], ['附件3!C5', undefined], ['附件3!D5', undefined], ['附件3!E5', undefined], ['附件3!F5', undefined], ['附件3!G5', undefined], ['附件3!H5', undefined]],
      findings: [missing('年度资金总额行', '执行率及得分', '附件3', 'A2')],
    },
    {
      // Without a 得分 column no indicator row is read: every check of the table stops.
      name: 'no 得分 column in the indicator table',
      base: 'consistent',
      edits: [['附件3!H13', '自评']],
      findings: [missing('得分列', '指标得分、得分范围、分值合计、总分、偏差原因', '附件3', 'B13')],
    },
    {
      name: 'no 总分 row',
      base: 'consistent',
      edits: [['附件3!A21', undefined]],
      findings: [missing('总分行', '分值合计、总分', '附件3', 'B13')],
    },
    {
      // The 评分标准 that read the 基础数据表 cannot be applied; the table's header (三级指标, C3) is where it was needed.
      name: 'a 指标评分表 without its 基础数据表',
      base: 'scoreTable',
      edits: [
        ['附件2!A3', undefined],
        ['附件2!B3', undefined],
        ['附件2!A5', undefined],
        ['附件2!A6', undefined],
        ['附件2!A16', undefined],
        ['附件2!A22', undefined],
      ],
      findings: [missing('基础数据表', '评分标准计分', '指标评分表', 'C3')],
    },
  ],
});

export const TEMPLATE_TABLES: readonly AnyRuleTable[] = [partMissing];
