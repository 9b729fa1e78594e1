/**
 * The hostile corpus: damaged, oversized and malicious files, and files that are not workbooks
 * at all, each small on disk. Most are the committed sample (samples/seed-004.xlsx) with one
 * part changed, re-zipped with fflate; the lying zip is written by fflate's streaming Zip with
 * one entry reporting a false uncompressed size. Built in memory (`buildHostileCorpus()`), or
 * into a folder: `npx ts-node --transpile-only test/hostile/build-hostile.ts <dir>`.
 */
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'fs';
import { join, resolve } from 'path';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { encryptOoxml } from '../fixtures/encrypt';

export const SEED_FILE = resolve(__dirname, '../../samples/seed-004.xlsx');
/** 附件2 and 附件3 of the sample. */
const SHEET2 = 'xl/worksheets/sheet1.xml';
const SHEET3 = 'xl/worksheets/sheet2.xml';

export interface HostileCase {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** What a read must give: refused with this reason, or read (a legitimate file). */
  readonly expect: { readonly ok: false; readonly reason: string; readonly mentions: readonly string[] } | { readonly ok: true };
}

type Parts = Record<string, Uint8Array>;

function seedParts(): Parts {
  return unzipSync(readFileSync(SEED_FILE));
}

function zip(parts: Parts): Uint8Array {
  return zipSync(parts as Zippable, { level: 6 });
}

/** The sample with one part's text changed. */
function withPart(part: string, edit: (xml: string) => string): Uint8Array {
  const parts = seedParts();
  parts[part] = strToU8(edit(strFromU8(parts[part]!)));
  return zip(parts);
}

function replaceOnce(xml: string, find: string, by: string): string {
  const i = xml.indexOf(find);
  if (i < 0) throw new Error(`build-hostile: ${find} not found`);
  return xml.slice(0, i) + by + xml.slice(i + find.length);
}

/** Adds merged areas to a sheet that already has a <mergeCells> list. */
function addMerges(xml: string, refs: string): string {
  return replaceOnce(xml, '</mergeCells>', `${refs}</mergeCells>`);
}

function twoCellMerges(n: number): string {
  const out: string[] = [];
  for (let r = 1000; r < 1000 + n; r++) out.push(`<mergeCell ref="J${r}:K${r}"/>`);
  return out.join('');
}

/** A sheet of `rows` rows × `cols` cells, streamed into a deflated entry (never held whole). */
function bigSheetPackage(rows: number, cols: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const out = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const parts = seedParts();
  for (const [name, data] of Object.entries(parts)) {
    if (name === SHEET3) continue;
    const f = new ZipDeflate(name, { level: 6 });
    out.add(f);
    f.push(data, true);
  }
  const sheet = new ZipDeflate(SHEET3, { level: 1 });
  out.add(sheet);
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:L100000"/><sheetData>';
  sheet.push(strToU8(head));
  const row = strToU8(`<row>${'<c><v>1</v></c>'.repeat(cols)}</row>`);
  const block = new Uint8Array(row.length * 100);
  for (let i = 0; i < 100; i++) block.set(row, i * row.length);
  for (let r = 0; r < rows; r += 100) sheet.push(block);
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  out.end();
  return concat(chunks);
}

/** A package whose 附件3 entry says it holds `declared` bytes; it really inflates to `real`. */
function lyingPackage(declared: number, real: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const out = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, data] of Object.entries(seedParts())) {
    if (name === SHEET3) continue;
    const f = new ZipDeflate(name, { level: 6 });
    out.add(f);
    f.push(data, true);
  }
  const sheet = new ZipDeflate(SHEET3, { level: 1 });
  // The header field fflate writes (data descriptor and central directory) is `size`: make it lie.
  Object.defineProperty(sheet, 'size', { get: () => declared, set: () => undefined });
  out.add(sheet);
  const spaces = new Uint8Array(1024 * 1024).fill(0x20);
  sheet.push(strToU8('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  for (let n = 0; n < real; n += spaces.length) sheet.push(spaces);
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  out.end();
  return concat(chunks);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
  ']>';

/** A styles part whose first number format is `0.00` and a long run of `[`, used by cell B4. */
function longFormatStyles(xml: string, length: number): string {
  const code = '0.00' + '['.repeat(length - 4);
  return replaceOnce(xml, '<fonts', `<numFmts count="1"><numFmt numFmtId="300" formatCode="${code}"/></numFmts><fonts`);
}

function tinyPdf(): Uint8Array {
  return strToU8('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
}

function tinyPng(): Uint8Array {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 10,
    0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d, 0xb4, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  ]);
}

function docxLike(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
  });
}

/** A zip that is neither a workbook nor a Word document (an OpenDocument spreadsheet). */
function otherZip(): Uint8Array {
  return zipSync({
    mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
    'content.xml': strToU8('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
  });
}

/** Rows from `from` down shifted by `k` (row numbers, cell references and merges). */
function shiftRows(xml: string, from: number, k: number): string {
  const shift = (n: number) => (n >= from ? n + k : n);
  return xml
    .replace(/<row r="(\d+)"/g, (_, n: string) => `<row r="${shift(Number(n))}"`)
    .replace(/ r="([A-Z]+)(\d+)"/g, (_, c: string, n: string) => ` r="${c}${shift(Number(n))}"`)
    .replace(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"\/>/g, (_, c1: string, r1: string, c2: string, r2: string) => `<mergeCell ref="${c1}${shift(Number(r1))}:${c2}${shift(Number(r2))}"/>`);
}

/**
 * The sample with `k` more indicator rows above 总分 (row 21 of 附件3), every text cell of them
 * the one shared string `text`: tiny on disk (one string, rows that compress), and without
 * bounds each of its findings would carry the text several times over.
 */
export function sharedTextRows(k: number, text: string): Uint8Array {
  const parts = seedParts();
  const sst = strFromU8(parts['xl/sharedStrings.xml']!);
  const index = (sst.match(/<si>/g) ?? []).length;
  parts['xl/sharedStrings.xml'] = strToU8(sst.replace('</sst>', `<si><t>${text}</t></si></sst>`).replace(/uniqueCount="\d+"/, `uniqueCount="${index + 1}"`));
  const rows: string[] = [];
  for (let i = 0; i < k; i++) {
    const r = 21 + i;
    const t = (col: string) => `<c r="${col}${r}" t="s"><v>${index}</v></c>`;
    rows.push(`<row r="${r}">${['B', 'C', 'D', 'E', 'F'].map(t).join('')}<c r="G${r}"><v>1</v></c>${t('H')}${t('I')}</row>`);
  }
  const sheet = shiftRows(strFromU8(parts[SHEET3]!), 21, k);
  parts[SHEET3] = strToU8(replaceOnce(sheet, `<row r="${21 + k}"`, `${rows.join('')}<row r="${21 + k}"`));
  return zip(parts);
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A Word document whose body is `body` (tables and paragraphs as WordprocessingML). */
function docxWith(body: string): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`),
    },
    { level: 9 },
  );
}

const tc = (text: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

/** `rows` rows of one cell spanning all 16,384 grid columns: 70 rows are 1.1 million grid cells. */
function docxWideSpans(rows: number): Uint8Array {
  const row = `<w:tr>${tc('x', '<w:gridSpan w:val="16384"/>')}</w:tr>`;
  return docxWith(`<w:p><w:r><w:t>附件3</w:t></w:r></w:p><w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>${row.repeat(rows)}</w:tbl>`);
}

/** Rows that skip 16,384 grid columns before their one cell (w:gridBefore). */
function docxGridBefore(rows: number): Uint8Array {
  const row = `<w:tr><w:trPr><w:gridBefore w:val="16384"/></w:trPr>${tc('x')}</w:tr>`;
  return docxWith(`<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>${row.repeat(rows)}</w:tbl>`);
}

/** `n` two-column spans in one table: each is a merged area, as many as 10,000 in a sheet. */
function docxManyMerges(n: number): Uint8Array {
  const row = `<w:tr>${tc('a', '<w:gridSpan w:val="2"/>')}${tc('b', '<w:gridSpan w:val="2"/>')}</w:tr>`;
  return docxWith(`<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(4)}</w:tblGrid>${row.repeat(Math.ceil(n / 2))}</w:tbl>`);
}

/** An HTML page saved as .xls whose rows each hold one cell spanning rows and columns below it. */
function htmlSpans(n: number): Uint8Array {
  return strToU8(`<html><body><table>${'<tr><td colspan="3" rowspan="40">跨</td><td>1</td></tr>'.repeat(n)}</table></body></html>`);
}

/** SpreadsheetML 2003 saved as .xls with one cell merged across the whole grid. */
function spreadsheetMlMerge(): Uint8Array {
  return strToU8(
    '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
      '<Worksheet ss:Name="附件3"><Table><Row><Cell ss:MergeAcross="16000" ss:MergeDown="60000"><Data ss:Type="String">合并</Data></Cell></Row></Table></Worksheet></Workbook>',
  );
}

/** A real BIFF8 .xls cut short: SheetJS throws an English TypeError on it. */
function damagedXls(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['单位', '得分'], ['商务局', 95.8]]), '附件3');
  const xls = new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'array' }) as ArrayBuffer);
  return xls.slice(0, 1600);
}

/**
 * The sample whose 单位 cell (附件3 C3) tries to steer a terminal: clear the screen, print a
 * green "全部通过，0 个错误", a forged `已写出` line after a newline, and a bidi override.
 * Excel writes control characters in XML as `_x001B_`; C1's CSI (U+009B) is legal XML as it is.
 */
export const FORGED_UNIT = '\u001b[2J\u001b[H\u001b[32m全部通过，0 个错误\u001b[0m\n已写出 报告：/tmp/伪造.json\u009b31m\u202e局务商';
function forgedUnit(): Uint8Array {
  const parts = seedParts();
  // eslint-disable-next-line no-control-regex -- ESC is the character written as _x001B_
  const xmlText = FORGED_UNIT.replace(/\u001b/g, '_x001B_').replace(/</g, '&lt;');
  parts['xl/sharedStrings.xml'] = strToU8(replaceOnce(strFromU8(parts['xl/sharedStrings.xml']!), '株洲市芦淞区商务局　', xmlText));
  return zip(parts);
}

/** The sample with the largest double (and its negative) typed as figures. */
function hugeNumbers(): Uint8Array {
  return withPart(SHEET3, (x) =>
    replaceOnce(replaceOnce(x, '<c r="H20" s="4"><v>19</v></c>', '<c r="H20" s="4"><v>1.7976931348623157e308</v></c>'), '<c r="F20" s="4"><v>311.22</v></c>', '<c r="F20" s="4"><v>-1.7976931348623157e308</v></c>'),
  );
}

const refused = (reason: string, ...mentions: string[]) => ({ ok: false as const, reason, mentions });

export function buildHostileCorpus(): HostileCase[] {
  const seed = readFileSync(SEED_FILE);
  const cases: HostileCase[] = [
    { file: 'merge-whole-sheet.xlsx', bytes: withPart(SHEET3, (x) => addMerges(x, '<mergeCell ref="AA1:XFD1048576"/>')), expect: refused('too-large', '附件3', 'AA1:XFD1048576', '1,000,000') },
    { file: 'merges-200000.xlsx', bytes: withPart(SHEET3, (x) => addMerges(x, twoCellMerges(200_000))), expect: refused('too-large', '附件3', '10,000') },
    { file: 'format-long-bracket.xlsx', bytes: withPart('xl/styles.xml', (x) => longFormatStyles(x, 100_000)), expect: refused('too-large', '100,000', '255') },
    { file: 'cells-1.2m.xlsx', bytes: bigSheetPackage(100_000, 12), expect: refused('too-large', '1,000,000') },
    { file: 'dimension-12m-cells.xlsx', bytes: withPart(SHEET3, (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:L1000000"/>')), expect: { ok: true } },
    { file: 'dimension-1048576-rows.xlsx', bytes: withPart(SHEET3, (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')), expect: { ok: true } },
    { file: 'row-past-grid.xlsx', bytes: withPart(SHEET3, (x) => replaceOnce(x, '</sheetData>', '<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>')), expect: refused('corrupt', '附件3', '2000000', 'XFD1048576') },
    { file: 'truncated.xlsx', bytes: seed.subarray(0, Math.floor(seed.length * 0.6)), expect: refused('corrupt', '截断') },
    { file: 'lying-sizes.xlsx', bytes: lyingPackage(2_000, 32 * 1024 * 1024), expect: refused('corrupt', 'xl/worksheets/sheet2.xml', '实际大小') },
    { file: 'declared-4gb.xlsx', bytes: lyingPackage(0xfffffff0, 1024), expect: refused('too-large', '200') },
    { file: 'entity-expansion.xlsx', bytes: withPart(SHEET3, (x) => replaceOnce(x.replace('<sheetData>', '<sheetData><row r="99"><c r="A99" t="inlineStr"><is><t>&lol9;</t></is></c></row>'), '<worksheet', `${LAUGHS}<worksheet`)), expect: refused('corrupt', '附件3', 'DTD') },
    { file: 'doctype-content-types.xlsx', bytes: withPart('[Content_Types].xml', (x) => replaceOnce(x, '<Types', '<!DOCTYPE Types [<!ENTITY x "y">]><Types')), expect: refused('corrupt', '[Content_Types].xml', 'DTD') },
    { file: 'string-1mb-shared.xlsx', bytes: withPart('xl/sharedStrings.xml', (x) => replaceOnce(x, '<si><t>', `<si><t>${'长'.repeat(1024 * 1024)}</t></si><si><t>`)), expect: refused('too-large', '1,048,576', '32,767') },
    { file: 'string-1mb-inline.xlsx', bytes: withPart(SHEET2, (x) => replaceOnce(x, '<sheetData>', `<sheetData><row r="90"><c r="A90" t="inlineStr"><is><t>${'x'.repeat(1024 * 1024)}</t></is></c></row>`)), expect: refused('too-large', '附件2', 'A90', '32,767') },
    { file: 'missing-sheet-part.xlsx', bytes: (() => { const p = seedParts(); delete p[SHEET3]; return zip(p); })(), expect: refused('corrupt', '附件3', '缺少') },
    { file: 'missing-relationship.xlsx', bytes: withPart('xl/_rels/workbook.xml.rels', (x) => x.replace(/<Relationship Id="rId5"[^>]*\/>/, '')), expect: refused('corrupt', '附件3') },
    { file: 'encrypted.xlsx', bytes: encryptOoxml(seed, '123456'), expect: refused('encrypted', '密码') },
    { file: 'really-a-pdf.xlsx', bytes: tinyPdf(), expect: refused('not-a-workbook', 'PDF') },
    { file: 'really-a-png.xlsx', bytes: tinyPng(), expect: refused('not-a-workbook', 'PNG') },
    // A Word report is read by content (read-docx.ts): an empty one is empty, not a workbook error.
    { file: 'word-document.xlsx', bytes: docxLike(), expect: refused('empty', 'word-document.xlsx') },
    { file: 'opendocument.xlsx', bytes: otherZip(), expect: refused('not-a-workbook', '压缩包') },
    { file: 'empty.xlsx', bytes: new Uint8Array(0), expect: refused('empty', '0 字节') },
    { file: 'notes.xlsx', bytes: strToU8('这不是工作簿，只是改了扩展名的文本。\n'), expect: refused('text-file', '文本') },
    { file: 'table.csv.xls', bytes: strToU8('单位,得分\n商务局,95.8\n'), expect: refused('text-file', '文本') },
    { file: 'entities.xml.xls', bytes: strToU8(`<?xml version="1.0"?>${LAUGHS.replace('lolz', 'Workbook')}<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>&lol9;</Data></Cell></Row></Table></Worksheet></Workbook>`), expect: refused('corrupt', 'DTD') },
    { file: 'page.html.xls', bytes: strToU8('<html><body><table><tr><td>姓名</td><td>电话</td></tr><tr><td>张三</td><td>1</td></tr></table></body></html>'), expect: { ok: true } },
    // Issue 21: grids counted on the grid the file describes, in every format.
    { file: 'docx-wide-spans.docx', bytes: docxWideSpans(70), expect: refused('too-large', '1,000,000') },
    { file: 'docx-grid-before.docx', bytes: docxGridBefore(70), expect: refused('too-large', '1,000,000') },
    { file: 'docx-merges.docx', bytes: docxManyMerges(10_002), expect: refused('too-large', '10,000') },
    { file: 'spans.html.xls', bytes: htmlSpans(1_001), expect: refused('too-large', '1,000', 'colspan') },
    { file: 'merge-across.xml.xls', bytes: spreadsheetMlMerge(), expect: refused('too-large', '1,000,000', 'MergeAcross') },
    // Library messages replaced, figures at the edge of a double read.
    { file: 'damaged-biff.xls', bytes: damagedXls(), expect: refused('corrupt', 'damaged-biff.xls') },
    { file: 'huge-numbers.xlsx', bytes: hugeNumbers(), expect: { ok: true } },
    // Texts that would steer a terminal, and a report that would be gigabytes unbounded.
    { file: 'forged-unit.xlsx', bytes: forgedUnit(), expect: { ok: true } },
    { file: 'shared-30000-text.xlsx', bytes: sharedTextRows(1_000, '长'.repeat(30_000)), expect: { ok: true } },
  ];
  return cases;
}

/** A file system entry the corpus cannot carry as bytes, made in a folder by makeSpecialEntries. */
export interface SpecialEntry {
  readonly file: string;
  /** The report it must get: unreadable naming these, or checked (a real workbook under a strange name). */
  readonly expect: { readonly ok: false; readonly mentions: readonly string[] } | { readonly ok: true };
}

/** A file name that tries to forge a line of the command's own output. */
export const FORGED_NAME = 'evil\n已写出 标注副本：伪造.checked.xlsx\n\u001b[2Jx.xlsx';

/**
 * Entries only a file system holds: a FIFO named like a workbook (reading it would wait for
 * ever), links to /dev/zero, to `/` and to a workbook outside the folder, a DAG of links that
 * doubles at every level, and a workbook whose name holds a newline and a forged `已写出` line.
 * `outside` is a folder beside `dir` for the link target. POSIX only (mkfifo).
 */
export function makeSpecialEntries(dir: string, outside: string): SpecialEntry[] {
  mkdirSync(dir, { recursive: true });
  mkdirSync(outside, { recursive: true });
  execFileSync('mkfifo', [join(dir, 'pipe.xlsx')]);
  symlinkSync('/dev/zero', join(dir, 'zero.xlsx'));
  symlinkSync('/', join(dir, 'root'));
  const away = join(outside, 'away.xlsx');
  writeFileSync(away, readFileSync(SEED_FILE));
  symlinkSync(away, join(dir, 'outside.xlsx'));
  // dag/0 → links a and b to dag/1, … : 2^30 paths if links were followed.
  for (let i = 0; i <= 30; i++) mkdirSync(join(dir, 'dag', String(i)), { recursive: true });
  for (let i = 0; i < 30; i++) for (const l of ['a', 'b']) symlinkSync(join('..', String(i + 1)), join(dir, 'dag', String(i), l));
  writeFileSync(join(dir, FORGED_NAME), readFileSync(SEED_FILE));
  return [
    { file: 'pipe.xlsx', expect: { ok: false, mentions: ['pipe.xlsx', '不是普通文件', '命名管道'] } },
    { file: 'zero.xlsx', expect: { ok: false, mentions: ['zero.xlsx', '符号链接', '未跟随'] } },
    { file: 'outside.xlsx', expect: { ok: false, mentions: ['outside.xlsx', '符号链接', '未跟随'] } },
    { file: FORGED_NAME, expect: { ok: true } },
  ];
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: build-hostile.ts <dir>');
  mkdirSync(dir, { recursive: true });
  const cases = buildHostileCorpus();
  for (const c of cases) writeFileSync(join(dir, c.file), c.bytes);
  console.log(`${cases.length} files in ${dir}`);
}
