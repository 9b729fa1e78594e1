import * as XLSX from '@e965/xlsx';
import { readWorkbook, type ReadResult, type ReadSuccess } from '../../src/host/file/read';
import { gridFromSheetJs } from '../../src/host/file/read-xls';
import { cellAt, parseA1, type Cell, type SheetGrid, type WorkbookGrid } from '../../src/grid/grid';
import {
  BASIC_ENTRIES,
  buildXls,
  buildXlsx,
  replaceZipPart,
  SELF_EVAL_ENTRIES,
  SELF_EVAL_MERGES,
  sheetJsSheet,
  STYLES_EXCELJS_REJECTS,
  TITLE,
} from './sample-workbooks';

function expectOk(r: ReadResult): ReadSuccess {
  if (!r.ok) throw new Error(`expected a grid, got ${r.reason}: ${r.message}`);
  return r;
}

function sheet(grid: WorkbookGrid, name: string): SheetGrid {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function at(s: SheetGrid, address: string): Cell | undefined {
  const { row, col } = parseA1(address);
  return cellAt(s, row, col);
}

/** The grid without what the SheetJS BIFF8 writer cannot write (formulas, protection). */
function withoutFormulasAndProtection(grid: WorkbookGrid): WorkbookGrid {
  return {
    sheets: grid.sheets.map((s) => ({
      name: s.name,
      merges: s.merges,
      rows: s.rows.map((r) => r?.map((c) => (c ? { value: c.value, ...(c.numFmt ? { numFmt: c.numFmt } : {}) } : undefined))),
    })),
  };
}

describe('readWorkbook on .xlsx (ExcelJS)', () => {
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = expectOk(await readWorkbook({ bytes: await buildXlsx(), fileName: '自评.xlsx' })).grid;
  });

  it('keeps sheet order and names', () => {
    expect(grid.sheets.map((s) => s.name)).toEqual(['附件2', '附件3']);
  });

  it('reads text, numbers, numbers stored as text and full-width text as stored', () => {
    const s = sheet(grid, '附件3');
    expect(at(s, 'A1')).toEqual({ value: TITLE });
    expect(at(s, 'B4')).toEqual({ value: 866.48, numFmt: '0.00' });
    expect(at(s, 'C4')).toEqual({ value: '866.48' });
    expect(at(s, 'B5')).toEqual({ value: '１４' });
    expect(at(s, 'C5')).toEqual({ value: '≥90%' });
    expect(at(s, 'D5')).toEqual({ value: true });
    expect(at(s, 'A8')).toEqual({ value: '  前后有空格  ' });
  });

  it('gives formula cells their cached result, number format and formula', () => {
    const s = sheet(grid, '附件3');
    expect(at(s, 'E4')).toEqual({ value: 0.9899, numFmt: '0.00%', formula: 'D4/B4' });
    expect(at(s, 'E5')).toEqual({ value: 9.9, numFmt: '0.0', formula: 'ROUND(10*E4,1)' });
  });

  it('keeps error results as error values, apart from text', () => {
    const s = sheet(grid, '附件3');
    expect(at(s, 'F4')).toEqual({ value: { error: '#DIV/0!' }, formula: 'E4/0' });
  });

  it('lists merges and leaves the covered cells empty', () => {
    const s = sheet(grid, '附件3');
    expect(s.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 5, left: 0, bottom: 6, right: 0 },
      { top: 5, left: 1, bottom: 6, right: 2 },
    ]);
    expect(at(s, 'A6')).toEqual({ value: '合并单元格' });
    expect(at(s, 'B1')).toBeUndefined();
    expect(at(s, 'A7')).toBeUndefined();
  });

  it('flags the protected sheet only', () => {
    expect(sheet(grid, '附件2').isProtected).toBe(true);
    expect(sheet(grid, '附件3').isProtected).toBeUndefined();
  });

  it('ends rows at the last non-empty cell', () => {
    const s = sheet(grid, '附件3');
    expect(s.rows).toHaveLength(8);
    expect(s.rows[6]).toBeUndefined();
    expect(s.rows[7]).toHaveLength(3);
  });

  it('turns rich text into plain text and dates into serial numbers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { richText: [{ text: '产出', font: { bold: true } }, { text: '指标(40分)' }] };
    ws.getCell('A2').value = new Date(Date.UTC(2024, 0, 1));
    ws.getCell('A2').numFmt = 'yyyy-mm-dd';
    ws.getCell('A3').value = { text: '链接文字', hyperlink: 'https://example.org' };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const s = expectOk(await readWorkbook({ bytes, fileName: 'r.xlsx' })).grid.sheets[0]!;
    expect(at(s, 'A1')).toEqual({ value: '产出指标(40分)' });
    expect(at(s, 'A2')).toEqual({ value: 45292, numFmt: 'yyyy-mm-dd' });
    expect(at(s, 'A3')).toEqual({ value: '链接文字' });
  });

  it('falls back to SheetJS when ExcelJS cannot parse the package', async () => {
    const quirky = replaceZipPart(await buildXlsx(), 'xl/styles.xml', STYLES_EXCELJS_REJECTS);
    const r = expectOk(await readWorkbook({ bytes: quirky, fileName: 'wps.xlsx' }));
    expect(r.format).toBe('xlsx');
    expect(at(sheet(r.grid, '附件3'), 'A1')).toEqual({ value: TITLE });
    expect(at(sheet(r.grid, '附件3'), 'B4')?.value).toBe(866.48);
    expect(sheet(r.grid, '附件3').merges).toHaveLength(SELF_EVAL_MERGES.length);
  });

  it('accepts an ArrayBuffer and the .xlsm extension', async () => {
    const bytes = await buildXlsx();
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const r = expectOk(await readWorkbook({ bytes: copy, fileName: 'D:\\报表\\自评.XLSM' }));
    expect(r.format).toBe('xlsx');
  });
});

describe('readWorkbook on .xls (SheetJS)', () => {
  it('gives the same Grid as the .xlsx with the same content', async () => {
    const fromXlsx = expectOk(await readWorkbook({ bytes: await buildXlsx(), fileName: 'a.xlsx' }));
    const fromXls = expectOk(await readWorkbook({ bytes: buildXls(), fileName: 'a.xls' }));
    expect(fromXls.format).toBe('xls');
    expect(withoutFormulasAndProtection(fromXls.grid)).toEqual(withoutFormulasAndProtection(fromXlsx.grid));
  });

  it('reads a percent format, an error value and merges from the .xls bytes', async () => {
    const s = sheet(expectOk(await readWorkbook({ bytes: buildXls(), fileName: 'a.xls' })).grid, '附件3');
    expect(at(s, 'E4')).toEqual({ value: 0.9899, numFmt: '0.00%' });
    expect(at(s, 'F4')).toEqual({ value: { error: '#DIV/0!' } });
    expect(s.merges).toHaveLength(SELF_EVAL_MERGES.length);
  });

  it('maps formulas and protection from a SheetJS workbook as the .xlsx path does', async () => {
    const wb = XLSX.utils.book_new();
    const basic = sheetJsSheet(BASIC_ENTRIES, [], true);
    basic['!protect'] = { password: '' } as XLSX.ProtectInfo;
    XLSX.utils.book_append_sheet(wb, basic, '附件2');
    XLSX.utils.book_append_sheet(wb, sheetJsSheet(SELF_EVAL_ENTRIES, SELF_EVAL_MERGES, true), '附件3');
    const fromSheetJs = gridFromSheetJs(wb, 1000);
    const fromXlsx = expectOk(await readWorkbook({ bytes: await buildXlsx(), fileName: 'a.xlsx' })).grid;
    expect(fromSheetJs).toEqual(fromXlsx);
  });

  it('reads a file renamed from .xls to .xlsx by its content', async () => {
    const r = expectOk(await readWorkbook({ bytes: buildXls(), fileName: 'renamed.xlsx' }));
    expect(r.format).toBe('xls');
  });
});

describe('formula results', () => {
  it('keeps a cached result of 0 (ExcelJS cell.value drops falsy results)', async () => {
    const ExcelJS = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 0;
    ws.getCell('B1').value = { formula: 'A1*2', result: 0 } as import('exceljs').CellFormulaValue;
    ws.getCell('C1').value = { formula: 'A1=0', result: false } as unknown as import('exceljs').CellFormulaValue;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await readWorkbook({ bytes, fileName: 'zero.xlsx' });
    if (!r.ok) throw new Error(r.message);
    const row = r.grid.sheets[0]!.rows[0]!;
    expect(row[1]).toEqual(expect.objectContaining({ value: 0, formula: 'A1*2' }));
    expect(row[2]).toEqual(expect.objectContaining({ value: false, formula: 'A1=0' }));
  });
});
