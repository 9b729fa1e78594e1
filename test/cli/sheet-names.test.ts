/**
 * Sheet names with the characters Excel allows (`!`, `'` inside, spaces, `#`, `&`, brackets of
 * other writers, 31 characters) work in every output of the real command: JSON, text, HTML, the
 * annotated copy (its fills and its 核对结果 links) and the summary.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CONSISTENT_BASIC, SEED_004_SELF } from '../fixtures/data';
import { layoutBasic, layoutSelfEval } from '../fixtures/layout';
import { makeTempDir } from './batch-folder';
import { buildCli, cli, ENGLISH_SENTENCE, type Json } from './cli-process';

beforeAll(buildCli, 120_000);

const SELF = '附件!3';
const BASIC = "附件2 'O'Neil' 基础数据表 #1 & 2!(202)"; // 31 characters: Excel's longest
const FILL_ERROR = 'FFFFC7CE';

async function workbook(self: string, basic: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  layoutBasic(wb, CONSISTENT_BASIC, { sheetName: basic });
  layoutSelfEval(wb, SEED_004_SELF, { sheetName: self });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same package with a sheet renamed in workbook.xml, as a writer other than Excel may leave it. */
function renamed(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const parts = unzipSync(bytes);
  parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']!).replace(`name="${from}"`, `name="${to}"`));
  return zipSync(parts);
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('sheet names with any character Excel allows', () => {
  let dir: string;
  beforeAll(async () => {
    expect([...BASIC]).toHaveLength(31);
    dir = makeTempDir('selfeval-sheets-');
    writeFileSync(join(dir, 'bang.xlsx'), await workbook(SELF, BASIC));
    writeFileSync(join(dir, 'bracket.xlsx'), renamed(await workbook('附件3', '附件2'), '附件3', '附件[3]'));
  });

  it('are named as they are in the JSON report, and quoted as Excel does in text and HTML', () => {
    const json = cli(['--format', 'json', 'bang.xlsx'], dir);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as Json;
    expect(report.sheets).toEqual({ basic: BASIC, selfEval: SELF });
    const exec = (report.findings as Json[]).find((f) => f.ruleId === 'selfeval.execution-score')!;
    expect(exec).toMatchObject({ sheet: SELF, cell: 'H5', expected: '9.90' });
    const text = cli(['--format', 'text', 'bang.xlsx'], dir);
    expect(text.stdout).toContain("[错误] '附件!3'!H5");
    const html = cli(['--format', 'html', 'bang.xlsx'], dir);
    expect(html.stdout).toContain('&#39;附件!3&#39;!H5');
  });

  it('get their annotated copy, marked and linked ("A Cell needs a Row" before)', async () => {
    const out = join(dir, 'out');
    const r = cli(['--annotate', out, '--summary', join(out, 'summary.xlsx'), 'bang.xlsx', 'bracket.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(ENGLISH_SENTENCE);
    expect(r.stderr).not.toContain('未为');
    const bang = await load(join(out, 'bang.checked.xlsx'));
    expect((bang.getWorksheet(SELF)!.getCell('H5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILL_ERROR);
    const link = bang.getWorksheet('核对结果')!.getCell(2, 4).value as ExcelJS.CellFormulaValue;
    expect(link.formula).toBe(`HYPERLINK("#'附件!3'!H5","H5")`);
    // `[` is Excel's own refusal: the copy names that sheet with the full-width look-alike, and says so.
    const bracket = await load(join(out, 'bracket.checked.xlsx'));
    expect(bracket.getWorksheet('附件［3］')!.getCell('H5').value).toBe(9.8);
    const results = bracket.getWorksheet('核对结果')!;
    expect((results.getCell(2, 4).value as ExcelJS.CellFormulaValue).formula).toBe(`HYPERLINK("#'附件［3］'!H5","H5")`);
    const notes: string[] = [];
    results.eachRow((row) => notes.push(String(row.getCell(1).value)));
    expect(notes.join('\n')).toContain('工作表名“附件[3]”（含 Excel 不允许的字符，副本中改为“附件［3］”）');
    const summary = await load(join(out, 'summary.xlsx'));
    expect(summary.worksheets[0]!.getRow(2).getCell(11).value).toBe('已核对');
  });
});
