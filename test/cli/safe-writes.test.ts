/**
 * Outputs cannot land on the wrong file (issue 11), through the real command: a hard link or a
 * symbolic link where an output goes is never written through, an earlier annotated copy is
 * never replaced, and --annotate keeps the inputs' folder structure. Inputs and files outside
 * the output folders are compared by sha256 before and after.
 */
import ExcelJS from 'exceljs';
import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { hashTree, makeTempDir, seedWorkbook } from './batch-folder';
import { buildCli, cli, ENGLISH_SENTENCE, type Json } from './cli-process';

beforeAll(buildCli, 120_000);

let seed: Uint8Array;
beforeAll(async () => {
  seed = await seedWorkbook(false);
});

/** in/ with seed.xlsx, out/ empty, and outside/ with a file a link may point at. */
function layout(): { root: string; input: string; out: string; outside: string } {
  const root = makeTempDir('selfeval-safe-');
  for (const d of ['in', 'out', 'outside']) mkdirSync(join(root, d));
  writeFileSync(join(root, 'in', 'seed.xlsx'), seed);
  writeFileSync(join(root, 'outside', 'notes.txt'), '别人的文件，不能被改写\n');
  return { root, input: join(root, 'in', 'seed.xlsx'), out: join(root, 'out'), outside: join(root, 'outside', 'notes.txt') };
}

async function resultsSheetNotes(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('核对结果')!;
  const notes: string[] = [];
  ws.eachRow((row, n) => {
    const v = row.getCell(1).value;
    if (n > 1 && typeof v === 'string') notes.push(v);
  });
  return notes;
}

describe('--annotate never writes through what is already in its folder', () => {
  it('a hard link to the input where its copy would go: the input stays as it was', () => {
    const t = layout();
    linkSync(t.input, join(t.out, 'seed.checked.xlsx'));
    const before = hashTree(t.root);
    const r = cli(['--annotate', t.out, t.input]);
    expect(r.code).toBe(1); // the seed's one error finding; nothing refused
    expect(hashTree(t.root)).toMatchObject(before); // every file there before is unchanged
    expect(readdirSync(t.out).sort()).toEqual(['seed (2).checked.xlsx', 'seed.checked.xlsx']);
    expect(r.stderr).toContain(`“${join(t.out, 'seed.checked.xlsx')}”已存在，未覆盖；“${t.input}”的标注副本写为“${join(t.out, 'seed (2).checked.xlsx')}”`);
  });

  it('a symbolic link to a file outside: that file stays as it was', () => {
    const t = layout();
    symlinkSync(t.outside, join(t.out, 'seed.checked.xlsx'));
    const before = hashTree(join(t.root, 'outside'));
    const r = cli(['--annotate', t.out, t.input]);
    expect(r.code).toBe(1);
    expect(hashTree(join(t.root, 'outside'))).toEqual(before);
    expect(readdirSync(t.out).sort()).toEqual(['seed (2).checked.xlsx', 'seed.checked.xlsx']);
    expect(r.stderr).toContain('已存在，未覆盖');
  });

  it('an earlier copy is kept, and the new one is named apart, saying so', () => {
    const t = layout();
    expect(cli(['--annotate', t.out, t.input]).code).toBe(1);
    const first = hashTree(t.out);
    const again = cli(['--annotate', t.out, t.input]);
    expect(hashTree(t.out)).toMatchObject(first);
    expect(readdirSync(t.out).sort()).toEqual(['seed (2).checked.xlsx', 'seed.checked.xlsx']);
    expect(again.stderr).toContain('未覆盖');
  });
});

describe('--out and --summary', () => {
  it('refuse a symbolic link standing where they go, leaving its target alone', () => {
    const t = layout();
    const out = join(t.out, 'report.json');
    const summary = join(t.out, 'summary.xlsx');
    symlinkSync(t.outside, out);
    symlinkSync(t.outside, summary);
    const before = hashTree(t.root);
    const r = cli(['--out', out, '--summary', summary, t.input]);
    expect(r.code).toBe(2);
    expect(hashTree(t.root)).toEqual(before);
    expect(r.stderr).toContain(`无法写出“${out}”：该位置已有一个符号链接，为免写到链接指向的文件，未写入`);
    expect(r.stderr).toContain(`无法写出“${summary}”：该位置已有一个符号链接`);
  });

  it('refuse a hard link to an input (the same file under another name)', () => {
    const t = layout();
    const summary = join(t.out, 'summary.xlsx');
    linkSync(t.input, summary);
    const before = hashTree(t.root);
    const r = cli(['--summary', summary, t.input]);
    expect(r.code).toBe(2);
    expect(hashTree(t.root)).toEqual(before);
    expect(r.stderr).toContain('就是要核对的输入文件之一（同一文件或硬链接），原文件不会被改写');
  });

  it('replace an existing regular file whole, through a temporary file that does not stay', () => {
    const t = layout();
    const out = join(t.out, 'report.json');
    writeFileSync(out, 'x'.repeat(100_000));
    expect(cli(['--format', 'json', '--out', out, t.input]).code).toBe(1);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Json).file).toBe(t.input);
    expect(readdirSync(t.out)).toEqual(['report.json']);
  });

  it('say in Chinese why a folder in the way cannot be written', () => {
    const t = layout();
    mkdirSync(join(t.out, 'report.json'));
    const r = cli(['--out', join(t.out, 'report.json'), t.input]);
    expect(r.code).toBe(2);
    // Found before any file is checked (output-check.ts); write-output.ts refuses it too, should it appear later.
    expect(r.stderr).toContain(`--out 应给出文件名，而“${join(t.out, 'report.json')}”是一个文件夹`);
    expect(r.stderr).not.toMatch(ENGLISH_SENTENCE);
  });
});

describe('--annotate keeps the folder structure', () => {
  it('gives two same-named workbooks from different folders two copies that say where they came from', async () => {
    const root = makeTempDir('selfeval-tree-');
    for (const d of ['甲县', '乙县']) {
      mkdirSync(join(root, 'in', d), { recursive: true });
      writeFileSync(join(root, 'in', d, 'seed-004.xlsx'), seed);
    }
    const out = join(root, 'out');
    const r = cli(['--annotate', out, join(root, 'in')]);
    expect(r.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['乙县', '甲县']);
    for (const d of ['甲县', '乙县']) {
      const copy = join(out, d, 'seed-004.checked.xlsx');
      expect(await resultsSheetNotes(copy)).toContain(`原文件：${join(root, 'in', d, 'seed-004.xlsx')}`);
    }
  });
});
