/**
 * 已说明 in WPS: the explanations live in the very hidden worksheet of core/acknowledge
 * (`_selfeval`), read back with the workbook like any sheet (the file door reads it too).
 * Every cell is text-formatted first, so WPS never reads a reason or a value as a number.
 * The clerk's active sheet stays active; the sheet is deleted when no explanation is left.
 */
import { ACK_SHEET } from '../../core/acknowledge';
import { columnName } from '../../grid/grid';
import { HostError } from '../types';
import { deleteSheetQuietly, findSheet, get, set, sheetAt, sheetCount, sheetName, xlSheetVeryHidden, type WpsApplication, type WpsRange, type WpsWorksheet, type WpsWorksheets } from './om';

export function writeAckSheet(app: WpsApplication, sheets: WpsWorksheets, rows: readonly (readonly string[])[] | null): void {
  let ws = findSheet(sheets, ACK_SHEET);
  if (rows === null) {
    if (ws) deleteSheetQuietly(app, ws);
    return;
  }
  if (ws) set(get<WpsRange>(ws, 'UsedRange'), 'Value2', null);
  else ws = addVeryHidden(app, sheets);
  const width = Math.max(...rows.map((r) => r.length));
  const block = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  const range = ws.Range(`A1:${columnName(width - 1)}${rows.length}`);
  set(range, 'NumberFormat', '@');
  set(range, 'Value2', block);
}

function addVeryHidden(app: WpsApplication, sheets: WpsWorksheets): WpsWorksheet {
  const active = get<WpsWorksheet | null>(app, 'ActiveSheet');
  try {
    const ws = sheets.Add(undefined, sheetAt(sheets, sheetCount(sheets)));
    set(ws, 'Name', ACK_SHEET);
    set(ws, 'Visible', xlSheetVeryHidden);
    return ws;
  } catch (e) {
    throw new HostError('protected-sheet', '工作簿结构受保护，无法保存“已说明”。请先在“审阅”中撤销工作簿保护，再重试。', 'Add', e instanceof Error ? e.message : String(e));
  } finally {
    if (active && sheetName(active) !== ACK_SHEET) active.Activate();
  }
}

