/**
 * The 指标评分表 through the engine: detected beside its 基础数据表 (never read as an empty
 * 自评表), its sheet in the report, and the readings evaluators differ on chosen by the profile.
 */
import { buildWorkbook } from '../fixtures/fixtures';
import { workbookBytes } from '../fixtures/build-fixtures';
import { CITY_TABLE, T3_BASIC, T3_BASIC_LABELS, T3_TABLE, patchScoreRow } from '../fixtures/scoretable-data';
import type { ScoreTableData } from '../fixtures/scoretable-layout';
import { readWorkbook } from '../../src/host/file/read';
import { checkWorkbook } from '../../src/engine';
import { HUNAN_DEPT_SCORETABLE_2013 } from '../../src/core/profile';
import type { Profile } from '../../src/core/profile';
import { locateWorkbook } from '../../src/template/locate';

async function grid(table: ScoreTableData) {
  const bytes = await workbookBytes(buildWorkbook({ basic: T3_BASIC, basicOpts: { labels: T3_BASIC_LABELS }, scoreTable: table }));
  const r = await readWorkbook({ bytes, fileName: 'mem.xlsx' });
  if (!r.ok) throw new Error(r.message);
  return r.grid;
}

const short = (r: ReturnType<typeof checkWorkbook>) => r.findings.filter((f) => f.ruleId === 'scoretable.criterion-score' && f.severity !== 'info' || f.messageId === 'otherReading').map((f) => [f.cell, f.severity, f.entered, f.expected]);

test('a 指标评分表 is its own table, not an empty 自评表, and the report names its sheet', async () => {
  const g = await grid(T3_TABLE);
  const t = locateWorkbook(g);
  expect(t.selfEval).toBeNull();
  expect(t.scoreTable?.rows.map((r) => r.name)).toEqual(['在职人员控制率', '"三公经费"变动率', '预算完成率', '预算控制率', '新建楼堂馆所面积控制率', '新建楼堂馆所投资概算控制率']);
  const r = checkWorkbook(g, { file: 'mem.xlsx' });
  expect(r.profile).toBe('hunan-dept-scoretable-2013');
  expect(r.sheets).toEqual({ basic: '附件2', selfEval: null, scoreTable: '指标评分表' });
  expect([r.department, r.year, r.summary.enteredTotal, r.summary.recomputedTotal]).toEqual(['湘西州商务局', '2018', '25', '25.00']);
  // 合计 分值 30: grade bands are on 100 points, so no grade is given.
  expect(r.summary.grade).toBeNull();
});

test('the steps reading is a profile option: entered 1 agrees with started steps, 3 is then the other reading', async () => {
  // 政府采购执行率 92.00%: ⌊8 ÷ 5⌋ = 1 step → 3 (completed); ⌈1.6⌉ = 2 steps → 1 (started).
  const started: Profile = { ...HUNAN_DEPT_SCORETABLE_2013, id: 'started', scoring: { perPoint: 'proportional', steps: 'started' } };
  const one = await grid({ ...patchScoreRow(CITY_TABLE, '政府采购执行率', { score: 1 }), total: { weight: 20, score: 11 } });
  expect(short(checkWorkbook(one, { file: 'm' }))).toEqual([['F6', 'info', '1', '3.00']]);
  expect(short(checkWorkbook(one, { file: 'm', profile: started }))).toEqual([]);
  const three = await grid(CITY_TABLE);
  expect(short(checkWorkbook(three, { file: 'm' }))).toEqual([]);
  const r = checkWorkbook(three, { file: 'm', profile: started });
  expect(short(r)).toEqual([['F6', 'info', '3', '1.00']]);
  expect(r.findings.find((f) => f.messageId === 'otherReading')!.message).toContain('满一档才扣');
});

test('a scored row with a blank 得分 is reported with the score the rule gives (blank is never 0 and never passed)', async () => {
  const g = await grid({ ...patchScoreRow(T3_TABLE, '预算控制率', { score: null }), total: { weight: 30, score: 25 } });
  const f = checkWorkbook(g, { file: 'm' }).findings.filter((x) => x.cell === 'I7');
  expect(f.map((x) => [x.ruleId, x.severity, x.entered, x.expected])).toEqual([['scoretable.criterion-score', 'warning', null, '0.00']]);
  expect(f[0]!.message).toContain('填报为 空');
});

test("a 指标评分表 whose 评分标准 column has a local name is found with the bureau's label synonyms", async () => {
  const g = await grid({ ...T3_TABLE, headers: { criterion: '考评办法' } });
  expect(locateWorkbook(g).scoreTable).toBeNull();
  const bureau: Profile = { ...HUNAN_DEPT_SCORETABLE_2013, id: 'bureau', labels: { criterion: ['考评办法'] } };
  const r = checkWorkbook(g, { file: 'm', profile: bureau });
  expect(r.sheets.scoreTable).toBe('指标评分表');
  expect(r.findings.map((f) => [f.cell, f.messageId])).toEqual([
    ['I5', 'notComputable'],
    ['I6', 'notComputable'],
  ]);
});
