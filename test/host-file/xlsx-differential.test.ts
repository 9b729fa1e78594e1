/**
 * The one-pass .xlsx reader (src/host/file/xlsx-reader.ts) against the path it replaced: the
 * limits scan, then ExcelJS's load and its Grid builder (test/support/exceljs-grid.ts). On every
 * workbook the tests have — the fixture corpus and its bad inputs, the sample, the hostile corpus,
 * the file-door samples, each of those saved again by SheetJS (another writer: inline strings,
 * its own styles) and the .xls samples saved as .xlsx — and on packages edited to carry what real
 * writers leave (shared formulas, rich and inline text, dates in both systems, hyperlinks,
 * built-in formats, rows and cells without addresses, odd sheet lists), the door must give the
 * same Grid cell by cell, merges and number formats included; where ExcelJS refused a package
 * the door must give SheetJS's Grid (as it always did then), and where the scan refused it,
 * the same refusal.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { buildFixtures, workbookBytes } from '../fixtures/build-fixtures';
import { CORPUS_CASES } from '../fixtures/corpus-measure';
import { buildCorpusWorkbook } from '../fixtures/corpus-2026';
import { buildHostileCorpus, SEED_FILE } from '../hostile/build-hostile';
import { readWorkbook } from '../../src/host/file/read';
import { parseA1, type Cell, type WorkbookGrid } from '../../src/grid/grid';
import { hasContent } from '../../src/host/file/grid-builder';
import { sniffContent } from '../../src/host/file/sniff';
import { readZipDirectory } from '../../src/host/file/zip-directory';
import { isWordPackage } from '../../src/host/file/read-docx';
import { readThroughExcelJs, readThroughSheetJs } from '../support/exceljs-grid';
import { buildXls, buildXlsx } from './sample-workbooks';

interface Case {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Where the reader differs from ExcelJS on purpose: ExcelJS's Grid as the reader gives it. */
  readonly deliberately?: (grid: WorkbookGrid) => WorkbookGrid;
  /** Which way the ExcelJS path went (read itself unless said). */
  readonly path?: 'grid' | 'sheetjs';
}

/** The Grid with one cell of one sheet replaced. */
function withCell(grid: WorkbookGrid, sheet: string, address: string, cell: Cell): WorkbookGrid {
  const { row, col } = parseA1(address);
  return {
    sheets: grid.sheets.map((s) => (s.name !== sheet ? s : { ...s, rows: s.rows.map((r, i) => (i !== row ? r : r!.map((c, j) => (j === col ? cell : c)))) })),
  };
}

/** What the door must give for `bytes`, as the ExcelJS path decides it. */
async function expectSameAsExcelJs(c: Case): Promise<'grid' | 'sheetjs' | 'refused' | 'not a package'> {
  // Files that are no zip package (or a Word one) never reached either .xlsx reader.
  const entries = sniffContent(c.bytes) === 'zip' ? readZipDirectory(c.bytes) : null;
  if (!entries || isWordPackage(entries.map((e) => e.name))) return 'not a package';
  const ref = await readThroughExcelJs(c.bytes, c.name);
  const got = await readWorkbook({ bytes: c.bytes, fileName: c.name });
  switch (ref.kind) {
    case 'refused':
      expect(got.ok ? 'read' : got.reason).toBe(ref.reason.startsWith('corrupt') ? 'corrupt' : ref.reason);
      return 'refused';
    case 'grid':
      if (!hasContent(ref.grid.sheets)) {
        expect(got.ok ? 'read' : got.reason).toBe('empty');
      } else {
        if (!got.ok) throw new Error(`${c.name}: ExcelJS read it, the door gave ${got.reason}: ${got.message}`);
        expect(got.grid).toStrictEqual(c.deliberately ? c.deliberately(ref.grid) : ref.grid);
      }
      return 'grid';
    case 'sheetjs': {
      let sheetjs;
      try {
        sheetjs = await readThroughSheetJs(c.bytes);
      } catch {
        expect(got.ok).toBe(false);
        return 'sheetjs';
      }
      if (!got.ok) throw new Error(`${c.name}: SheetJS read it (ExcelJS: ${ref.why}), the door gave ${got.reason}: ${got.message}`);
      expect(got.grid).toStrictEqual(sheetjs);
      return 'sheetjs';
    }
  }
}

/** The workbook as SheetJS saves it (shared strings or inline ones, its own styles part). */
function savedBySheetJs(bytes: Uint8Array, bookSST: boolean): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellFormula: true, cellStyles: true });
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST, compression: true }) as ArrayBuffer);
}

const seedParts = (): Record<string, Uint8Array> => unzipSync(readFileSync(SEED_FILE));
const SHEET = 'xl/worksheets/sheet2.xml';

/** The sample with parts edited (text → text). */
function edited(edits: Record<string, (xml: string) => string>, extra: Record<string, string> = {}): Uint8Array {
  const parts = seedParts();
  for (const [part, edit] of Object.entries(edits)) parts[part] = strToU8(edit(strFromU8(parts[part]!)));
  for (const [part, text] of Object.entries(extra)) parts[part] = strToU8(text);
  return zipSync(parts as Zippable, { level: 6 });
}

function once(xml: string, find: string, by: string): string {
  const i = xml.indexOf(find);
  if (i < 0) throw new Error(`${find} not found`);
  return xml.slice(0, i) + by + xml.slice(i + find.length);
}

/** Rows appended to the 附件3 sheet's data (after its last row). */
const withRows = (rows: string) => (xml: string) => once(xml, '</sheetData>', `${rows}</sheetData>`);

/** Packages carrying what real writers leave, each the sample with one thing changed. */
function writerVariants(): Case[] {
  const styles = (xml: string) =>
    once(
      once(xml, '<cellXfs count="', '<cellXfs count="'),
      '</cellXfs>',
      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="200" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
    );
  const numFmt200 = (xml: string) =>
    xml.includes('<numFmts')
      ? once(xml, '</numFmts>', '<numFmt numFmtId="200" formatCode="0.0\\%&quot;分&quot;"/></numFmts>')
      : once(xml, '<fonts', '<numFmts count="1"><numFmt numFmtId="200" formatCode="0.0\\%&quot;分&quot;"/></numFmts><fonts');
  const xfCount = (xml: string) => (xml.match(/<cellXfs count="(\d+)"/) ? Number(/<cellXfs count="(\d+)"/.exec(xml)![1]) : 0);
  const seedStyles = strFromU8(seedParts()['xl/styles.xml']!);
  const first = xfCount(seedStyles);
  const [date, cjkDate, custom, percent] = [first, first + 1, first + 2, first + 3];
  return [
    {
      name: 'shared-formulas.xlsx',
      bytes: edited({
        [SHEET]: withRows(
          `<row r="60"><c r="A60"><v>1</v></c><c r="B60"><f t="shared" ref="B60:B63" si="90">A60*2+$A$60+Sheet1!A60+SUM(A60:A61)+LOG10(A60)</f><v>3</v></c></row>` +
            `<row r="61"><c r="A61"><v>2</v></c><c r="B61"><f t="shared" si="90"/><v>5</v></c></row>` +
            `<row r="62"><c r="B62"><f t="shared" si="90"/><v>0</v></c><c r="C62"><f t="shared" si="91"/><v>7</v></c></row>` +
            `<row r="63"><c r="B63" t="str"><f t="shared" si="90"></f><v>a&amp;amp;b</v></c><c r="C63" t="b"><f>A60&gt;0</f><v>1</v></c><c r="D63" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E63"><f>A60</f></c></row>`,
        ),
      }),
    },
    {
      name: 'text-kinds.xlsx',
      bytes: edited({
        [SHEET]: withRows(
          `<row r="60"><c r="A60" t="inlineStr"><is><t xml:space="preserve"> 行内 _x000D_文字 </t></is></c><c r="B60" t="inlineStr"><is><r><rPr><b/></rPr><t>格式</t></r><r><t>_x0041_文字</t></r></is></c>` +
            `<c r="C60" t="str"><v>&amp;lt;x&amp;gt;</v></c><c r="D60" t="b"><v>0</v></c><c r="E60" t="e"><v>#N/A</v></c><c r="F60" t="d"><v>2023-12-31T00:00:00</v></c><c r="G60"><v>1e3</v></c><c r="H60" t="n"><v>-0.5</v></c><c r="I60" t="inlineStr"><is><t></t></is></c></row>`,
        ),
      }),
    },
    {
      name: 'dates-and-formats.xlsx',
      bytes: edited({
        'xl/styles.xml': (xml) => styles(numFmt200(xml)),
        [SHEET]: withRows(
          `<row r="60"><c r="A60" s="${date}"><v>45291.5</v></c><c r="B60" s="${cjkDate}"><v>45291</v></c><c r="C60" s="${custom}"><v>0.875</v></c><c r="D60" s="${percent}"><v>0.9899</v></c><c r="E60" s="${date}"><f>A60+1</f><v>45292.5</v></c><c r="F60" s="${date}" t="str"><f>"x"</f><v>x</v></c><c r="G60" s="${date}"/><c r="H60" s="0"><v>7</v></c><c r="I60" s="99999"><v>8</v></c></row>`,
        ),
      }),
      // A formula's text result under a date format: ExcelJS made it an invalid date (NaN).
      deliberately: (grid) => withCell(grid, '附件3', 'F60', { value: 'x', formula: '"x"' }),
    },
    {
      name: 'date1904.xlsx',
      bytes: edited({
        'xl/workbook.xml': (xml) => (xml.includes('<workbookPr') ? xml.replace('<workbookPr', '<workbookPr date1904="1"') : once(xml, '<sheets>', '<workbookPr date1904="1"/><sheets>')),
        'xl/styles.xml': (xml) => styles(numFmt200(xml)),
        [SHEET]: withRows(`<row r="60"><c r="A60" s="${date}"><v>43830.25</v></c></row>`),
      }),
    },
    {
      name: 'addresses.xlsx',
      bytes: edited({
        [SHEET]: withRows(
          // Cells without `r` follow the one before; a bare <c/> is no position; a row given twice keeps the later one.
          `<row r="60"><c r="C60"><v>1</v></c><c><v>2</v></c><c/><c><v>3</v></c><c s="1"/><c><v>4</v></c></row><row r="61"><c r="A61"><v>9</v></c></row><row r="61"><c r="B61"><v>10</v></c></row>`,
        ),
      }),
    },
    {
      name: 'row-without-number.xlsx',
      path: 'sheetjs',
      bytes: edited({ [SHEET]: withRows('<row><c r="A62"><v>11</v></c></row>') }),
    },
    {
      name: 'hyperlinks.xlsx',
      bytes: edited(
        {
          [SHEET]: (xml) =>
            once(
              withRows(`<row r="60"><c r="A60" t="str"><f>HYPERLINK("https://example.org","链接")</f><v>链接</v></c><c r="B60"><f>1+1</f><v>2</v></c></row>`)(xml),
              '</worksheet>',
              '<hyperlinks><hyperlink ref="A60" r:id="rIdLink1"/><hyperlink ref="B60" location="附件2!A1"/></hyperlinks></worksheet>',
            ).replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ').replace(/xmlns:r="[^"]*" (.*)xmlns:r="[^"]*"/, 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" $1'),
        },
        {
          'xl/worksheets/_rels/sheet2.xml.rels':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>',
        },
      ),
    },
    {
      name: 'merges-overlapping.xlsx',
      path: 'sheetjs',
      bytes: edited({ [SHEET]: (xml) => once(xml, '</mergeCells>', '<mergeCell ref="K70:L71"/><mergeCell ref="L71:M72"/></mergeCells>') }),
    },
    {
      name: 'merges-single-and-reversed.xlsx',
      bytes: edited({ [SHEET]: (xml) => once(xml, '</mergeCells>', '<mergeCell ref="K70"/><mergeCell ref="M73:K72"/></mergeCells>') }),
    },
    {
      name: 'sheets-reordered-hidden.xlsx',
      bytes: edited({
        'xl/workbook.xml': (xml) => {
          const sheets = /<sheets>(.*)<\/sheets>/s.exec(xml)![1]!;
          const list = sheets.match(/<sheet [^>]*\/>/g)!;
          return xml.replace(sheets, [...list].reverse().map((s, i) => (i === 0 ? s.replace('state="visible"', 'state="hidden"') : s)).join(''));
        },
      }),
    },
    {
      name: 'sheet-name-entities.xlsx',
      bytes: edited({ 'xl/workbook.xml': (xml) => xml.replace(/name="附件2"/, 'name="附件2&amp;amp;表"') }),
    },
    {
      name: 'shared-string-kinds.xlsx',
      bytes: edited({
        'xl/sharedStrings.xml': (xml) =>
          once(xml, '</sst>', '<si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r></si><si><t>注音</t><rPh sb="0" eb="1"><t>zhu</t></rPh></si><si></si><si><t/></si><si><r><rPr/></r></si></sst>'),
        [SHEET]: (xml) => {
          const count = (strFromU8(seedParts()['xl/sharedStrings.xml']!).match(/<si>/g) ?? []).length;
          return withRows(`<row r="60">${[0, 1, 2, 3, 4].map((k, i) => `<c r="${'ABCDE'[i]}60" t="s"><v>${count + k}</v></c>`).join('')}</row>`)(xml);
        },
      }),
    },
    {
      name: 'shared-string-out-of-range.xlsx',
      path: 'sheetjs',
      bytes: edited({ [SHEET]: withRows('<row r="60"><c r="A60" t="s"><v>99999</v></c></row>') }),
    },
    {
      name: 'protected.xlsx',
      bytes: edited({ [SHEET]: (xml) => once(xml, '<mergeCells', '<sheetProtection sheet="1" objects="1"/><mergeCells') }),
    },
    {
      name: 'cdata-and-comments.xlsx',
      bytes: edited({ [SHEET]: withRows('<row r="60"><c r="A60" t="inlineStr"><is><t><![CDATA[不读]]>读<!-- 注 --></t></is></c></row>') }),
    },
  ];
}

describe('the one-pass reader gives the Grid ExcelJS gave', () => {
  let fixtures: Case[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-differential-'));
    const written = await buildFixtures(dir, { sampleFile: null });
    fixtures = written.filter((f) => /\.xls[xm]?$/.test(f)).map((f) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) }));
  }, 120_000);

  it('on the fixture corpus, its bad inputs and the sample', async () => {
    expect(fixtures.length).toBeGreaterThan(60);
    const seen = new Set<string>();
    for (const c of [...fixtures, { name: 'seed-004.xlsx', bytes: new Uint8Array(readFileSync(SEED_FILE)) }]) seen.add(await expectSameAsExcelJs(c));
    expect([...seen].sort()).toEqual(['grid', 'not a package']); // the truncated and encrypted bad inputs are no packages
  }, 120_000);

  it('on the fixture corpus saved again by SheetJS, with shared strings and with inline ones', async () => {
    for (const c of fixtures.filter((f) => !f.name.startsWith('bad-'))) {
      for (const sst of [true, false]) expect(await expectSameAsExcelJs({ name: `sheetjs-${sst}-${c.name}`, bytes: savedBySheetJs(c.bytes, sst) })).toBe('grid');
    }
  }, 120_000);

  it('on the real-forms corpus and its mutations, as written and as SheetJS saves them', async () => {
    expect(CORPUS_CASES.length).toBeGreaterThan(10);
    for (const c of CORPUS_CASES) {
      const bytes = new Uint8Array(await workbookBytes(buildCorpusWorkbook(c.form)));
      expect(await expectSameAsExcelJs({ name: `${c.name}.xlsx`, bytes })).toBe('grid');
      expect(await expectSameAsExcelJs({ name: `sheetjs-${c.name}.xlsx`, bytes: savedBySheetJs(bytes, false) })).toBe('grid');
    }
  }, 120_000);

  it('on the file-door samples, and the .xls sample saved as .xlsx', async () => {
    expect(await expectSameAsExcelJs({ name: 'sample.xlsx', bytes: await buildXlsx() })).toBe('grid');
    expect(await expectSameAsExcelJs({ name: 'sample-xls.xlsx', bytes: savedBySheetJs(buildXls(), true) })).toBe('grid');
  });

  test.each(buildHostileCorpus().map((c) => [c.file, c] as const))('on the hostile file %s', async (_file, c) => {
    await expectSameAsExcelJs({ name: c.file, bytes: c.bytes });
  });

  test.each(writerVariants().map((c) => [c.name, c] as const))('on %s', async (_name, c) => {
    expect(await expectSameAsExcelJs(c)).toBe(c.path ?? 'grid');
  });
});
