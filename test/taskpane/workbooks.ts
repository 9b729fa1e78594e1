/**
 * Workbooks for the pane's component tests, as Grids: the committed seed-004 sample, the
 * corpus's consistent workbook (no findings), and a sheet with no template at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import './jsdom-shims';
import { readWorkbook } from '../../src/host/file/read';
import { sheetFromArray, type WorkbookGrid } from '../../src/grid/grid';
import { FIXTURES, buildWorkbook } from '../fixtures/fixtures';
import { workbookBytes } from '../fixtures/build-fixtures';

export const SEED_004 = path.resolve(__dirname, '../../samples/seed-004.xlsx');

async function gridFromBytes(bytes: Uint8Array, fileName: string): Promise<WorkbookGrid> {
  const read = await readWorkbook({ bytes, fileName });
  if (!read.ok) throw new Error(`${fileName}: ${read.message}`);
  return read.grid;
}

export function seedGrid(): Promise<WorkbookGrid> {
  return gridFromBytes(fs.readFileSync(SEED_004), 'seed-004.xlsx');
}

export async function consistentGrid(): Promise<WorkbookGrid> {
  const fixture = FIXTURES.find((f) => f.name === 'consistent');
  if (!fixture) throw new Error('the corpus has no "consistent" fixture');
  return gridFromBytes(await workbookBytes(buildWorkbook(fixture.spec)), 'consistent.xlsx');
}

export function unrelatedGrid(): WorkbookGrid {
  return {
    sheets: [
      sheetFromArray('Sheet1', [
        ['差旅费报销单', null, null],
        ['姓名', '张三', null],
        ['金额', 120.5, null],
      ]),
    ],
  };
}

/** The same workbook with some sheets protected. */
export function withProtected(grid: WorkbookGrid, names: readonly string[]): WorkbookGrid {
  return { sheets: grid.sheets.map((s) => (names.includes(s.name) ? { ...s, isProtected: true } : s)) };
}
