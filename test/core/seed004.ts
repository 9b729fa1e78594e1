/**
 * Seed 004 (芦淞区商务局 2023) as tiny in-code sheets, in the official layout, for fast
 * table-driven rule tests. The fixture workbooks (test/fixtures) cover the real files.
 */
import type { Cell, RawValue, SheetGrid, WorkbookGrid } from '../../src/grid/grid';
import { parseA1, sheetFromArray } from '../../src/grid/grid';

export type Row = Array<RawValue | Cell | undefined>;

export function basicSheet(name = '附件2'): { rows: Row[]; merges: string[]; name: string } {
  const rows: Row[] = [
    ['附件2'],
    ['2023年度部门（单位）整体支出绩效评价基础数据表'],
    ['财政供养人员情况（人）', '编制数', undefined, '2023年实际在职人数', undefined, '控制率'],
    [undefined, 14, undefined, 14, undefined, '100%'],
    ['经费控制情况（万元）', '2022年决算数', undefined, '2023年预算数', undefined, '2023年决算数'],
    ['三公经费', 17.33, undefined, 7.86, undefined, 7.86],
    ['   1、公务用车购置和维护经费', 0, undefined, 0, undefined, 0],
    ['       其中：公车购置', 0, undefined, 0, undefined, 0],
    ['             公车运行维护', 0, undefined, 0, undefined, 0],
    ['   2、出国经费', 0, undefined, 0, undefined, 0],
    ['   3、公务接待', 17.33, undefined, 7.86, undefined, 7.86],
    ['项目支出：', 231.78, undefined, 0, undefined, 546.48],
    ['    1、业务工作经费', 231.78, undefined, 0, undefined, 546.48],
    ['    2、运行维护经费', 0, undefined, 0, undefined, 0],
    ['3、市级专项资金（一个专项一行）'],
    ['公用经费', 36.04, undefined, 28.84, undefined, 21.32],
    ['    其中：办公经费', 3.31, undefined, 2, undefined, 1.17],
    ['          水费、电费、差旅费', 0, undefined, 0.05, undefined, 0],
    ['          会议费、培训费', 0.28, undefined, 0, undefined, 0],
    ['政府采购金额', '——', undefined, 2.2, undefined, 88.26],
    ['部门基本支出预算调整 ', '——'],
    ['楼堂馆所控制情况\n（2023年完工项目）', '批复规模\n（㎡）', '实际规模（㎡）', '规模控制率', '预算投资（万元）', '实际投资（万元）', '投资概算控制率'],
    [undefined, '　', '　', '　', '　', '　', '　'],
    ['厉行节约保障措施', '　'],
  ];
  const merges = ['B3:C3', 'D3:E3', 'B4:C4', 'D4:E4', 'B5:C5', 'D5:E5'];
  for (let r = 6; r <= 21; r++) merges.push(`B${r}:C${r}`, `D${r}:E${r}`);
  return { rows, merges, name };
}

export function selfEvalSheet(name = '附件3'): { rows: Row[]; merges: string[]; name: string } {
  const rows: Row[] = [
    ['附件3'],
    ['2023年度部门（单位）整体支出绩效自评表'],
    ['区级预算部门（单位）名称', undefined, '株洲市芦淞区商务局　'],
    ['年度预\n算申请\n（万元）', undefined, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [undefined, '年度资金总额', 262.07, 866.48, 857.71, 10, '98.99%', 9.8],
    [undefined, '按收入性质分：866.48', undefined, undefined, '按支出性质分：866.48'],
    [undefined, '  其中：  一般公共预算：866.48', undefined, undefined, '其中：基本支出：311.22'],
    [undefined, '政府性基金拨款：', undefined, undefined, '项目支出：555.26'],
    [undefined, '纳入专户管理的非税收入拨款：'],
    [undefined, '其他资金：'],
    ['年度总体目标', '预期目标', undefined, undefined, '实际完成情况　'],
    [undefined, '实现高标准招商引资', undefined, undefined, '1.全力招商引资'],
    ['绩\n效\n指\n标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [undefined, '产出指标\n\n(40分)', '数量指标', '全年签约引进项目', 40, 33, 10, 8, '该指标上报时间为2022年年底……'],
    [undefined, undefined, undefined, '小分队招商', 16, 18, 10, 10],
    [undefined, undefined, '质量指标', '2023年新引进项目开工率', '40%', '66.7%', 10, 10],
    [undefined, undefined, '时效指标', '完成时间', '1年', '1年', 10, 10],
    [undefined, '效益指标\n\n（20分）\n　', '经济效\n益指标', '年度进出口总额', '9.33亿元', '10.09亿元', 20, 20],
    [undefined, '满意度\n指标\n（10分）', '服务对象满意度指标', '满意度', '90%', '98%', 10, 9],
    [undefined, '成本指标（20分）', '经济成本指标', '基本支出预算成本', 262.07, 311.22, 20, 19, '上年度部分基本支出实际在本年度进行支出及财政对指标进行了调整。'],
    ['总分', undefined, undefined, undefined, undefined, undefined, 100, 95.8, '　'],
  ];
  const merges = ['A4:A10', 'C3:I3', 'B6:D6', 'E6:H6', 'B7:D7', 'E7:H7', 'B8:D8', 'E8:H8', 'B9:D9', 'B10:D10', 'A11:A12', 'B11:D11', 'E11:I11', 'B12:D12', 'E12:I12', 'A13:A20', 'B14:B17', 'C14:C15', 'A21:F21'];
  return { rows, merges, name };
}

/** Sets a cell of a layout, by A1 address, before building. */
export function set(layout: { rows: Row[] }, address: string, value: RawValue | Cell | undefined): void {
  const { row, col } = parseA1(address);
  while (layout.rows.length <= row) layout.rows.push([]);
  const r = layout.rows[row]!;
  while (r.length <= col) r.push(undefined);
  r[col] = value;
}

export function build(...layouts: Array<{ rows: Row[]; merges: string[]; name: string }>): WorkbookGrid {
  const sheets: SheetGrid[] = layouts.map((l) => sheetFromArray(l.name, l.rows, l.merges));
  return { sheets };
}

export function seed004(): WorkbookGrid {
  return build(basicSheet(), selfEvalSheet());
}
