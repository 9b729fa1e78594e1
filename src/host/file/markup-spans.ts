/**
 * The merged areas of HTML or SpreadsheetML saved as .xls, measured in the markup before SheetJS
 * reads it: a cell's `colspan`/`rowspan` (HTML) or `ss:MergeAcross`/`ss:MergeDown`
 * (SpreadsheetML 2003) each make a merge. They are held to the limits of an .xlsx — at most
 * maxMergesPerSheet merges, the cells they cover counted in maxCells — and HTML to a tighter
 * count (HTML_MAX_MERGES): SheetJS's HTML reader places every cell past the spans above it by
 * searching all merges again for each collision, so 2,000 overlapping spans in a 100 KB page
 * take over half a minute and 8,000 take many minutes. Exports of real forms have a few dozen.
 *
 * One linear pass over the start tags of cells (`<td …>`, `<th …>`, `<Cell …>`); a span that is
 * not a plain number counts as 1, as browsers and Excel read it.
 */
import { readFailure, type ReadFailure } from './failure';
import type { ReadLimits } from './limits';

/** Most spanned cells an HTML table saved as .xls may have (see above). */
export const HTML_MAX_MERGES = 1_000;

const CELL_START = /<(td|th|(?:ss:)?cell)\b/gi;
const HTML_SPAN = /\b(colspan|rowspan)\s*=\s*["']?\s*(\d{1,9})/gi;
const XML_SPAN = /\bss:(MergeAcross|MergeDown)\s*=\s*["']\s*(\d{1,9})/gi;

export function markupSpansProblem(bytes: Uint8Array, name: string, limits: Pick<ReadLimits, 'maxCells' | 'maxMergesPerSheet'>): ReadFailure | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let merges = 0;
  let covered = 0;
  let html = false;
  const start = new RegExp(CELL_START.source, CELL_START.flags);
  for (let tag = start.exec(text); tag; tag = start.exec(text)) {
    // The attributes up to the tag's end; the search goes on after it, so each character is read once.
    const end = text.indexOf('>', start.lastIndex);
    if (end < 0) break;
    const attributes = text.slice(start.lastIndex, end);
    start.lastIndex = end + 1;
    const isHtml = tag[1]!.toLowerCase() !== 'cell' && tag[1]!.toLowerCase() !== 'ss:cell';
    html ||= isHtml;
    let across = 1;
    let down = 1;
    for (const m of attributes.matchAll(isHtml ? HTML_SPAN : XML_SPAN)) {
      const n = Number(m[2]);
      const key = m[1]!.toLowerCase();
      // HTML gives the span itself; SpreadsheetML the cells beyond the first.
      if (key === 'colspan') across = Math.max(1, n);
      else if (key === 'rowspan') down = Math.max(1, n);
      else if (key === 'mergeacross') across = n + 1;
      else down = n + 1;
    }
    if (across === 1 && down === 1) continue;
    merges++;
    const cells = across * down;
    covered += cells - 1;
    const mergeLimit = html ? Math.min(HTML_MAX_MERGES, limits.maxMergesPerSheet) : limits.maxMergesPerSheet;
    if (merges > mergeLimit) {
      return readFailure('too-large', `“${name}”的表格有超过 ${count(mergeLimit)} 个合并单元格（${html ? 'colspan/rowspan' : 'ss:MergeAcross/ss:MergeDown'}），超过上限，未核对。请在 Excel 或 WPS 中打开，取消不需要的合并后另存为 .xlsx 再试。`);
    }
    if (covered > limits.maxCells) {
      return readFailure('too-large', `“${name}”的表格有一个合并单元格（${spanText(isHtml, across, down)}）覆盖 ${count(cells)} 个单元格，合并区域共超过 ${count(limits.maxCells)} 个单元格的上限，未核对。正常的表格不会合并到数据以外；请取消该合并后另存再试。`);
    }
  }
  return null;
}

function spanText(html: boolean, across: number, down: number): string {
  return html ? `colspan=${across} rowspan=${down}` : `ss:MergeAcross=${across - 1} ss:MergeDown=${down - 1}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
