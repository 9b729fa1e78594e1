/**
 * The file door on the hostile corpus (build-hostile.ts): each file is refused with a Chinese
 * message naming the file and the limit or the damage, or read when it is legitimate — before
 * any parser builds what the file claims (a one-merge sheet covering the whole grid, 200,000
 * merges, 1.2 M cells, a zip whose headers lie), so with little memory. Nothing a library
 * prints reaches the console.
 */
import { readFileSync } from 'fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkWorkbook } from '../../src/engine';
import { findRule } from '../../src/core/rules/registry';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { libraryDetail } from '../../src/host/file/failure';
import { readWorkbook } from '../../src/host/file/read';
import { buildHostileCorpus, SEED_FILE, type HostileCase } from './build-hostile';

/** Built when the module loads, so that each file is a test of its own. */
const corpus: readonly HostileCase[] = buildHostileCorpus();

const CHINESE = /[\u4e00-\u9fff]/;
/** Seed 004's hand-written findings, whole (the title is the rule's own, as the fixture driver adds it). */
const seedFindings = (JSON.parse(readFileSync(`${__dirname}/../fixtures/expected/seed-004.json`, 'utf8')) as Array<{ ruleId: string }>).map((f) => ({ ...f, title: findRule(f.ruleId)!.title }));

function findingsOf(grid: Parameters<typeof checkWorkbook>[0], file: string) {
  return checkWorkbook(grid, { file }).findings;
}

describe('every hostile file gives a clear answer, and the console stays quiet', () => {
  const spies: jest.SpyInstance[] = [];
  beforeEach(() => {
    for (const m of ['log', 'warn', 'error', 'info'] as const) spies.push(jest.spyOn(console, m));
  });
  afterEach(() => {
    for (const s of spies) {
      expect(s).not.toHaveBeenCalled();
      s.mockRestore();
    }
    spies.length = 0;
  });

  it('covers the cases the issue names', () => {
    expect(corpus.map((c) => c.file)).toEqual(
      expect.arrayContaining(['merge-whole-sheet.xlsx', 'merges-200000.xlsx', 'format-long-bracket.xlsx', 'cells-1.2m.xlsx', 'dimension-12m-cells.xlsx', 'truncated.xlsx', 'lying-sizes.xlsx', 'entity-expansion.xlsx', 'string-1mb-shared.xlsx', 'missing-sheet-part.xlsx', 'encrypted.xlsx', 'really-a-pdf.xlsx', 'empty.xlsx']),
    );
    for (const c of corpus) expect(c.bytes.length).toBeLessThan(2 * 1024 * 1024); // small on disk
  });

  test.each(corpus.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    const before = Buffer.from(c.bytes).toString('base64');
    const r = await readWorkbook({ bytes: c.bytes, fileName: `来件/${c.file}` });
    expect(Buffer.from(c.bytes).toString('base64')).toBe(before); // the input is never written
    if (c.expect.ok) {
      expect(r.ok ? 'read' : r.message).toBe('read');
      return;
    }
    if (r.ok) throw new Error(`${c.file}: expected ${c.expect.reason}, got a grid`);
    expect({ file: c.file, reason: r.reason }).toEqual({ file: c.file, reason: c.expect.reason });
    expect(r.message).toContain(`“${c.file}”`);
    expect(r.message).toMatch(CHINESE);
    for (const m of c.expect.mentions) expect(r.message).toContain(m);
    expect(r.message).not.toMatch(/[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/); // no English sentence from a library
  });

  it('reads the legitimate variants exactly as the sample: a huge declared dimension changes nothing', async () => {
    for (const name of ['dimension-12m-cells.xlsx', 'dimension-1048576-rows.xlsx']) {
      const c = corpus.find((x) => x.file === name)!;
      const r = await readWorkbook({ bytes: c.bytes, fileName: name });
      if (!r.ok) throw new Error(r.message);
      expect(findingsOf(r.grid, name)).toEqual(seedFindings);
    }
  });
});

describe('limits apply at their documented values, and can be set', () => {
  const seed = (): Record<string, Uint8Array> => unzipSync(readFileSync(SEED_FILE));
  const sheet3 = 'xl/worksheets/sheet2.xml';

  it('a merge that stays inside the cell budget is read; one past it is refused before ExcelJS builds it', async () => {
    const parts = seed();
    // The sample holds 627 cells and merge-covered cells; K30:Z80 covers 16 × 51 = 816 more.
    parts[sheet3] = strToU8(strFromU8(parts[sheet3]!).replace('</mergeCells>', '<mergeCell ref="K30:Z80"/></mergeCells>'));
    const bytes = zipSync(parts);
    expect((await readWorkbook({ bytes, fileName: 'a.xlsx' }, { maxCells: 627 + 816 })).ok).toBe(true);
    const r = await readWorkbook({ bytes, fileName: 'a.xlsx' }, { maxCells: 627 + 815 });
    expect(r.ok ? '' : r.message).toContain('K30:Z80');
    expect(r.ok ? '' : r.message).toContain('816 个单元格');
  });

  it('the merge count limit is per sheet', async () => {
    const parts = seed();
    const merges = Array.from({ length: 30 }, (_, i) => `<mergeCell ref="K${100 + i}:L${100 + i}"/>`).join('');
    parts[sheet3] = strToU8(strFromU8(parts[sheet3]!).replace('</mergeCells>', `${merges}</mergeCells>`));
    const bytes = zipSync(parts);
    const r = await readWorkbook({ bytes, fileName: 'm.xlsx' }, { maxMergesPerSheet: 40 });
    expect(r.ok ? '' : r.message).toContain('40 个合并区域');
  });

  it('a malformed sheet ExcelJS refuses is read by SheetJS, leniently, with the same findings', async () => {
    const parts = seed();
    parts[sheet3] = strToU8(strFromU8(parts[sheet3]!).replace('<sheetData>', '<sheetData><row r="99"><c r="Z99"><v>1</v></row>'));
    const r = await readWorkbook({ bytes: zipSync(parts), fileName: 'x.xlsx' });
    if (!r.ok) throw new Error(r.message);
    expect(findingsOf(r.grid, 'x.xlsx')).toEqual(seedFindings);
  });

  it('an .xls past the row limit is refused while SheetJS parses it (sheetRows)', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `<tr><td>${i}</td><td>${i * 2}</td></tr>`).join('');
    const html = strToU8(`<html><body><table><tr><td>年度资金总额</td><td>1</td></tr>${rows}</table></body></html>`);
    const r = await readWorkbook({ bytes: html, fileName: '表.xls' }, { maxXlsRows: 50 });
    expect(r.ok ? '' : r.message).toContain('50 行');
    expect((await readWorkbook({ bytes: html, fileName: '表.xls' }, { maxXlsRows: 100 })).ok).toBe(true);
  });
});

describe('library errors become Chinese details', () => {
  async function errorOf(run: () => unknown): Promise<unknown> {
    try {
      await run();
    } catch (e) {
      return e;
    }
    throw new Error('expected the library to throw');
  }

  it('translates what ExcelJS, JSZip and saxes really throw', async () => {
    const seedBytes = readFileSync(SEED_FILE);
    const thrown = [
      await errorOf(() => new ExcelJS.Workbook().xlsx.load(seedBytes.subarray(0, 4000) as unknown as ExcelJS.Buffer)),
      await errorOf(() => new SaxesParser().write('<worksheet><row>').close()),
      await errorOf(() => new SaxesParser().write('<a>&lol;</a>').close()),
      await errorOf(() => new ExcelJS.Workbook().addWorksheet('s').getCell('3!H5')),
    ];
    for (const e of thrown) {
      const detail = libraryDetail(e);
      expect(detail).toMatch(CHINESE);
      expect(detail).not.toContain('解析器报告的错误'); // each one is known, not merely wrapped
    }
  });

  it('replaces an unknown message by Chinese, its words only with SELFEVAL_DEBUG, cut short', () => {
    const debug = process.env['SELFEVAL_DEBUG'];
    try {
      delete process.env['SELFEVAL_DEBUG'];
      expect(libraryDetail(new Error('Unexpected record type 0x1234 in stream'))).toBe('文件结构异常，无法解析');
      process.env['SELFEVAL_DEBUG'] = '1';
      expect(libraryDetail(new Error('x'.repeat(500)))).toMatch(/^文件结构异常，无法解析（x{200}…）$/);
    } finally {
      if (debug === undefined) delete process.env['SELFEVAL_DEBUG'];
      else process.env['SELFEVAL_DEBUG'] = debug;
    }
  });
});
