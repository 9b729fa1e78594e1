/**
 * The command end to end: `node build/cli/main.js` on a temporary folder with good and bad
 * workbooks. Builds the CLI first (npm run build:cli).
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'fs';
import { dirname, isAbsolute, join, resolve } from 'path';
import { linkTargetOf } from '../../src/host/file/links';
import { buildWorkbook, FIXTURES } from '../fixtures/fixtures';
import { writeFileSync } from 'fs';
import { hashTree, makeBatchFolder, makeTempDir, seedWorkbook, type BatchFolder } from './batch-folder';
import { buildCli } from './cli-process';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'build', 'cli', 'main.js');

interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The colour variables of the test's own environment are left out; `env` adds some back. */
function cliEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS']) delete base[k];
  return { ...base, ...env };
}

function cli(args: readonly string[], cwd = ROOT, env: Record<string, string> = {}): RunResult {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', env: cliEnv(env) });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The command on a pseudo-terminal (util-linux `script`), stdout and stderr merged as a terminal shows them. */
function cliOnTerminal(args: readonly string[], cwd: string, env: Record<string, string> = {}): RunResult {
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, MAIN, ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', env: cliEnv({ TERM: 'xterm', ...env }) });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DECIMAL = /^-?\d+(\.\d+)?$/;

beforeAll(buildCli, 120_000);

describe('selfeval-check on a batch folder', () => {
  let batch: BatchFolder;
  let before: Record<string, string>;
  let out: string;
  let run: RunResult;
  let reports: Json[];

  beforeAll(async () => {
    batch = await makeBatchFolder();
    before = hashTree(batch.root);
    out = makeTempDir('selfeval-out-');
    run = cli([
      '--format', 'json',
      '--annotate', join(out, 'annotated'),
      '--summary', join(out, 'summary.xlsx'),
      batch.root,
    ]);
    reports = JSON.parse(run.stdout) as Json[];
  });

  it('exits 2 when a file is unreadable or unrecognised, having checked the others', () => {
    expect(run.code).toBe(2);
    expect(reports.map((r) => r.status)).toEqual(['checked', 'checked', 'unreadable', 'unreadable', 'unrecognised', 'checked']);
  });

  it('gives a JSON array, one object per workbook found, lock files and our copies skipped', () => {
    expect(reports.map((r) => r.file)).toEqual(batch.checked.map((f) => join(batch.root, f)));
  });

  it('reports the seed workbook as docs/contract.md shows, numbers as decimal strings', () => {
    const seed = reports[0]!;
    expect(seed).toMatchObject({
      profile: 'hunan-dept-overall',
      status: 'checked',
      error: null,
      sheets: { basic: '附件2', selfEval: '附件3' },
      summary: { errors: 1, enteredTotal: '95.8', recomputedTotal: '94.99', grade: '优', gradeWithheld: null },
    });
    // Every check of the family ran on seed 004: nothing is missing, no sheet left unread.
    expect(seed.coverage).toEqual({
      ran: ['财政供养人员控制率', '三公经费', '项目支出', '公用经费', '执行率及得分', '资金结构', '指标得分', '得分范围', '分值合计', '总分', '偏差原因', '指标层级分值'],
      notRun: [],
      unreadSheets: [],
    });
    const exec = (seed.findings as Json[]).find((f) => f.ruleId === 'selfeval.execution-score')!;
    expect(exec).toMatchObject({ severity: 'error', sheet: '附件3', cell: 'H5', entered: '9.8', expected: '9.90' });
    expect(exec.message).toContain('9.90');
    expect(Array.isArray(exec.inputs)).toBe(true);
    for (const f of seed.findings as Json[]) {
      expect(Object.keys(f).slice(0, 8)).toEqual(['ruleId', 'severity', 'sheet', 'cell', 'entered', 'expected', 'message', 'inputs']);
      for (const key of ['entered', 'expected']) if (f[key] !== null) expect(typeof f[key]).toBe('string');
    }
    for (const key of ['enteredTotal', 'recomputedTotal']) expect(seed.summary[key]).toMatch(DECIMAL);
  });

  it('reads the .xls twin to the same result as the .xlsx', () => {
    const [, xlsx, , , , xls] = reports;
    expect(xls!.summary).toEqual(xlsx!.summary);
    expect(xls!.findings).toEqual(xlsx!.findings);
  });

  it('names the problem of each unreadable file in Chinese', () => {
    expect(reports[2]!.error).toContain('文件已加密');
    expect(reports[3]!.error).toContain('文本文件');
    expect(reports[4]!.error).toContain('未识别');
    for (const r of reports.slice(2, 5)) {
      expect(r.summary).toEqual({ errors: 0, warnings: 0, infos: 0, enteredTotal: null, recomputedTotal: null, grade: null, acknowledged: 0, gradeWithheld: null });
      expect(r.findings).toEqual([]);
      expect(r.sheets).toEqual({ basic: null, selfEval: null });
    }
  });

  it('leaves every input byte-identical (sha256)', () => {
    expect(hashTree(batch.root)).toEqual(before);
  });

  it('writes an annotated copy per readable input, and says which inputs have none', async () => {
    const dir = join(out, 'annotated');
    // The inputs' folder structure is kept: the .xls inside 乡镇/ has its copy in 乡镇/.
    expect(readdirSync(dir).sort()).toEqual(['1-芦淞区商务局.checked.xlsx', '2-一致.checked.xlsx', '6-通讯录.checked.xlsx', '乡镇']);
    expect(readdirSync(join(dir, '乡镇'))).toEqual(['3-一致.checked.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, '1-芦淞区商务局.checked.xlsx')) as unknown as ExcelJS.Buffer);
    const h5 = wb.getWorksheet('附件3')!.getCell('H5');
    expect((h5.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    const results = wb.getWorksheet('核对结果')!;
    expect(results.rowCount).toBe(reports[0]!.findings.length + 5); // the findings, a blank row, the legend, the coverage, the source
    expect(results.getCell(results.rowCount, 1).value).toBe(`原文件：${join(batch.root, '1-芦淞区商务局.xlsx')}`);
    // The unrecognised workbook's copy says why nothing in it is marked (below the legend of the fills).
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(readFileSync(join(dir, '6-通讯录.checked.xlsx')) as unknown as ExcelJS.Buffer);
    expect(String(other.getWorksheet('核对结果')!.getCell(4, 1).value)).toMatch(/^未核对：.*未识别/);
    expect(run.stderr).toContain('未为“');
    expect(run.stderr).toContain('4-加密.xlsx');
  });

  it('says which files in the folder it left out', () => {
    expect(run.stderr).toMatch(/文件夹中有 \d+ 个文件未核对（Excel 临时文件或本工具生成的 .checked.xlsx 副本）/);
  });

  it('writes the summary workbook, one row per file with its status', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'summary.xlsx')) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(reports.length + 1);
    expect(ws.getRow(2).getCell(2).value).toBe('株洲市芦淞区商务局');
    expect(ws.getRow(2).getCell(5).value).toBe(94.99);
    expect([2, 3, 4, 5, 6, 7].map((r) => ws.getRow(r).getCell(11).value)).toEqual(['已核对', '已核对', '无法读取', '无法读取', '未识别模板', '已核对']);
  });

  it('lists every finding on 全部问题, each linked to its own cell of an existing annotated copy', async () => {
    const summaryPath = join(out, 'summary.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(summaryPath) as unknown as ExcelJS.Buffer);
    const all = wb.getWorksheet('全部问题')!;
    const findings: Json[] = reports.flatMap((r) => (r.findings as Json[]).map((f): Json => ({ ...f, file: r.file as string })));
    expect(findings.length).toBeGreaterThan(3);
    expect(all.rowCount).toBe(findings.length + 1);
    const copies = new Map<string, ExcelJS.Workbook>();
    for (const [i, f] of findings.entries()) {
      const row = all.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(4).value, row.getCell(12).value]).toEqual([f.file, f.sheet, f.ruleId]);
      const target = linkTargetOf(row.getCell(5).value)!;
      expect(target).not.toBeNull();
      const [file, location] = target.split('#') as [string, string];
      expect(isAbsolute(file)).toBe(false);
      const copyPath = resolve(dirname(summaryPath), file);
      expect(existsSync(copyPath)).toBe(true);
      if (!copies.has(copyPath)) {
        const copy = new ExcelJS.Workbook();
        await copy.xlsx.load(readFileSync(copyPath) as unknown as ExcelJS.Buffer);
        copies.set(copyPath, copy);
      }
      const m = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(location)!;
      const sheet = copies.get(copyPath)!.getWorksheet(m[1]!.replace(/''/g, "'"))!;
      expect([sheet.name, m[2]]).toEqual([f.sheet, f.cell]);
      // The cell it opens is the one the copy marked for this finding.
      const note = sheet.getCell(m[2]!).note as unknown;
      expect(typeof note === 'string' ? note : ((note as ExcelJS.Comment).texts ?? []).map((t) => t.text).join('')).toContain(f.message);
    }
    // 核对汇总 links each copy that was written; the unreadable files have none.
    const summary = wb.getWorksheet('核对汇总')!;
    const links = [2, 3, 4, 5, 6, 7].map((r) => linkTargetOf(summary.getRow(r).getCell(14).value));
    expect(links.map((l) => l !== null)).toEqual([true, true, false, false, true, true]);
    for (const l of links) if (l) expect(existsSync(resolve(out, l))).toBe(true);
    expect(summary.getRow(2).getCell(6).value).toBe(reports[0]!.statedGrade);
  });

  it('shows no progress bar when stderr is not a terminal', () => {
    expect(run.stderr).not.toContain('[#');
  });
});

describe('selfeval-check on single files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = makeTempDir('selfeval-single-');
    writeFileSync(join(dir, 'seed.xlsx'), await seedWorkbook(false));
    writeFileSync(join(dir, 'ok.xlsx'), await seedWorkbook(true));
  });

  it('prints text when not a terminal too (as ESLint), and one JSON object with --format json', () => {
    const text = cli([join(dir, 'seed.xlsx')]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`文件：${join(dir, 'seed.xlsx')}`);
    const r = cli(['--format', 'json', join(dir, 'seed.xlsx')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Json;
    expect(Array.isArray(report)).toBe(false);
    expect(report.file).toBe(join(dir, 'seed.xlsx'));
  });

  it('exits 0 on a consistent workbook, keeping the path as given', () => {
    const r = cli(['--format', 'json', 'ok.xlsx'], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Json).file).toBe('ok.xlsx');
  });

  it('gives an array for two files', () => {
    const r = cli(['--format', 'json', 'seed.xlsx', 'ok.xlsx'], dir);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Json[]).map((x) => x.summary.errors)).toEqual([1, 0]);
  });

  it('writes the report to --out, nothing to stdout', () => {
    const target = join(dir, 'reports', 'r.json');
    const r = cli(['--format', 'json', '--out', target, 'seed.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect((JSON.parse(readFileSync(target, 'utf8')) as Json).status).toBe('checked');
  });

  it('renders text and html with the summary line and findings', () => {
    const text = cli(['--format', 'text', 'seed.xlsx'], dir);
    expect(text.stdout).toContain('文件：seed.xlsx');
    expect(text.stdout).toContain('填报总分 95.8，重算总分 94.99；填报等次 —，重算等次 优');
    expect(text.stdout).toContain('[错误] 附件3!H5');
    expect(text.stdout).not.toContain('\x1b['); // no colour into a pipe
    const html = cli(['--format=html', 'seed.xlsx'], dir);
    expect(html.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.stdout).toContain('附件3!H5');
    expect(html.stdout).not.toMatch(/<script/i);
  });

  it('refuses to write --out onto an input', () => {
    const before = hashTree(dir);
    const r = cli(['--out', 'seed.xlsx', 'seed.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('原文件不会被改写');
    expect(hashTree(dir)).toEqual(before);
  });

  it('exits 2 for a path that does not exist and for an unsupported file', () => {
    const missing = cli(['--format', 'json', 'nope.xlsx', 'ok.xlsx'], dir);
    expect(missing.code).toBe(2);
    const [first, second] = JSON.parse(missing.stdout) as Json[];
    expect(first).toMatchObject({ file: 'nope.xlsx', status: 'unreadable' });
    expect(second).toMatchObject({ status: 'checked' });
    writeFileSync(join(dir, 'notes.csv'), 'a,b');
    expect(cli(['notes.csv'], dir).code).toBe(2);
  });

  it('prints help and version, and rejects bad options with exit 2', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--annotate DIR');
    const version = cli(['--version']);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Json).version);
    expect(cli(['--format', 'xml', 'ok.xlsx'], dir).code).toBe(2);
    expect(cli(['--bogus', 'ok.xlsx'], dir).code).toBe(2);
    const profile = cli(['--profile', 'nope', 'ok.xlsx'], dir);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain('hunan-dept-overall');
    expect(cli(['--profile', 'hunan-dept-overall', 'ok.xlsx'], dir).code).toBe(0);
  });

  it('has a #!/usr/bin/env node line', () => {
    expect(readFileSync(MAIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(existsSync(MAIN)).toBe(true);
  });
});

describe('selfeval-check options for reviewers', () => {
  let dir: string;
  beforeAll(async () => {
    dir = makeTempDir('selfeval-options-');
    writeFileSync(join(dir, 'seed.xlsx'), await seedWorkbook(false));
    // Warnings, no error: one indicator score off the proportional rule.
    const warn = FIXTURES.find((f) => f.name === 'rule-indicator-score')!;
    const warnBytes = new Uint8Array(await buildWorkbook(warn.spec).xlsx.writeBuffer());
    writeFileSync(join(dir, 'warn.xlsx'), warnBytes);
    writeFileSync(join(dir, 'warn-2.xlsx'), warnBytes);
  });

  it('--quiet lists only the errors, still counting the rest', () => {
    const r = cli(['--format', 'text', '--quiet', 'seed.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[错误] 附件3!H5');
    expect(r.stdout).not.toContain('[警告]');
    expect(r.stdout).not.toContain('[提示]');
    expect(r.stdout).toMatch(/另有 \d+ 条警告或提示未列出。/);
    const json = JSON.parse(cli(['--format', 'json', '-q', 'seed.xlsx'], dir).stdout) as Json;
    expect((json.findings as Json[]).map((f) => f.severity)).toEqual(['error']);
    expect(json.summary.warnings).toBeGreaterThan(0);
  });

  it('--max-warnings N exits 1 when the warnings exceed N, as ESLint does', () => {
    const warnings = (JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'expected', 'rule-indicator-score.json'), 'utf8')) as Json[]).filter((f) => f.severity === 'warning').length;
    expect(warnings).toBe(1);
    expect(cli(['--max-warnings', '1', 'warn.xlsx'], dir).code).toBe(0);
    const over = cli(['--max-warnings', '0', 'warn.xlsx'], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('共有 1 条警告（已说明的不计），超过 --max-warnings 规定的 0 条。');
    // A batch counts its warnings together, also when --quiet leaves them out of the report.
    const batch = cli(['--quiet', '--max-warnings', '1', 'warn.xlsx', 'warn-2.xlsx'], dir);
    expect(batch.code).toBe(1);
    expect(batch.stderr).toContain('共有 2 条警告');
  });

  it('colours the text report on a terminal, honouring NO_COLOR, FORCE_COLOR and --no-color', () => {
    const red = '\x1b[31m[错误]';
    const tty = cliOnTerminal(['seed.xlsx'], dir);
    expect(tty.code).toBe(1);
    expect(tty.stdout).toContain('文件：seed.xlsx'); // text by default on a terminal
    expect(tty.stdout).toContain(red);
    expect(cliOnTerminal(['seed.xlsx'], dir, { NO_COLOR: '1' }).stdout).not.toContain('\x1b[31m');
    // Not a terminal: plain (see 'renders text and html'), unless FORCE_COLOR says otherwise.
    expect(cli(['--format', 'text', 'seed.xlsx'], dir, { FORCE_COLOR: '1' }).stdout).toContain(red);
    expect(cli(['--format', 'text', '--no-color', 'seed.xlsx'], dir, { FORCE_COLOR: '1' }).stdout).not.toContain('\x1b[');
    // Never into a file.
    cli(['--format', 'text', '--out', 'r.txt', 'seed.xlsx'], dir, { FORCE_COLOR: '1' });
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).not.toContain('\x1b[');
  });

  it('refuses output mistakes in Chinese before checking anything, exit 2', () => {
    mkdirSync(join(dir, 'reports'), { recursive: true });
    const folder = cli(['--out', 'reports', 'seed.xlsx'], dir);
    expect(folder.code).toBe(2);
    expect(folder.stdout).toBe('');
    expect(folder.stderr).toBe(`selfeval-check：--out 应给出文件名，而“reports”是一个文件夹；例如：--out ${join('reports', '核对报告.txt')}未核对任何文件。\n`);
    const throughFile = cli(['--summary', 'seed.xlsx/s.xlsx', 'warn.xlsx'], dir);
    expect(throughFile.code).toBe(2);
    expect(throughFile.stderr).toContain('是文件，不是文件夹');
    const unwritable = cli(['--annotate', '/proc/selfeval-nowhere', 'seed.xlsx'], dir);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('不能创建文件夹“/proc/selfeval-nowhere”');
    expect(cli(['--summary', 's.csv', 'seed.xlsx'], dir).stderr).toContain('--summary 的文件名须以 .xlsx 结尾');
    for (const r of [folder, throughFile, unwritable]) expect(r.stderr).not.toMatch(/E[A-Z]{3,}:|Error/);
  });

  it('says 已写出 on stderr once per output file', () => {
    const r = cli(['--out', 'o/r.json', '--summary', 'o/s.xlsx', '--annotate', 'o/copies', 'seed.xlsx', 'warn.xlsx'], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('已写出 '));
    expect(lines.sort()).toEqual(
      ['已写出 报告：o/r.json', '已写出 汇总表：o/s.xlsx', `已写出 标注副本：${join('o/copies', 'seed.checked.xlsx')}`, `已写出 标注副本：${join('o/copies', 'warn.checked.xlsx')}`].sort(),
    );
    for (const l of lines) expect(existsSync(join(dir, l.slice(l.indexOf('：') + 1)))).toBe(true);
    // Nothing written, nothing said.
    expect(cli(['seed.xlsx'], dir).stderr).not.toContain('已写出');
  });
});

