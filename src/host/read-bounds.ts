/**
 * How much of a sheet the panes read. The used range is the host's word, and a stranger's
 * workbook can make it reach XFD1048576 with one stray value or format: read in row chunks, that
 * would plan a million reads and freeze the host. A form's tables sit in its first rows and
 * columns (a few hundred rows, a few dozen columns), so the read stops at PANE_READ_LIMITS —
 * rows and columns past them are never tables we locate — and the pane says what it left out.
 * Pure; the adapters read the rect this gives instead of the whole used range.
 */
import type { Rect } from '../grid/grid';

export const PANE_READ_LIMITS = {
  /** Rows from the top of the sheet (a form with its 基础数据表 is under a thousand; a long indicator list a few thousand). */
  maxRows: 20_000,
  /** Columns from A (IV: Excel 2003's last column, beyond any form). */
  maxCols: 256,
  /** Cells of one sheet, as the file door's limit for a whole workbook. */
  maxCells: 1_000_000,
} as const;

/** The part of `used` the panes read, and whether anything was left out. */
export function boundedReadRect(used: Rect, limits: { readonly maxRows: number; readonly maxCols: number; readonly maxCells: number } = PANE_READ_LIMITS): { rect: Rect | null; clipped: boolean } {
  const right = Math.min(used.right, limits.maxCols - 1);
  if (used.left > right || used.top > limits.maxRows - 1) return { rect: null, clipped: true };
  const cols = right - used.left + 1;
  const rowsByCells = Math.max(1, Math.floor(limits.maxCells / cols));
  const bottom = Math.min(used.bottom, limits.maxRows - 1, used.top + rowsByCells - 1);
  return { rect: { top: used.top, left: used.left, bottom, right }, clipped: bottom < used.bottom || right < used.right };
}
