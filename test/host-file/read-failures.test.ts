import { readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { readWorkbook, type ReadResult } from '../../src/host/file/read';
import { buildXls, buildXlsx } from './sample-workbooks';

function expectFailure(r: ReadResult, reason: string): string {
  if (r.ok) throw new Error(`expected failure ${reason}, got a grid`);
  expect(r.reason).toBe(reason);
  return r.message;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A minimal OLE container like the one Office writes around a password-protected .xlsx. */
function encryptedPackage(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  // EncryptionInfo starts with its version (4.4 = agile encryption) and flags.
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(256));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

describe('readWorkbook failures are values with a Chinese message naming the file', () => {
  it('refuses an unsupported extension before looking at the bytes', async () => {
    const msg = expectFailure(await readWorkbook({ bytes: await buildXlsx(), fileName: 'data/报表.csv' }), 'unsupported-extension');
    expect(msg).toContain('“报表.csv”');
    expect(msg).toContain('.csv');
    expectFailure(await readWorkbook({ bytes: await buildXlsx(), fileName: 'noext' }), 'unsupported-extension');
  });

  it('says a text file named .xlsx is text', async () => {
    const msg = expectFailure(await readWorkbook({ bytes: utf8('项目,金额\n年度资金总额,866.48\n'), fileName: '自评.xlsx' }), 'text-file');
    expect(msg).toContain('“自评.xlsx”');
    expect(msg).toContain('文本文件');
  });

  it('says a CSV saved in GBK and named .xls is text', async () => {
    const gbk = new Uint8Array([0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0xb5, 0xc3, 0xb7, 0xd6, 0x0d, 0x0a, 0x31, 0x2c, 0x32]);
    expectFailure(await readWorkbook({ bytes: gbk, fileName: '单位.xls' }), 'text-file');
  });

  it('says an HTML page named .xlsx is text, but reads an HTML table saved as .xls', async () => {
    const html = utf8('<html><body><table><tr><td>年度资金总额</td><td>866.48</td></tr></table></body></html>');
    expectFailure(await readWorkbook({ bytes: html, fileName: 'page.xlsx' }), 'text-file');
    const r = await readWorkbook({ bytes: html, fileName: 'export.xls' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.grid.sheets[0]!.rows[0]![0]).toEqual({ value: '年度资金总额' });
  });

  it('says a truncated zip is corrupt', async () => {
    const good = await buildXlsx();
    const msg = expectFailure(await readWorkbook({ bytes: good.subarray(0, Math.floor(good.length / 2)), fileName: '坏.xlsx' }), 'corrupt');
    expect(msg).toContain('“坏.xlsx”');
    expect(msg).toContain('已损坏');
  });

  it('says random bytes are corrupt', async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expectFailure(await readWorkbook({ bytes: noise, fileName: 'x.xlsx' }), 'corrupt');
  });

  it('says a zip without a workbook (a Word document) is not a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    // Rename the workbook part: the zip stays valid, but holds no xl/workbook.xml.
    const patched = replaceAscii(xlsx, 'xl/workbook.xml', 'xl/wordbook.xml');
    expectFailure(await readWorkbook({ bytes: patched, fileName: 'doc.xlsx' }), 'not-a-workbook');
  });

  it('says an encrypted OOXML package is encrypted', async () => {
    const msg = expectFailure(await readWorkbook({ bytes: encryptedPackage(), fileName: '加密.xlsx' }), 'encrypted');
    expect(msg).toContain('“加密.xlsx”');
    expect(msg).toMatch(/文件已加密|设有打开密码/);
  });

  it('says an OLE file without a workbook stream is not a workbook', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/WordDocument', new Uint8Array(64));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    expectFailure(await readWorkbook({ bytes, fileName: 'doc.xls' }), 'not-a-workbook');
  });

  it('says an empty workbook is empty', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = '   ';
    ws.getCell('B2').numFmt = '0.00';
    wb.addWorksheet('Sheet2');
    const msg = expectFailure(await readWorkbook({ bytes: new Uint8Array(await wb.xlsx.writeBuffer()), fileName: '空.xlsx' }), 'empty');
    expect(msg).toContain('“空.xlsx”');
    expect(msg).toContain('空工作簿');
  });

  it('says a zero-byte file is empty', async () => {
    expectFailure(await readWorkbook({ bytes: new Uint8Array(0), fileName: 'zero.xls' }), 'empty');
  });

  it('refuses a file over the byte limit, saying the limit', async () => {
    const bytes = await buildXlsx();
    const msg = expectFailure(await readWorkbook({ bytes, fileName: 'big.xlsx' }, { maxBytes: 1024 * 1024 * 0.001 }), 'too-large');
    expect(msg).toContain('上限');
  });

  it('refuses a workbook over the cell limit, .xlsx and .xls alike', async () => {
    const msg = expectFailure(await readWorkbook({ bytes: await buildXlsx(), fileName: 'a.xlsx' }, { maxCells: 10 }), 'too-large');
    expect(msg).toContain('10');
    expectFailure(await readWorkbook({ bytes: buildXls(), fileName: 'a.xls' }, { maxCells: 10 }), 'too-large');
    expect((await readWorkbook({ bytes: buildXls(), fileName: 'a.xls' }, { maxCells: 1000 })).ok).toBe(true);
  });

  it('refuses a package whose parts unpack past the limit', async () => {
    expectFailure(await readWorkbook({ bytes: await buildXlsx(), fileName: 'bomb.xlsx' }, { maxUncompressedBytes: 100 }), 'too-large');
  });

  it('never throws, whatever the bytes', async () => {
    const good = await buildXlsx();
    for (let cut = 0; cut < good.length; cut += Math.ceil(good.length / 25)) {
      const r = await readWorkbook({ bytes: good.subarray(0, cut), fileName: 'cut.xlsx' });
      expect(typeof r.ok).toBe('boolean');
    }
  });
});

/** Replaces every occurrence of an ASCII string by another of the same length. */
function replaceAscii(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = new Uint8Array(bytes);
  const f = utf8(from);
  const t = utf8(to);
  for (let i = 0; i + f.length <= out.length; i++) {
    if (f.every((b, k) => out[i + k] === b)) out.set(t, i);
  }
  return out;
}

describe('texts are measured against the limit as it is set', () => {
  const seed = () => new Uint8Array(readFileSync(`${__dirname}/../../samples/seed-004.xlsx`));
  const longest = 60; // seed 004's 年度总体目标 and 偏差原因 texts run past this

  it('refuses a shared string past a lowered limit (the part is longer than the limit, so it is read)', async () => {
    const msg = expectFailure(await readWorkbook({ bytes: seed(), fileName: 'seed-004.xlsx' }, { maxStringLength: longest }), 'too-large');
    expect(msg).toContain('“seed-004.xlsx”');
    expect(msg).toContain(`超过 ${longest} 个字符的上限`);
  });

  it('reads the same workbook under the default limit', async () => {
    expect((await readWorkbook({ bytes: seed(), fileName: 'seed-004.xlsx' })).ok).toBe(true);
  });
});
