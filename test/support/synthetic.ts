/**
 * A synthetic 自评表 of any size, in the official layout, for the benchmark and for the
 * "constant round-trips whatever the size" tests. Every indicator is consistent, so a check
 * does all its work and reports nothing but the rows we break on purpose.
 */
import type { RawValue, WorkbookGrid } from '../../src/grid/grid';
import { sheetFromArray } from '../../src/grid/grid';

export function syntheticSelfEval(indicatorRows: number, sheetName = '附件3'): WorkbookGrid {
  const weight = 90 / indicatorRows;
  const rows: RawValue[][] = [
    ['附件3'],
    ['2023年度部门（单位）整体支出绩效自评表'],
    ['区级预算部门（单位）名称', null, '合成测试单位'],
    ['年度预算申请（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 100, 200, 150, 10, 0.75, 7.5],
    [null, '按收入性质分：200', null, null, '按支出性质分：200'],
    [null, '其中：一般公共预算：200', null, null, '其中：基本支出：120'],
    [null, '政府性基金拨款：', null, null, '项目支出：80'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  const merges = ['A4:A8', 'B6:D6', 'E6:H6', 'B7:D7', 'E7:H7', 'B8:D8', 'E8:H8'];
  for (let i = 0; i < indicatorRows; i++) {
    const w = Number(weight.toFixed(6));
    rows.push([null, i === 0 ? '产出指标' : null, '数量指标', `指标${i + 1}`, 100, 100 + (i % 7), w, w, null]);
  }
  const total = rows.length;
  rows.push(['总分', null, null, null, null, null, 100, 97.5, null]);
  merges.push(`B10:B${total}`, `A${total + 1}:F${total + 1}`);
  return { sheets: [sheetFromArray(sheetName, rows, merges)] };
}
