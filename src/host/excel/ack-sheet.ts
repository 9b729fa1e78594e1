/// <reference types="office-js" />
/**
 * 已说明 in Excel: the explanations live in a very hidden worksheet (core/acknowledge's
 * `_selfeval`), which the read picks up like any sheet and the file door reads too. Every
 * cell is written as text (`@`) so Excel never turns a reason or a cell value into a number or
 * a date. Two syncs in every ExcelApi version: look the sheet up; then add or clear it, and
 * write (or delete it when no explanation is left).
 */
import { ACK_SHEET } from '../../core/acknowledge';
import { columnName } from '../../grid/grid';
import { HostError } from '../types';
import type { ExcelCaps } from './api';
import type { Sync } from './sync';

export const ACK_MSG = {
  structureProtected: () => '工作簿结构受保护，无法保存“已说明”。请先在“审阅”中撤销工作簿保护，再重试。',
} as const;

/**
 * Our sheet, or null — one sync either way. getItemOrNullObject needs ExcelApi 1.4; before it
 * (Office 2016 MSI) the names of every sheet are loaded instead (1.1).
 */
async function findAckSheet(ctx: Excel.RequestContext, sync: Sync, nullObjects: boolean): Promise<Excel.Worksheet | null> {
  if (nullObjects) {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(ACK_SHEET);
    ws.load('name');
    await sync();
    return ws.isNullObject ? null : ws;
  }
  const all = ctx.workbook.worksheets;
  all.load('items/name');
  await sync();
  return all.items.find((ws) => ws.name === ACK_SHEET) ?? null;
}

/**
 * Writes `rows` into the sheet (replacing what was there); null deletes the sheet. Excel refuses
 * to delete a very hidden sheet (Excel.Worksheet.delete: "If the worksheet's visibility is set to
 * VeryHidden, the delete operation will fail with an InvalidOperation exception"), so it is made
 * `Hidden` first, in the same batch. Setting visibility needs ExcelApi 1.2: below it the sheet is
 * written visible (the pane says so, capLimitations).
 */
export async function writeAckSheet(ctx: Excel.RequestContext, sync: Sync, rows: readonly (readonly string[])[] | null, caps: Pick<ExcelCaps, 'nullObjects' | 'setVisibility'>): Promise<void> {
  const existing = await findAckSheet(ctx, sync, caps.nullObjects);
  if (rows === null) {
    if (existing) {
      if (caps.setVisibility) existing.visibility = 'Hidden';
      existing.delete();
      await syncOrExplain(sync);
    }
    return;
  }
  let ws: Excel.Worksheet;
  if (!existing) {
    ws = ctx.workbook.worksheets.add(ACK_SHEET);
  } else {
    ws = existing;
    ws.getRange().clear('Contents');
  }
  if (caps.setVisibility) ws.visibility = 'VeryHidden';
  const width = Math.max(...rows.map((r) => r.length));
  const block = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  const range = ws.getRange(`A1:${columnName(width - 1)}${rows.length}`);
  range.numberFormat = block.map((r) => r.map(() => '@'));
  range.values = block;
  await syncOrExplain(sync);
}

/** A refused add/delete of our sheet is the workbook's structure protection: say so. */
async function syncOrExplain(sync: Sync): Promise<void> {
  try {
    await sync();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'AccessDenied' || code === 'InvalidOperation') throw new HostError('protected-sheet', ACK_MSG.structureProtected(), code, String((e as Error).message));
    throw e;
  }
}
