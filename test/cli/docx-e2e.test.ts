/**
 * Word reports through the command end to end: a folder with a .docx report (seed 004 as
 * published), an old .doc and a damaged .docx beside a workbook. Builds the CLI first.
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { hashTree, makeTempDir } from './batch-folder';
import { seed004Report, SELF_CAPTION, BASIC_CAPTION } from '../docx/seed004-report';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'build', 'cli', 'main.js');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(() => {
  try {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    if (!existsSync(MAIN)) throw e;
  }
}, 120_000);

describe('selfeval-check on a folder of Word reports', () => {
  let root: string;
  let out: string;
  let before: Record<string, string>;
  let code: number;
  let stderr: string;
  let reports: Json[];

  beforeAll(async () => {
    root = makeTempDir('selfeval-docx-');
    mkdirSync(join(root, '报告'));
    const report = await seed004Report();
    writeFileSync(join(root, '报告', '芦淞区商务局自评报告.docx'), report);
    writeFileSync(join(root, '报告', '半截.docx'), report.subarray(0, 2000));
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/WordDocument', new Uint8Array(512));
    writeFileSync(join(root, '报告', '旧版报告.doc'), new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>));
    writeFileSync(join(root, '报告', '~$松区商务局自评报告.docx'), new Uint8Array(162));
    writeFileSync(join(root, 'seed-004.xlsx'), execFileSync('cat', [join(ROOT, 'samples', 'seed-004.xlsx')]));
    before = hashTree(root);
    out = makeTempDir('selfeval-docx-out-');
    const r = spawnSync(process.execPath, [MAIN, '--format', 'json', '--annotate', join(out, 'copies'), '--summary', join(out, 'summary.xlsx'), root], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    code = r.status ?? -1;
    stderr = r.stderr;
    reports = JSON.parse(r.stdout) as Json[];
  }, 120_000);

  const byName = (name: string): Json => {
    const r = reports.find((x) => String(x.file).endsWith(name));
    if (!r) throw new Error(`no report for ${name}: ${reports.map((x) => x.file).join(', ')}`);
    return r;
  };

  it('takes .docx and .doc beside workbooks, skips Word lock files, and exits 2 for the unreadable ones', () => {
    expect(code).toBe(2);
    expect(reports).toHaveLength(4);
    expect(reports.some((r) => String(r.file).includes('~$'))).toBe(false);
  });

  it('checks the report’s tables on their caption-named sheets', () => {
    const r = byName('芦淞区商务局自评报告.docx');
    expect(r.status).toBe('checked');
    expect(r.sheets).toEqual({ basic: BASIC_CAPTION, selfEval: SELF_CAPTION });
    const score = r.findings.find((f: Json) => f.ruleId === 'selfeval.execution-score');
    expect(score).toMatchObject({ sheet: SELF_CAPTION, cell: 'H3', entered: '9.8', expected: '9.90' });
    expect(score.inputs).toEqual([`${SELF_CAPTION}!D3`, `${SELF_CAPTION}!E3`, `${SELF_CAPTION}!F3`]);
    // The workbook beside it gives the same figures at its own cells.
    const xlsx = byName('seed-004.xlsx');
    expect(r.findings.filter((f: Json) => f.sheet !== '正文').map((f: Json) => [f.ruleId, f.entered, f.expected])).toEqual(
      xlsx.findings.map((f: Json) => [f.ruleId, f.entered, f.expected]),
    );
  });

  it('asks for a .doc to be saved as .docx and names a damaged .docx', () => {
    expect(byName('旧版报告.doc')).toMatchObject({ status: 'unreadable' });
    expect(byName('旧版报告.doc').error).toContain('请用 Word 或 WPS 另存为 .docx 后再核对');
    expect(byName('半截.docx').status).toBe('unreadable');
    expect(byName('半截.docx').error).toContain('“半截.docx”');
  });

  it('writes the report’s copy as an .xlsx: one sheet per table, 正文, 核对结果, the cell marked', async () => {
    const copies = readdirSync(join(out, 'copies'), { recursive: true }).map(String);
    const copy = copies.find((c) => c.endsWith('芦淞区商务局自评报告.checked.xlsx'));
    expect(copy).toBeDefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'copies', copy!));
    expect(wb.worksheets.map((w) => w.name)).toEqual([BASIC_CAPTION, SELF_CAPTION, '正文', '核对结果']);
    const h3 = wb.getWorksheet(SELF_CAPTION)!.getCell('H3');
    expect(h3.value).toBe('9.8');
    expect((h3.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/^FF/);
    expect(wb.getWorksheet(SELF_CAPTION)!.model.merges).toEqual(expect.arrayContaining(['A2:A8', 'A19:F19']));
    expect(wb.getWorksheet('正文')!.getCell('A1').value).toBe(' 2023年度芦淞区商务局整体支出');
  });

  it('lists the report in the summary like a workbook, and never writes an input', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'summary.xlsx'));
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells.some((c) => c.includes('芦淞区商务局自评报告.docx'))).toBe(true);
    expect(hashTree(root)).toEqual(before);
    expect(stderr).not.toMatch(/Error|at .*\.js/);
  });
});
