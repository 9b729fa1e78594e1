/**
 * A Word report's tables as an ExcelJS workbook, for its annotated copy (docs/contract.md: "an .xlsx
 * with one sheet per table"): cell text as typed, merged areas, column widths from the text, and a
 * `正文` sheet with the body's paragraphs, one per row (row N is ¶N), so a narrative finding has a
 * cell to point at. Excel limits sheet names (31 characters, no `[]:*?/\`), so a caption that
 * breaks them is shortened; `sheetNames` maps each Grid sheet to the copy's name.
 */
import type { Worksheet } from 'exceljs';
import { newWorkbook, type Workbook } from './exceljs';
import type { SheetGrid, WorkbookGrid } from '../../grid/grid';

import { BODY_SHEET } from '../../core/narrative';

export interface DocxCopy {
  readonly workbook: Workbook;
  /** Grid sheet name → the copy's sheet name (the same where Excel allows it). */
  readonly sheetNames: ReadonlyMap<string, string>;
}

const MAX_SHEET_NAME = 31;

/** An Excel-legal, unique sheet name for a caption. */
export function excelSheetName(caption: string, taken: Set<string>): string {
  const clean = caption.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || '表';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = clean.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

export function exceljsFromDocxGrid(grid: WorkbookGrid): DocxCopy {
  const workbook = newWorkbook();
  const taken = new Set<string>([BODY_SHEET.toLowerCase()]);
  const sheetNames = new Map<string, string>();
  for (const sheet of grid.sheets) {
    const name = excelSheetName(sheet.name, taken);
    sheetNames.set(sheet.name, name);
    copyTable(sheet, workbook.addWorksheet(name));
  }
  if (grid.paragraphs && grid.paragraphs.length > 0) {
    const body = workbook.addWorksheet(BODY_SHEET);
    body.getColumn(1).width = 100;
    grid.paragraphs.forEach((p, i) => {
      const cell = body.getCell(i + 1, 1);
      cell.value = p;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return { workbook, sheetNames };
}

function copyTable(from: SheetGrid, to: Worksheet): void {
  const widths: number[] = [];
  from.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell || cell.value === null) return;
      const text = String(cell.value);
      const target = to.getCell(r + 1, c + 1);
      target.value = text;
      target.alignment = { wrapText: true, vertical: 'middle' };
      const longestLine = Math.max(...text.split('\n').map(displayWidth));
      widths[c] = Math.max(widths[c] ?? 0, Math.min(longestLine, 40));
    });
  });
  for (const m of from.merges) to.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  widths.forEach((w, c) => {
    to.getColumn(c + 1).width = Math.max(8, w + 2);
  });
}

/** Characters as Excel column units: a CJK character is about two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}
