/**
 * Real Word documents for the .docx reader's tests, written by the `docx` library (a well-kept
 * .docx writer, not our code): paragraphs and tables with horizontal spans and vertical merges
 * exactly as Word stores them (w:gridSpan, w:vMerge restart/continue).
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { parseRect, type RawValue, type Cell } from '../../src/grid/grid';

export interface TableSpec {
  /** Rows of cell text as typed; `undefined` is an empty cell (or one covered by a merge). */
  readonly rows: ReadonlyArray<ReadonlyArray<RawValue | Cell | undefined>>;
  /** Merged areas in A1 form, e.g. `A4:A10`. */
  readonly merges?: readonly string[];
  /** Leading rows marked as header rows repeated on every page (w:tblHeader). */
  readonly headerRows?: number;
}

export type Block = string | TableSpec;

/** Cell text as a clerk would have typed it: numbers in their shortest form. */
function text(v: RawValue | Cell | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object' && 'value' in v) return text(v.value);
  if (typeof v === 'object') return v.error;
  return String(v);
}

function table(spec: TableSpec): Table {
  const width = Math.max(...spec.rows.map((r) => r.length));
  const merges = (spec.merges ?? []).map(parseRect);
  const covering = (r: number, c: number) => merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const rows = spec.rows.map((row, r) => {
    const cells: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      const m = covering(r, c);
      // A covered cell is written by the library (a vMerge continuation) or not at all (a span).
      if (m && (m.top !== r || m.left !== c)) continue;
      const lines = text(row[c]).split('\n');
      cells.push(
        new TableCell({
          children: lines.map((l) => new Paragraph(l)),
          ...(m && m.right > m.left ? { columnSpan: m.right - m.left + 1 } : {}),
          ...(m && m.bottom > m.top ? { rowSpan: m.bottom - m.top + 1 } : {}),
        }),
      );
    }
    return new TableRow({ children: cells, tableHeader: r < (spec.headerRows ?? 0) });
  });
  return new Table({
    rows,
    columnWidths: Array.from({ length: width }, () => 1200),
    width: { size: width * 1200, type: WidthType.DXA },
  });
}

export async function buildDocx(blocks: readonly Block[]): Promise<Uint8Array> {
  const children = blocks.map((b) => (typeof b === 'string' ? new Paragraph(b) : table(b)));
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
