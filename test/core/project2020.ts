/** A 项目支出绩效自评表 (财预〔2020〕10号) as an in-code sheet, for table-driven tests. */
import type { Row } from './seed004';

export function projectSheet(name = '项目支出绩效自评表'): { rows: Row[]; merges: string[]; name: string } {
  const rows: Row[] = [
    ['项目支出绩效自评表'],
    ['（2023年度）'],
    ['项目名称', '商务发展专项资金'],
    ['主管部门', '株洲市芦淞区商务局', undefined, undefined, '实施单位', '株洲市芦淞区商务局'],
    ['项目资金（万元）', undefined, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [undefined, '年度资金总额', 100, 120, 114, 10, '95%', 9.5],
    [undefined, '其中：当年财政拨款', 100, 110, 104, '—', '—', '—'],
    [undefined, '上年结转资金', 0, 10, 10, '—', '—', '—'],
    [undefined, '其他资金', 0, 0, 0, '—', '—', '—'],
    ['年度总体目标', '预期目标', undefined, undefined, '实际完成情况'],
    [undefined, '支持企业发展', undefined, undefined, '完成'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [undefined, '产出指标', '数量指标', '支持企业数', '≥20家', '22家', 20, 20],
    [undefined, undefined, '质量指标', '验收合格率', '100%', '100%', 15, 15],
    [undefined, undefined, '时效指标', '资金拨付及时率', '100%', '100%', 15, 15],
    [undefined, '效益指标', '经济效益指标', '带动投资', '≥5000万元', '5200万元', 30, 30],
    [undefined, '满意度指标', '服务对象满意度指标', '企业满意度', '≥90%', '95%', 10, 10],
    ['总分', undefined, undefined, undefined, undefined, undefined, 100, 99.5],
  ];
  const merges = ['A5:A9', 'A10:A11', 'B10:D10', 'E10:I10', 'B11:D11', 'E11:I11', 'A12:A17', 'B13:B15', 'A18:F18'];
  return { rows, merges, name };
}
