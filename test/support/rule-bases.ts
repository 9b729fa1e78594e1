/**
 * The forms a RuleTester case types over: each a tiny in-code sheet on which every rule passes,
 * so a case's edits are the whole story of its findings. Titles are Chinese: the docs quote them.
 */
import type { WorkbookGrid } from '../../src/grid/grid';
import { basicSheet, build, selfEvalSheet, set, type Row } from '../core/seed004';
import { projectSheet } from '../core/project2020';

export interface Layout {
  rows: Row[];
  merges: string[];
  name: string;
}

export interface Base {
  readonly title: string;
  layouts(): Layout[];
  set(layout: Layout, address: string, value: Parameters<typeof set>[2]): void;
  build(layouts: Layout[]): WorkbookGrid;
}

/** Seed 004 with the clerk's mistakes corrected (docs/rules-domain.md's worked example, as the rules give it). */
export function consistentSeed004(): Layout[] {
  const basic = basicSheet();
  const self = selfEvalSheet();
  set(self, 'H5', 9.9); // 10 × 857.71 ÷ 866.48 = 9.8988 → 9.90
  set(self, 'H14', 8.25); // 10 × 33 ÷ 40
  set(self, 'H19', 10); // 98% ≥ 90%: met
  set(self, 'H20', 16.84); // 20 × 262.07 ÷ 311.22 = 16.8414 (cost, reverse)
  set(self, 'H21', 94.99); // 9.90 + 8.25 + 10 + 10 + 10 + 20 + 10 + 16.84
  return [basic, self];
}

/**
 * Seed 004 made consistent, in the template variant that lists 年度资金总额's 其中 rows by source
 * (docs/rules-domain.md, 自评表 header block) where the breakdown labels were: 当年财政拨款 200 / 800 / 800,
 * 上年结转资金 62.07 / 56.48 / 57.71, 其他资金 0 / 10 / 0 — per column 262.07, 866.48, 857.71.
 */
export function fundsBySourceSeed004(): Layout[] {
  const [basic, self] = consistentSeed004() as [Layout, Layout];
  self.merges = self.merges.filter((m) => !/^[BE]([6-9]|10):/.test(m));
  self.rows[5] = [undefined, '其中：当年财政拨款', 200, 800, 800];
  self.rows[6] = [undefined, '上年结转资金', 62.07, 56.48, 57.71];
  self.rows[7] = [undefined, '其他资金', 0, 10, 0];
  self.rows[8] = [];
  self.rows[9] = [];
  return [basic, self];
}

/**
 * A 指标评分表 (a city's column order, weights inside the level labels) beside seed 004's
 * 基础数据表, whose figures its rows score: 在职人员控制率 14 ÷ 14 = 100.00% ≤ 100% → 5;
 * "三公经费"控制率 7.86 ÷ 7.86 = 100.00% → 5; 公用经费控制率 21.32 ÷ 28.84 = 73.93% → 5. 合计 15 / 15.
 */
export function scoreTableSheet(name = '指标评分表'): Layout {
  const perPoint = (what: string) => `${what}≤100%,计5分;每超过一个百分点扣0.5分,扣完为止`;
  const rows: Row[] = [
    ['2023年度部门整体支出绩效评价指标评分表'],
    ['单位名称：株洲市芦淞区商务局'],
    ['一级指标', '二级指标', '三级指标', '评分标准', '分值', '自评得分', '扣分原因和其他说明'],
    ['投 入(15分)', '预算控制(15分)', '在职人员控制率', perPoint('在职人员控制率'), 5, 5, undefined],
    [undefined, undefined, '"三公经费"控制率', perPoint('"三公经费"控制率'), 5, 5, undefined],
    [undefined, undefined, '公用经费控制率', perPoint('公用经费控制率'), 5, 5, undefined],
    ['合计', undefined, undefined, undefined, 15, 15, undefined],
  ];
  return { rows, merges: ['A1:G1', 'A2:G2', 'A4:A6', 'B4:B6', 'A7:D7'], name };
}

/**
 * Chongqing's 部门整体绩效自评表 (docs/families.md T5, 2021) as its layout has it, made consistent: no
 * 年度资金总额 label (部门预算执行情况 over 年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率(%) |
 * 执行率权重 | 执行率得分(分)), a 得分系数(%) column, 指标权重(分) / 指标得分(分), no 一级指标 column and
 * the total stated in the head (自评总分(分)). 798 ÷ 1050 = 76% → 10 × 76% = 7.6; Σ 权重 2+2+2+2+10+10+20+20+22
 * = 90, every target met, Σ 得分 90; 自评总分 7.6 + 90 = 97.6. Made complete for the rules (a base passes every
 * rule): a 偏差原因 column and a 合计 row (100 / 97.6) that T5 does not show, so no part is missing.
 */
export function chongqingSheet(): Layout {
  const row = (name: string, unit: string, kind: string, target: string | number, actual: string | number, weight: number, core: string): Row => [
    name,
    unit,
    kind,
    target,
    undefined,
    actual,
    '100%',
    weight,
    weight,
    core,
    undefined,
  ];
  const rows: Row[] = [
    ['部门整体绩效自评表'],
    ['（2021年度）'],
    ['部门名称', '区融媒体中心'],
    ['自评总分(分)', 97.6],
    ['部门预算执行情况', '年初预算数', '全年(调整)预算数', '全年执行数', '执行率(%)', '执行率权重', '执行率得分(分)'],
    [undefined, 1000, 1050, 798, '76%', 10, 7.6],
    ['指标名称', '计量单位', '指标性质', '年初指标值', '调整指标值', '全年完成值', '得分系数(%)', '指标权重(分)', '指标得分(分)', '是否核心指标', '偏差原因'],
    row('财政供养人员控制率', '%', '≤', '100%', '92%', 2, '否'),
    row('预算调整率', '%', '≤', '3%', '0%', 2, '否'),
    row('公用经费控制率', '%', '≤', '100%', '97%', 2, '是'),
    row('政府采购执行率', '%', '≥', '100%', '100%', 2, '是'),
    row('播发稿件数量', '篇', '≥', 2200, 2859, 10, '是'),
    row('业务保障能力提升', '%', '≥', '90%', '95%', 10, '否'),
    row('党性教育培训次数', '次', '≥', 12, 12, 20, '否'),
    row('组织宣传活动次数', '次', '≥', 30, 32, 20, '否'),
    row('制作宣传品数量', '件', '≥', 500, 520, 22, '否'),
    ['合计', undefined, undefined, undefined, undefined, undefined, undefined, 100, 97.6],
  ];
  return { rows, merges: ['A1:K1', 'A2:K2', 'B3:K3', 'B4:K4', 'A5:A6', 'A17:G17'], name: '部门整体绩效自评表' };
}

const plain = { set: (l: Layout, a: string, v: Parameters<typeof set>[2]) => set(l, a, v), build: (ls: Layout[]) => build(...ls) };

export const BASES = {
  consistent: { title: '种子 004 样表（芦淞区商务局 2023，填报错误已改正，各项一致）', layouts: consistentSeed004, ...plain },
  fundsBySource: { title: '种子 004 样表，年度资金总额下列其中各行（当年财政拨款、上年结转资金、其他资金），各项一致', layouts: fundsBySourceSeed004, ...plain },
  project: { title: '项目支出绩效自评表样表（财预〔2020〕10号，各项一致）', layouts: () => [projectSheet()], ...plain },
  chongqing: { title: '重庆部门整体绩效自评表样表（部门预算执行情况无“年度资金总额”行，设得分系数列，指标名称不分级，自评总分列于表头，另加偏差原因列和合计行，各项一致）', layouts: () => [chongqingSheet()], ...plain },
  scoreTable: { title: '指标评分表样表（种子 004 的基础数据表，在职人员、三公经费、公用经费控制率三行，各项一致）', layouts: () => [basicSheet(), scoreTableSheet()], ...plain },
} satisfies Record<string, Base>;

export type BaseName = keyof typeof BASES;
