/**
 * Each workbook is checked in isolation (issue 11): through the real command, a workbook that
 * exhausts its worker's memory, one that runs past its time budget, and one whose single merged
 * area covers most of a sheet each cost only their own report; the files after them are checked,
 * the report keeps input order and the summary is written.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { hashTree, makeTempDir, seedWorkbook } from './batch-folder';
import { buildCli, cli, ENGLISH_SENTENCE, type Json } from './cli-process';

beforeAll(buildCli, 120_000);

/** A workbook of 300,000 text cells: well within the read limits, too much for a 64 MB heap. */
async function bigWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  for (let r = 1; r <= 30_000; r++) ws.addRow(Array.from({ length: 10 }, (_, c) => `第${r}行第${c}列`));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** 10 KB on disk: one merged area AA1:XFD1048576 (the workbook that exhausted 4 GB). */
async function hugeMergeWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').getCell('A1').value = '附件3';
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
  parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="AA1:XFD1048576"/></mergeCells>'));
  return zipSync(parts);
}

describe('a batch with workbooks that exhaust memory or time', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = makeTempDir('selfeval-isolation-');
    const contents: [string, Uint8Array][] = [
      ['1-大表.xlsx', await bigWorkbook()],
      ['2-合并区域.xlsx', await hugeMergeWorkbook()],
      ['3-seed.xlsx', await seedWorkbook(false)],
      ['4-一致.xlsx', await seedWorkbook(true)],
    ];
    files = contents.map(([name, bytes]) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    });
  }, 120_000);

  it('reports a worker that runs out of memory as unreadable, and checks every file after it', async () => {
    const before = hashTree(dir);
    const out = makeTempDir('selfeval-isolation-out-');
    const r = cli(['--format', 'json', '--jobs', '2', '--max-memory', '64', '--summary', join(out, 'summary.xlsx'), ...files]);
    expect(r.code).toBe(2);
    const reports = JSON.parse(r.stdout) as Json[];
    expect(reports.map((x) => x.file)).toEqual(files);
    expect(reports.map((x) => x.status)).toEqual(['unreadable', 'unreadable', 'checked', 'checked']);
    expect(reports[0]!.error).toBe('工作簿过大或结构异常，已跳过：“1-大表.xlsx”核对时所需内存超过 64 MB 的上限。请在 Excel 或 WPS 中打开检查，删去无关内容后另存再核对。');
    // Refused before the load or skipped when its worker died: either way named, and in Chinese.
    expect(reports[1]!.error).toContain('“2-合并区域.xlsx”');
    expect(reports[2]!.summary).toMatchObject({ errors: 1, enteredTotal: '95.8', recomputedTotal: '94.99' });
    expect(reports[3]!.summary.errors).toBe(0);
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.load(readFileSync(join(out, 'summary.xlsx')) as unknown as ExcelJS.Buffer);
    const ws = summary.worksheets[0]!;
    expect([2, 3, 4, 5].map((row) => ws.getRow(row).getCell(11).value)).toEqual(['无法读取', '无法读取', '已核对', '已核对']);
    expect(r.stderr).not.toMatch(ENGLISH_SENTENCE);
    expect(hashTree(dir)).toEqual(before);
  }, 300_000);

  it('ends a worker past its time budget, and a fresh worker takes the next file', () => {
    const r = cli(['--format', 'json', '--jobs', '1', '--timeout', '0.001', files[2]!, files[3]!]);
    expect(r.code).toBe(2);
    const reports = JSON.parse(r.stdout) as Json[];
    expect(reports.map((x) => [x.file, x.status])).toEqual([
      [files[2], 'unreadable'],
      [files[3], 'unreadable'],
    ]);
    expect(reports[0]!.error).toBe('工作簿过大或结构异常，已跳过：“3-seed.xlsx”核对超过 0.001 秒仍未完成。请在 Excel 或 WPS 中打开检查，删去无关内容后另存再核对。');
    expect(reports[1]!.error).toContain('“4-一致.xlsx”核对超过 0.001 秒');
  }, 120_000);

  it('gives the same report in input order whatever the number of workers', () => {
    const one = cli(['--jobs', '1', '--format', 'json', ...files.slice(2)]);
    const two = cli(['--jobs', '2', '--format', 'json', ...files.slice(2)]);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
    expect((JSON.parse(one.stdout) as Json[]).map((x) => x.file)).toEqual(files.slice(2));
  }, 120_000);

  it('rejects a --jobs, --timeout or --max-memory that is not a positive number, in Chinese', () => {
    for (const args of [['--jobs', '0'], ['--jobs', '1.5'], ['--timeout', 'abc'], ['--max-memory', '10']]) {
      const r = cli([...args, files[3]!]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^selfeval-check：--(jobs|timeout|max-memory) /);
      expect(r.stdout).toBe('');
    }
  });
});
