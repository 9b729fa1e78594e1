/**
 * --profile FILE.json and --print-profile, in process: a shipped profile printed, edited by a
 * bureau and read back changes what is reported; a bad file is refused with the key named.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { run } from '../../src/cli/run';
import { makeTempDir } from './batch-folder';
import { buildWorkbook } from '../fixtures/fixtures';
import { workbookBytes } from '../fixtures/build-fixtures';
import { CITY_TABLE, T3_BASIC, T3_BASIC_LABELS, patchScoreRow } from '../fixtures/scoretable-data';

// run() checks each file in a worker thread, which under ts-jest compiles its TypeScript on start.
jest.setTimeout(180_000);

function capture() {
  const chunks: string[] = [];
  return { text: () => chunks.join(''), stream: { isTTY: false, columns: 100, write: (c: string) => chunks.push(c) } };
}

async function cli(argv: string[]) {
  const out = capture();
  const err = capture();
  const code = await run(argv, { stdout: out.stream, stderr: err.stream });
  return { code, out: out.text(), err: err.text() };
}

test('--print-profile writes a shipped profile that --profile reads back as a file', async () => {
  const dir = makeTempDir('selfeval-profile-');
  const printed = await cli(['--print-profile', 'hunan-dept-scoretable-2013']);
  expect(printed.code).toBe(0);
  const json = JSON.parse(printed.out);
  expect(json).toMatchObject({ id: 'hunan-dept-scoretable-2013', family: 'score-table', scoring: { perPoint: 'proportional', steps: 'completed' } });

  // 政府采购执行率 92.00% scored 1: the other reading (started steps) under the shipped profile…
  const book = join(dir, '评分表.xlsx');
  const table = { ...patchScoreRow(CITY_TABLE, '政府采购执行率', { score: 1 }), total: { weight: 20, score: 11 } };
  writeFileSync(book, await workbookBytes(buildWorkbook({ basic: T3_BASIC, basicOpts: { labels: T3_BASIC_LABELS }, scoreTable: table })));
  const shipped = await cli(['--format', 'json', book]);
  expect(JSON.parse(shipped.out).findings.map((f: { messageId: string }) => f.messageId)).toEqual(['otherReading']);

  // …and nothing to report under a bureau's copy that counts started steps.
  const file = join(dir, 'county.json');
  writeFileSync(file, JSON.stringify({ ...json, id: 'county-2018', name: '某县 2018', scoring: { ...json.scoring, steps: 'started' } }));
  const own = await cli(['--format', 'json', '--profile', file, book]);
  expect(own.code).toBe(0);
  const report = JSON.parse(own.out);
  expect(report.profile).toBe('county-2018');
  expect(report.findings).toEqual([]);
  expect(report.sheets).toEqual({ basic: '附件2', selfEval: null, scoreTable: '指标评分表' });
});

test.each([
  ['not JSON', '{ id: 1 ', '不是有效的 JSON'],
  ['a key not allowed', JSON.stringify({ id: 'x', name: '某县', extends: 'hunan-dept-overall', scoring: { perpoint: 'whole' } }), '键“scoring.perpoint”不是可用的键；“scoring”中可用：perPoint、steps'],
  ['a severity naming a message that does not exist', JSON.stringify({ id: 'x', name: '某县', extends: 'hunan-dept-overall', severity: { 'selfeval.grade/wrong': 'info' } }), '键“severity.selfeval.grade/wrong”不是可用的键'],
])('a profile file with %s is refused before any workbook is read (exit 2)', async (_, text, message) => {
  const dir = makeTempDir('selfeval-profile-');
  const file = join(dir, 'bad.json');
  writeFileSync(file, text);
  const r = await cli(['--profile', file, join(dir, 'none.xlsx')]);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toContain(`规则配置文件“${file}”`);
  expect(r.err).toContain(message);
});

test('--print-profile of an unknown name lists the shipped ones', async () => {
  const r = await cli(['--print-profile', 'hunan']);
  expect(r.code).toBe(2);
  expect(r.err).toContain('hunan-dept-overall、hunan-dept-overall-platform、mof-project-2020、hunan-dept-scoretable-2013');
});
