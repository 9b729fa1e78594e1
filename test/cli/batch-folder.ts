/**
 * A temporary folder with the mix of files a reviewer's batch holds: a seed 004 workbook
 * (one error finding), a consistent one, its .xls twin, an encrypted package, a text file
 * named .xlsx, an unrelated workbook, plus files the walk must skip.
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { createHash } from 'crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { CONSISTENT_BASIC, CONSISTENT_SELF, SEED_004_BASIC, SEED_004_SELF } from '../fixtures/data';
import { layoutBasic, layoutSelfEval } from '../fixtures/layout';

export async function seedWorkbook(consistent: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  layoutBasic(wb, consistent ? CONSISTENT_BASIC : SEED_004_BASIC);
  layoutSelfEval(wb, consistent ? CONSISTENT_SELF : SEED_004_SELF);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same workbook saved as .xls by SheetJS (values, formats, merges). */
export function asXls(xlsx: Uint8Array): Uint8Array {
  const wb = XLSX.read(xlsx, { type: 'array', cellNF: true });
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
}

export function encryptedPackage(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(256));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

export async function unrelatedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('通讯录').addRows([
    ['姓名', '电话'],
    ['张三', '13800000000'],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface BatchFolder {
  readonly root: string;
  /** Files the walk must check, relative to root, in walk order. */
  readonly checked: readonly string[];
}

export async function makeBatchFolder(): Promise<BatchFolder> {
  const root = makeTempDir('selfeval-batch-');
  mkdirSync(join(root, '乡镇'));
  const seed = await seedWorkbook(false);
  const files: Record<string, Uint8Array> = {
    '1-芦淞区商务局.xlsx': seed,
    '2-一致.xlsx': await seedWorkbook(true),
    '乡镇/3-一致.xls': asXls(await seedWorkbook(true)),
    '4-加密.xlsx': encryptedPackage(),
    '5-文本.xlsx': new TextEncoder().encode('单位,得分\n商务局,95.8\n'),
    '6-通讯录.xlsx': await unrelatedWorkbook(),
    // skipped by the walk:
    '~$1-芦淞区商务局.xlsx': new Uint8Array([1, 2, 3]),
    '旧.checked.xlsx': seed,
    '说明.pdf': new Uint8Array([1]), // not a workbook or a report: a folder walk leaves it out
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(root, name), bytes);
  return {
    root,
    checked: ['1-芦淞区商务局.xlsx', '2-一致.xlsx', '4-加密.xlsx', '5-文本.xlsx', '6-通讯录.xlsx', '乡镇/3-一致.xls'],
  };
}

/** sha256 of every file under a folder, by relative path. */
export function hashTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(root, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(root);
  return out;
}
