/**
 * The .docx reader on real Word documents written by the `docx` library: seed 004's report as
 * published (narrative and both annex tables with the template's merged cells), tables without
 * captions, a table split across pages with its header copied, header rows repeated inside a
 * table, a nested table, and the files that are not readable reports.
 */
import { findRule } from '../../src/core/rules/registry';
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'fs';
import { join } from 'path';
import { readWorkbook, type ReadResult, type ReadSuccess } from '../../src/host/file/read';
import { checkWorkbook } from '../../src/engine';
import { rectToA1, type SheetGrid } from '../../src/grid/grid';
import { encryptOoxml } from '../fixtures/encrypt';
import { basicSheet, selfEvalSheet } from '../core/seed004';
import { buildDocx } from './build-docx';
import { asTable, BASIC_CAPTION, NARRATIVE, seed004Blocks, seed004Report, SELF_CAPTION, TITLE_ROWS } from './seed004-report';

function ok(r: ReadResult): ReadSuccess {
  if (!r.ok) throw new Error(`expected a read, got ${r.reason}: ${r.message}`);
  return r;
}

function sheet(r: ReadSuccess, name: string): SheetGrid {
  const s = r.grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${r.grid.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

const text = (s: SheetGrid, a1: string): unknown => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1]!.charCodeAt(0) - 65;
  return s.rows[Number(m[2]) - 1]?.[col]?.value;
};

interface Expected {
  ruleId: string;
  sheet: string;
  cell: string;
  inputs: string[];
}

/** A fixture cell where the report's tables hold it: the sheet named by its caption, the title rows gone. */
function onReport(sheet: string, cell: string): { sheet: string; cell: string } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { sheet: sheet === '附件3' ? SELF_CAPTION : BASIC_CAPTION, cell: `${m[1]}${Number(m[2]) - TITLE_ROWS}` };
}

/** The .xlsx fixture's hand-written findings, whole, moved to where the report's tables hold them. */
function expectedOnReport(): Expected[] {
  const xlsx = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'expected', 'seed-004.json'), 'utf8')) as Expected[];
  return xlsx.map((f) => ({
    ...f,
    ...onReport(f.sheet, f.cell),
    inputs: f.inputs.map((i) => {
      const [sheet, cell] = i.split('!') as [string, string];
      const at = onReport(sheet, cell);
      return `${at.sheet}!${at.cell}`;
    }),
    title: findRule(f.ruleId)!.title,
  }));
}

describe('a Word report as published (seed 004)', () => {
  let read: ReadSuccess;
  beforeAll(async () => {
    read = ok(await readWorkbook({ bytes: await seed004Report(), fileName: '芦淞区商务局自评报告.docx' }));
  });

  it('reads each table as a sheet named by the paragraph above it', () => {
    expect(read.format).toBe('docx');
    expect(read.grid.sheets.map((s) => s.name)).toEqual([BASIC_CAPTION, SELF_CAPTION]);
  });

  it('keeps cell text as typed, in the table grid, merges as Excel counts them', () => {
    const self = sheet(read, SELF_CAPTION);
    expect(text(self, 'A1')).toBe('区级预算部门（单位）名称');
    expect(text(self, 'G3')).toBe('98.99%');
    expect(text(self, 'H3')).toBe('9.8');
    expect(text(self, 'E16')).toBe('9.33亿元');
    expect(text(self, 'B12')).toBe('产出指标\n\n(40分)');
    const merges = self.merges.map(rectToA1).sort();
    // Seed 004's merges, two rows up (the 附件3 line and the title are paragraphs above the table).
    expect(merges).toEqual(expect.arrayContaining(['A2:A8', 'C1:I1', 'B4:D4', 'E4:H4', 'A11:A18', 'B12:B15', 'C12:C13', 'A19:F19']));
    // A covered cell is empty, the text sits in the top-left one.
    expect(text(self, 'A3')).toBeUndefined();
  });

  it('keeps the body paragraphs in order, table paragraphs left out, empty ones counted', () => {
    const p = read.grid.paragraphs!;
    expect(p.slice(0, NARRATIVE.length)).toEqual(NARRATIVE.map((l) => l));
    expect(p).toHaveLength(NARRATIVE.length + 8);
    expect(p[NARRATIVE.length]).toBe('附件2');
    expect(p).not.toContain('区级预算部门（单位）名称');
  });

  it('gives the same table findings as the .xlsx fixture, on the caption-named sheets', () => {
    const report = checkWorkbook(read.grid, { file: '芦淞区商务局自评报告.docx' });
    expect(report.status).toBe('checked');
    expect(report.sheets).toEqual({ basic: BASIC_CAPTION, selfEval: SELF_CAPTION });
    const tableFindings = report.findings.filter((f) => f.sheet !== '正文');
    expect(tableFindings).toEqual(expectedOnReport());
    expect(report.summary.enteredTotal).toBe('95.8');
    expect(report.summary.recomputedTotal).toBe('94.99');
  });
});

describe('tables without captions, split across pages, nested', () => {
  it('names a table 表N when the paragraph above it is empty or missing', async () => {
    const bytes = await buildDocx([{ rows: [['a', 'b']] }, '', { rows: [['c', 'd']] }, '表格说明', { rows: [['e']] }]);
    const read = ok(await readWorkbook({ bytes, fileName: 'r.docx' }));
    expect(read.grid.sheets.map((s) => s.name)).toEqual(['表1', '表2', '表格说明']);
  });

  it('gives two tables with the same caption two names', async () => {
    const bytes = await buildDocx(['附件3', { rows: [['a']] }, '附件3', { rows: [['b']] }]);
    const read = ok(await readWorkbook({ bytes, fileName: 'r.docx' }));
    expect(read.grid.sheets.map((s) => s.name)).toEqual(['附件3', '附件3 (2)']);
  });

  it('reads a 自评表 split at a page break, its header row copied, as one sheet with the same findings', async () => {
    const whole = asTable(selfEvalSheet());
    // Split after the 时效 row (table row 15), the second part headed by a copy of the indicator
    // header row (row 11); the 绩效指标 label's merge A11:A18 is cut in two as Word cuts it.
    const cut = 15;
    const first = {
      rows: whole.rows.slice(0, cut),
      merges: ['A2:A8', 'C1:I1', 'B4:D4', 'E4:H4', 'B5:D5', 'E5:H5', 'B6:D6', 'E6:H6', 'B7:D7', 'B8:D8', 'A9:A10', 'B9:D9', 'E9:I9', 'B10:D10', 'E10:I10', 'A11:A15', 'B12:B15', 'C12:C13'],
    };
    const second = { rows: [whole.rows[10]!, ...whole.rows.slice(cut)], merges: ['A1:A4', 'A5:F5'] };
    const bytes = await buildDocx([...seed004Blocks().slice(0, NARRATIVE.length + 7), '附件3', SELF_CAPTION, first, '', second, '填表人']);
    const read = ok(await readWorkbook({ bytes, fileName: 'split.docx' }));
    expect(read.grid.sheets.map((s) => s.name)).toEqual([BASIC_CAPTION, SELF_CAPTION]);
    expect(read.notes).toEqual(['表3是表2跨页的续表，已与之合并读作一个工作表（略去重复的表头 1 行）']);
    const self = sheet(read, SELF_CAPTION);
    expect(self.rows).toHaveLength(19);
    expect(text(self, 'H19')).toBe('95.8');
    const report = checkWorkbook(read.grid, { file: 'split.docx' });
    const got = report.findings.filter((f) => f.sheet !== '正文');
    expect(got).toEqual(expectedOnReport());
  });

  it('drops header rows repeated inside a table after the rows Word marks as header', async () => {
    const rows = [['指标', '分值', '得分'], ['a', '10', '9'], ['指标', '分值', '得分'], ['b', '10', '10']];
    const read = ok(await readWorkbook({ bytes: await buildDocx(['表', { rows, headerRows: 1 }]), fileName: 'r.docx' }));
    expect(read.grid.sheets[0]!.rows.map((r) => r?.map((c) => c?.value))).toEqual([
      ['指标', '分值', '得分'],
      ['a', '10', '9'],
      ['b', '10', '10'],
    ]);
    expect(read.notes).toEqual(['“表”中重复的表头 1 行已略去']);
  });

  it('reads a table nested in a cell as a sheet of its own, after its outer table', async () => {
    const { Document, Packer, Paragraph, Table, TableCell, TableRow } = await import('docx');
    const inner = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('内1')] }), new TableCell({ children: [new Paragraph('内2')] })] })] });
    const outer = new Table({
      rows: [
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph('外')] }),
            new TableCell({ children: [new Paragraph('明细：'), inner, new Paragraph('')] }),
          ],
        }),
      ],
    });
    const doc = new Document({ sections: [{ children: [new Paragraph('外表'), outer, new Paragraph('后文')] }] });
    const read = ok(await readWorkbook({ bytes: new Uint8Array(await Packer.toBuffer(doc)), fileName: 'nested.docx' }));
    expect(read.grid.sheets.map((s) => s.name)).toEqual(['外表', '明细：']);
    expect(read.grid.sheets[0]!.rows[0]?.map((c) => c?.value)).toEqual(['外', '明细：']);
    expect(read.grid.sheets[1]!.rows[0]?.map((c) => c?.value)).toEqual(['内1', '内2']);
    expect(read.grid.paragraphs).toEqual(['外表', '后文']);
  });

  it('keeps a header-like row when Word does not mark a header', async () => {
    const rows = [['指标', '分值'], ['a', '10'], ['指标', '分值']];
    const read = ok(await readWorkbook({ bytes: await buildDocx(['表', { rows }]), fileName: 'r.docx' }));
    expect(read.grid.sheets[0]!.rows).toHaveLength(3);
  });
});

describe('files that are not readable reports', () => {
  function failure(r: ReadResult): string {
    if (r.ok) throw new Error('expected a failure');
    return r.message;
  }

  it('asks for a .doc to be saved as .docx', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/WordDocument', new Uint8Array(64));
    const doc = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    const msg = failure(await readWorkbook({ bytes: doc, fileName: '自评报告.doc' }));
    expect(msg).toContain('“自评报告.doc”');
    expect(msg).toContain('请用 Word 或 WPS 另存为 .docx 后再核对');
  });

  it('reads a .docx renamed .doc', async () => {
    const read = ok(await readWorkbook({ bytes: await seed004Report(), fileName: '自评报告.doc' }));
    expect(read.format).toBe('docx');
  });

  it('says a password-protected .docx is encrypted', async () => {
    const bytes = encryptOoxml(Buffer.from(await seed004Report()), 'secret');
    const msg = failure(await readWorkbook({ bytes, fileName: '加密报告.docx' }));
    expect(msg).toMatch(/“加密报告\.docx”文档已加密/);
    expect(msg).toContain('Word 或 WPS');
  });

  it('says a truncated .docx is damaged', async () => {
    const full = await seed004Report();
    const msg = failure(await readWorkbook({ bytes: full.subarray(0, Math.floor(full.length / 2)), fileName: '半截.docx' }));
    expect(msg).toMatch(/“半截\.docx”已损坏/);
  });

  it('refuses a document part with a DOCTYPE (entity expansion)', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const xml = '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>';
    const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
    const msg = failure(await readWorkbook({ bytes, fileName: '炸弹.docx' }));
    expect(msg).toContain('DOCTYPE');
  });

  it('refuses a document part that inflates past the cap, counted as it inflates', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const big = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + '<w:p/>'.repeat(200_000) + '</w:body></w:document>';
    const bytes = zipSync({ 'word/document.xml': strToU8(big) }, { level: 9 });
    const r = await readWorkbook({ bytes, fileName: '大.docx' }, { maxUncompressedBytes: 100_000 });
    expect(failure(r)).toMatch(/解压后超过/);
  });

  it('says a Word document without tables has nothing to check', async () => {
    const msg = failure(await readWorkbook({ bytes: await buildDocx(['只有正文']), fileName: '无表.docx' }));
    expect(msg).toContain('没有表格');
  });
});

it('the in-code layouts the report is built from are seed 004 itself', () => {
  expect(basicSheet().rows[1]![0]).toBe(BASIC_CAPTION);
  expect(selfEvalSheet().rows[1]![0]).toBe(SELF_CAPTION);
});
