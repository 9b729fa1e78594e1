/**
 * The default snapshot store in WPS: a very hidden worksheet (`_selfeval_marks`) in the
 * workbook itself, so a reloaded pane — or the workbook reopened after saving — still knows
 * which cells we painted. One row per key: A = key, B… = the value in chunks (a cell holds at
 * most 32,767 characters), each chunk prefixed with `~` and the cells text-formatted so WPS
 * never reads a chunk as a number or formula. The sheet is deleted when the last key goes.
 * If the sheet cannot be added (a protected workbook structure), values live in memory only.
 */
import type { SnapshotStore } from '../types';
import {
  deleteSheetQuietly,
  findSheet,
  get,
  set,
  sheetAt,
  sheetCount,
  sheetName,
  workbookKey,
  worksheetsOf,
  xlSheetVeryHidden,
  type WpsApplication,
  type WpsRange,
  type WpsWorksheet,
} from './om';
import { plainAddress, to2D } from './read';
import { columnName, parseRect } from '../../grid/grid';

export const STORE_SHEET = '_selfeval_marks';
const CHUNK = 30_000;

export class HiddenSheetStore implements SnapshotStore {
  /** Per workbook (its key): values kept in memory where the sheet could not be added. */
  private readonly fallbacks = new Map<string, Map<string, string>>();
  constructor(private readonly app: () => WpsApplication) {}

  private get fallback(): Map<string, string> {
    const wb = workbookKey(this.app());
    let m = this.fallbacks.get(wb);
    if (!m) this.fallbacks.set(wb, (m = new Map()));
    return m;
  }

  private sheet(): WpsWorksheet | null {
    const sheets = worksheetsOf(this.app());
    return sheets ? findSheet(sheets, STORE_SHEET) : null;
  }

  /** Rows of the store sheet: key → [row number, chunks]. */
  private rows(ws: WpsWorksheet): Map<string, { row: number; value: string; width: number }> {
    const used = get<WpsRange>(ws, 'UsedRange');
    const r = parseRect(plainAddress(String(get(used, 'Address'))));
    const grid = to2D(get(used, 'Value2'), r.bottom - r.top + 1, r.right - r.left + 1);
    const out = new Map<string, { row: number; value: string; width: number }>();
    grid.forEach((cells, i) => {
      const key = cells[0 - r.left];
      if (typeof key !== 'string' || !key) return;
      const chunks = cells.slice(1 - r.left).filter((c): c is string => typeof c === 'string' && c.startsWith('~'));
      out.set(key, { row: r.top + i + 1, value: chunks.map((c) => c.slice(1)).join(''), width: cells.length });
    });
    return out;
  }

  get(key: string): Promise<string | null> {
    if (this.fallback.has(key)) return Promise.resolve(this.fallback.get(key)!);
    const ws = this.sheet();
    return Promise.resolve(ws ? (this.rows(ws).get(key)?.value ?? null) : null);
  }

  set(key: string, value: string): Promise<void> {
    let ws = this.sheet();
    if (!ws) ws = this.create();
    if (!ws) {
      this.fallback.set(key, value);
      return Promise.resolve();
    }
    const rows = this.rows(ws);
    const existing = rows.get(key);
    const row = existing?.row ?? Math.max(0, ...[...rows.values()].map((r) => r.row)) + 1;
    const chunks: string[] = [];
    for (let i = 0; i < value.length; i += CHUNK) chunks.push(`~${value.slice(i, i + CHUNK)}`);
    if (existing) set(ws.Range(`A${row}:${columnName(Math.max(existing.width, chunks.length + 1) - 1)}${row}`), 'Value2', null);
    const range = ws.Range(`A${row}:${columnName(chunks.length)}${row}`);
    set(range, 'NumberFormat', '@');
    set(range, 'Value2', [[key, ...chunks]]);
    return Promise.resolve();
  }

  remove(key: string): Promise<void> {
    this.fallback.delete(key);
    const ws = this.sheet();
    if (!ws) return Promise.resolve();
    const rows = this.rows(ws);
    const existing = rows.get(key);
    if (existing) set(ws.Range(`A${existing.row}:${columnName(existing.width - 1)}${existing.row}`), 'Value2', null);
    if (rows.size <= (existing ? 1 : 0)) deleteSheetQuietly(this.app(), ws);
    return Promise.resolve();
  }

  /** Adds the very hidden sheet at the end, leaving the clerk's active sheet active. */
  private create(): WpsWorksheet | null {
    const app = this.app();
    const sheets = worksheetsOf(app);
    if (!sheets) return null;
    const active = get<WpsWorksheet | null>(app, 'ActiveSheet');
    try {
      const last = sheetAt(sheets, sheetCount(sheets));
      const ws = sheets.Add(undefined, last);
      set(ws, 'Name', STORE_SHEET);
      set(ws, 'Visible', xlSheetVeryHidden);
      return ws;
    } catch {
      return null;
    } finally {
      if (active && sheetName(active) !== STORE_SHEET) active.Activate();
    }
  }
}
