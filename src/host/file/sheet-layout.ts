/**
 * What every table sheet we write shares (the summary's sheets, the copy's 核对结果): a styled
 * header row that stays frozen and prints on every page, widths that fit the content, and a
 * page set-up that prints legibly — one page wide, as many pages down as it takes.
 */
import type { Style, Worksheet } from 'exceljs';
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

/** Autofilter over the header and `rows` data rows; wrapped columns wrap in every data row. */
export function finishTable(ws: Worksheet, columns: readonly TableColumn[], rows: number): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows + 1), column: columns.length } };
  columns.forEach((c, i) => {
    if (!c.wrap) return;
    for (let r = 2; r <= rows + 1; r++) {
      const cell = ws.getRow(r).getCell(i + 1);
      cell.style = { ...cell.style, alignment: { ...cell.style.alignment, wrapText: true, vertical: 'top' } };
    }
  });
}

/**
 * A4, fit to one page wide and any number of pages tall (fitToHeight 0), the header rows
 * repeated on each page, the sheet name and page number in the footer.
 */
export function setPrintLayout(ws: Worksheet, orientation: 'landscape' | 'portrait', titleRows = 1): void {
  Object.assign(ws.pageSetup, {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${titleRows}`,
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
