/**
 * The grid the page shows, with every text cut at TEXT_CAP characters (core/text-cap.ts). A
 * worker's message copies each string it holds once per cell: a sheet of thousands of cells
 * sharing one 30,000-character text would be gigabytes on its way to the page, and the tab
 * would crash. Numbers, formats and merges are as read; a cut text says so in itself.
 */
import type { Cell, WorkbookGrid } from '../grid/grid';
import { capText, TEXT_CAP } from '../core/text-cap';

export function displayGrid(grid: WorkbookGrid): WorkbookGrid {
  const cap = (cell: Cell | undefined): Cell | undefined =>
    cell && typeof cell.value === 'string' && cell.value.length > TEXT_CAP ? { ...cell, value: capText(cell.value) } : cell;
  return {
    ...grid,
    sheets: grid.sheets.map((s) => ({ ...s, rows: s.rows.map((row) => row?.map(cap)) })),
    ...(grid.paragraphs ? { paragraphs: grid.paragraphs.map((p) => capText(p)) } : {}),
  };
}
