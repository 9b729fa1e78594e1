/**
 * What every table sheet we write shares (the summary's sheets, the copy's 核对结果): a styled
 * header row that stays frozen and prints on every page, widths that fit the content, wrapped
 * rows tall enough to show their text, and a page set-up that prints legibly — at full size
 * (never shrunk to fit: a wide sheet fitted to one page printed at about 5 pt), a wide sheet
 * continued on the next pages with its header rows and first column repeated.
 */
import type { Row, Style, Worksheet } from 'exceljs';
import { argb } from './severity-style';

export interface TableColumn {
  readonly header: string;
  /** Width in characters (a CJK character takes two). */
  readonly width: number;
  /** Long text (说明, 原因): wrapped, top-aligned. */
  readonly wrap?: boolean;
}

export const HEADER_STYLE: Partial<Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb('#D9D9D9') } },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: { bottom: { style: 'thin' } },
};

export const LINK_FONT: Partial<Style['font']> = { color: { argb: argb('#0563C1') }, underline: true };

/** Header row, widths and a frozen first row; rows are added after. */
export function startTable(ws: Worksheet, columns: readonly TableColumn[]): void {
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).eachCell((cell) => {
    cell.style = { ...HEADER_STYLE };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * Autofilter over the header and `rows` data rows; wrapped columns wrap in every data row, and
 * every row whose wrapped text takes more than one line gets the height that shows it (Excel
 * and WPS keep a written file's rows at one line otherwise). Call after the widths are final.
 */
export function finishTable(ws: Worksheet, columns: readonly TableColumn[], rows: number): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows + 1), column: columns.length } };
  const widths = columns.map((c, i) => ws.getColumn(i + 1).width ?? c.width);
  fitRowHeight(ws.getRow(1), widths, columns.map(() => true));
  for (let r = 2; r <= rows + 1; r++) {
    const row = ws.getRow(r);
    columns.forEach((c, i) => {
      if (!c.wrap) return;
      const cell = row.getCell(i + 1);
      cell.style = { ...cell.style, alignment: { ...cell.style.alignment, wrapText: true, vertical: 'top' } };
    });
    fitRowHeight(row, widths, columns.map((c) => c.wrap === true));
  }
}

/** Points per line of 11 pt text (Excel's default row is 15 pt). */
export const LINE_HEIGHT = 15;

/** Lines a text takes in a column `width` characters wide, wrapping at the column's edge. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** Sets the row's height to its tallest wrapped cell, when that is more than one line. */
export function fitRowHeight(row: Row, widths: readonly number[], wraps: readonly boolean[]): void {
  let lines = 1;
  widths.forEach((w, i) => {
    if (!wraps[i]) return;
    const v = row.getCell(i + 1).value;
    const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'text' in v && typeof v.text === 'string' ? v.text : null;
    if (text) lines = Math.max(lines, wrappedLines(text, w));
  });
  if (lines > 1) row.height = lines * LINE_HEIGHT + 2;
}

/**
 * A4 at full size (scale 100, no fit-to-page: text prints at the 11 pt it is written in, never
 * under 8 pt), the header rows repeated on each page; a sheet wider than the paper continues on
 * the pages after, left to right before top to bottom, with `titleColumns` (the file or the
 * finding) repeated at their left so every page says whose row it is. The sheet name and page
 * number in the footer.
 */
export function setPrintLayout(ws: Worksheet, orientation: 'landscape' | 'portrait', titleRows = 1, titleColumns: string | null = 'A:A'): void {
  Object.assign(ws.pageSetup, {
    paperSize: 9,
    orientation,
    fitToPage: false,
    scale: 100,
    pageOrder: 'overThenDown',
    printTitlesRow: `1:${titleRows}`,
    ...(titleColumns ? { printTitlesColumn: titleColumns } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  });
  ws.headerFooter.oddFooter = '&L&A&R第 &P 页，共 &N 页';
}

/** Column width of a text: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

/** A width that fits the longest of `texts` (plus a margin), kept within [min, max]. */
export function fitWidth(texts: Iterable<string | null>, min: number, max: number): number {
  let widest = 0;
  for (const t of texts) if (t) widest = Math.max(widest, ...t.split('\n').map(displayWidth));
  return Math.min(max, Math.max(min, widest + 2));
}
