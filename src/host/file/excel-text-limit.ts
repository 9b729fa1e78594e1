/**
 * Excel's limit on the text of one cell: 32,767 characters. A longer text in a workbook we write
 * (the summary, an annotated copy and its 核对结果 sheet) makes Excel report the file as damaged
 * and "repair" it by dropping content. Every text we write passes through here just before the
 * workbook is saved: a cell's text, a formula's cached text result, each run of rich text and
 * each cell note is cut to the limit, the cut said in the text (`…（已截断，原文 N 字）`).
 * Texts from the report are already short (core/text-cap.ts); this is the last guarantee, for
 * notes that join many findings on one cell and for texts that come through other paths.
 */
import type { Workbook } from 'exceljs';
import { capText } from '../../core/text-cap';

export const EXCEL_CELL_TEXT_LIMIT = 32_767;

/** Room left for the `…（已截断，原文 N 字）` note within the limit. */
const CUT_AT = EXCEL_CELL_TEXT_LIMIT - 40;

export function excelText(text: string): string {
  return text.length <= EXCEL_CELL_TEXT_LIMIT ? text : capText(text, CUT_AT);
}

type RichText = { text?: unknown };

/** Cuts every over-long text of every cell and note in `workbook` (see above). */
export function limitCellTexts(workbook: Workbook): void {
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (typeof v === 'string') {
          if (v.length > EXCEL_CELL_TEXT_LIMIT) cell.value = excelText(v);
        } else if (v && typeof v === 'object') {
          const o = v as { richText?: RichText[]; result?: unknown; text?: unknown };
          if (Array.isArray(o.richText)) for (const run of o.richText) if (typeof run.text === 'string') run.text = excelText(run.text);
          if (typeof o.result === 'string') o.result = excelText(o.result);
          if (typeof o.text === 'string') o.text = excelText(o.text);
        }
        const note = cell.note as unknown;
        if (typeof note === 'string') {
          if (note.length > EXCEL_CELL_TEXT_LIMIT) cell.note = excelText(note);
        } else if (note && typeof note === 'object') {
          const texts = (note as { texts?: RichText[] }).texts;
          if (Array.isArray(texts)) for (const t of texts) if (typeof t.text === 'string') t.text = excelText(t.text);
        }
      });
    });
  }
}
