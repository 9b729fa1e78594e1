/**
 * Profile files a bureau writes: the shipped profiles round-trip through the file format, a
 * bureau's file extends one, and every kind of mistake gets a Chinese message naming the key.
 */
import { PROFILES, findProfile, profileContext } from '../../src/core/profile';
import { readFileSync } from 'fs';
import { join } from 'path';
import { LABEL_KEYS, TOP_KEYS, parseProfileJson, profileToJson } from '../../src/core/profile-file';
import { RULES } from '../../src/core/rules/registry';

const ctx = profileContext(new Set(RULES.map((r) => r.id)));
const parse = (json: unknown) => parseProfileJson(json, ctx);

test.each(PROFILES.map((p) => [p.id, p] as const))('%s round-trips through its JSON file form', (_, p) => {
  const text = JSON.stringify(profileToJson(p), null, 2);
  const back = parse(JSON.parse(text));
  expect(back).toEqual({ ok: true, profile: p });
});

test('a bureau file extends a shipped profile and changes only what it says', () => {
  const r = parse({
    id: 'sichuan-county-2024',
    name: '四川某县部门整体支出自评',
    extends: 'hunan-dept-overall',
    minDecimals: 1,
    severity: { 'selfeval.missing-reason': 'info' },
    execution: { base: 'initial' },
    scoring: { steps: 'started' },
    labels: { executionRow: ['资金合计'], weight: ['标准分'] },
  });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const base = findProfile('hunan-dept-overall')!;
  expect(r.profile).toEqual({
    ...base,
    id: 'sichuan-county-2024',
    name: '四川某县部门整体支出自评',
    minDecimals: 1,
    severity: { 'selfeval.missing-reason': 'info' },
    executionBase: 'initial',
    scoring: { perPoint: 'proportional', steps: 'started' },
    labels: { executionRow: ['资金合计'], weight: ['标准分'] },
  });
});

const ok = { id: 'x-county', name: '某县', extends: 'hunan-dept-overall' };

// One case per kind of mistake: the message names the key and says what is allowed.
test.each<[string, unknown, string]>([
  ['not an object', [1, 2], '配置文件应为对象（{ … }），实为数组'],
  ['an unknown top-level key', { ...ok, weights: {} }, '键“weights”不是可用的键；顶层可用：$schema、id、name'],
  ['a missing id', { name: '某县', extends: 'hunan-dept-overall' }, '键“id”缺失'],
  ['an id with capitals and spaces', { ...ok, id: 'My County' }, '键“id”的值“My County”无效：只能用小写字母、数字和连字符'],
  ['a missing name', { id: 'x', extends: 'hunan-dept-overall' }, '键“name”缺失'],
  ['an unknown extends', { ...ok, extends: 'hunan' }, '键“extends”的值“hunan”不是内置配置，可用：hunan-dept-overall、'],
  ['no family without extends', { id: 'x', name: '某县' }, '键“family”缺失：未写 extends 时须写明表格类型，可用：dept-overall、project、score-table'],
  ['an unknown family', { ...ok, family: 'county' }, '键“family”的值“county”无效，可用：dept-overall（'],
  ['minDecimals not an integer', { ...ok, minDecimals: 1.5 }, '键“minDecimals”的值 1.5 无效：应为整数，不小于 0，不大于 6'],
  ['minDecimals as text', { ...ok, minDecimals: '2' }, '键“minDecimals”应为数字，实为文字“2”'],
  ['a severity for an unknown rule', { ...ok, severity: { 'selfeval.reason': 'info' } }, '键“severity.selfeval.reason”不是可用的键'],
  ['a severity level not allowed', { ...ok, severity: { 'selfeval.grade': 'fatal' } }, '键“severity.selfeval.grade”的值“fatal”无效，可用：error（错误）、warning（警告）、info（提示）'],
  [
    'grades out of order',
    { ...ok, grades: [{ grade: '优', min: 80 }, { grade: '良', min: 90 }, { grade: '中', min: 60 }, { grade: '差', min: null }] },
    '键“grades[1].min”应小于上一档的 80',
  ],
  ['a lowest grade with a lower bound', { ...ok, grades: [{ grade: '优', min: 90 }, { grade: '良', min: 80 }, { grade: '中', min: 60 }, { grade: '差', min: 0 }] }, '键“grades[3].min”应为 null'],
  ['grades not named 优良中差', { ...ok, grades: [{ grade: '优', min: 90 }, { grade: '合格', min: 60 }, { grade: '差', min: null }] }, '键“grades[1].grade”的值“合格”无效'],
  ['an execution base not allowed', { ...ok, execution: { base: 'adjusted' } }, '键“execution.base”的值“adjusted”无效，可用：budget（全年预算数（调整后预算数））、initial（年初预算数）'],
  ['an execution cap as text', { ...ok, execution: { cap: 'yes' } }, '键“execution.cap”应为 true 或 false'],
  ['an execution key not allowed', { ...ok, execution: { reasonBelowRate: 0.9 } }, '键“execution.reasonBelowRate”不是可用的键；“execution”中可用：cap、base'],
  ['an overshoot ratio not above 1', { ...ok, overshootPenalty: { ratio: 1, points: 2 } }, '键“overshootPenalty.ratio”的值 1 无效：应为数字，大于 1'],
  ['total caps not ascending', { ...ok, totalCapByExecutionRate: [{ below: 0.8, cap: 89 }, { below: 0.5, cap: 59 }] }, '键“totalCapByExecutionRate[1].below”应大于上一档的 0.8'],
  ['standard weights without a source', { ...ok, standardWeights: { levels: [{ label: '产出', weight: 50 }], execution: 10 } }, '键“standardWeights.source”应为非空文字'],
  ['a scoring reading not allowed', { ...ok, scoring: { perPoint: 'ceil' } }, '键“scoring.perPoint”的值“ceil”无效，可用：proportional（按超出幅度等比例扣分）、whole（按满一个百分点计扣）'],
  ['an unknown label key', { ...ok, labels: { total: ['合计'] } }, '键“labels.total”不是可用的键；“labels”中可用：executionRow、budget'],
  ['labels not a list of texts', { ...ok, labels: { weight: '标准分' } }, '键“labels.weight”应为数组'],
])('%s', (_, json, message) => {
  const r = parse(json);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.errors.join('\n')).toContain(message);
});

test('every mistake of a file is said at once', () => {
  const r = parse({ ...ok, minDecimals: -1, scoring: { steps: 'x' }, colour: 'red' });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.errors).toHaveLength(3);
});

test('docs/profile.schema.json documents the keys the validator accepts, and the shipped profile names', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '../../docs/profile.schema.json'), 'utf8'));
  expect(Object.keys(schema.properties).sort()).toEqual([...TOP_KEYS].sort());
  expect(Object.keys(schema.properties.labels.properties).sort()).toEqual([...LABEL_KEYS].sort());
  expect(Object.keys(schema.properties.execution.properties).sort()).toEqual(['base', 'cap']);
  expect(Object.keys(schema.properties.scoring.properties).sort()).toEqual(['perPoint', 'steps']);
  expect(schema.properties.extends.enum).toEqual(PROFILES.map((p) => p.id));
});
