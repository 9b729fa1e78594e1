/**
 * A Word report vs the same tables as a workbook (issue 15's goal: ≤ 1.3×): seed 004's report as
 * published (its narrative, both annex tables) read and checked, beside seed 004's .xlsx read
 * and checked. Both are timed whole, from bytes to Report.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { checkWorkbook } from '../src/engine';
import { readWorkbook } from '../src/host/file/read';
import { seed004Report } from '../test/docx/seed004-report';

type Median = (runs: number, fn: () => unknown | Promise<unknown>) => Promise<number>;

export async function docxVsXlsx(median: Median): Promise<void> {
  console.log('\n## A Word report vs the same tables as .xlsx (seed 004, read + check; goal: ratio ≤ 1.3)');
  const docx = await seed004Report();
  const xlsx = readFileSync(join(__dirname, '..', 'samples', 'seed-004.xlsx'));
  const time = (bytes: Uint8Array, fileName: string) =>
    median(15, async () => {
      const r = await readWorkbook({ bytes, fileName });
      if (!r.ok) throw new Error(r.message);
      checkWorkbook(r.grid, { file: fileName });
    });
  const w = await time(xlsx, 'seed-004.xlsx');
  const d = await time(docx, 'seed-004.docx');
  const paragraphs = (await readWorkbook({ bytes: docx, fileName: 'seed-004.docx' })) as { grid?: { paragraphs?: readonly string[] } };
  console.log(
    `seed-004 report (.docx, ${docx.length} bytes, ${paragraphs.grid?.paragraphs?.length ?? 0} paragraphs, 2 tables) ${d.toFixed(1)} ms | seed-004.xlsx ${w.toFixed(1)} ms | ratio ${(d / w).toFixed(2)}`,
  );
}
