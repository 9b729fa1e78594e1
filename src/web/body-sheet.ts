/**
 * A Word report's body text in the page's sheet view: a `正文` tab with one paragraph per row, so a
 * narrative finding (`正文!¶N`, docs/contract.md) shows, marked, at row N like any cell finding.
 */
import type { WorkbookGrid } from '../grid/grid';

import { BODY_SHEET } from '../core/narrative';

/** The grid the page shows: a report's tables, then its paragraphs as the `正文` sheet. */
export function withBodySheet(grid: WorkbookGrid): WorkbookGrid {
  const paragraphs = grid.paragraphs;
  if (!paragraphs || paragraphs.length === 0 || grid.sheets.some((s) => s.name === BODY_SHEET)) return grid;
  const rows = paragraphs.map((p) => [p === '' ? undefined : { value: p }]);
  return { ...grid, sheets: [...grid.sheets, { name: BODY_SHEET, rows, merges: [] }] };
}

/** Where a finding's cell sits in the shown grid: `¶12` is A12 of `正文`; a cell address is itself. */
export function shownCell(cell: string): string {
  return cell.startsWith('¶') ? `A${cell.slice(1)}` : cell;
}
