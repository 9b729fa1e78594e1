/**
 * `measureSyncs(rows)`: the Office.js round-trips of read + check and of paint + clear for a
 * synthetic 自评表 of `rows` indicator rows, run on the Excel fake. The engine is pure, so
 * checking adds no sync; painting gets one finding per indicator row (plus the engine's own),
 * so its work grows with the size while its round-trips must not.
 *
 * Used by test/host/excel.test.ts and callable from scripts/bench.ts:
 *   import { measureSyncs } from '../test/host/measure-syncs';
 *   for (const rows of [10, 1000, 10000]) console.log(await measureSyncs(rows));
 */
import type { Finding } from '../../src/core/finding';
import { checkWorkbook } from '../../src/engine';
import { ExcelHost, SyncMeter } from '../../src/host/excel';
import { MemoryStore } from '../../src/host/types';
import { syntheticSelfEval } from '../support/synthetic';
import { installExcelFake } from './excel-fake';
import { excelWorkbookFromSpec } from './excel-env';
import { specFromGrid } from './spec';

export interface SyncMeasurement {
  readonly rows: number;
  /** context.sync() calls to read the workbook and check it. */
  readonly readAndCheck: number;
  /** context.sync() calls to paint every finding (after the read). */
  readonly paint: number;
  /** context.sync() calls of a second check's paint (the first one's marks come off first). */
  readonly repaint: number;
  /** context.sync() calls of 清除标记. */
  readonly clear: number;
  /** Findings painted. */
  readonly findings: number;
  /** Merged areas the read returned (the synthetic sheet merges a block per indicator group). */
  readonly merges: number;
  /** Cells of the used range, and the row chunks the read took them in. */
  readonly cells: number;
  readonly chunks: number;
  /** The largest request and response of any sync (estimated JSON bytes; Excel on the web allows 5 MB). */
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
}

export async function measureSyncs(rows: number): Promise<SyncMeasurement> {
  const grid = syntheticSelfEval(rows);
  const wb = excelWorkbookFromSpec(specFromGrid(grid));
  const installed = installExcelFake(wb);
  try {
    const meter = new SyncMeter();
    const host = new ExcelHost({ meter, store: new MemoryStore() });
    const count = async (fn: () => Promise<unknown>) => {
      const fake0 = wb.syncCount;
      const own0 = meter.count;
      await fn();
      const fake = wb.syncCount - fake0;
      if (fake !== meter.count - own0) throw new Error(`sync meter ${meter.count - own0} ≠ fake count ${fake}`);
      return fake;
    };
    let findings: Finding[] = [];
    let merges = 0;
    const readAndCheck = await count(async () => {
      const read = await host.readWorkbook();
      merges = read.sheets.reduce((n, s) => n + s.merges.length, 0);
      const report = checkWorkbook(read, { file: `synthetic-${rows}` });
      findings = [...report.findings, ...perRowFindings(read.sheets[0]!.name, rows)];
    });
    const paint = await count(() => host.paintFindings(findings));
    const repaint = await count(() => host.paintFindings(findings));
    const clear = await count(() => host.clearMarks());
    const used = wb.sheets[0]!.usedRect(true)!;
    return {
      rows,
      readAndCheck,
      paint,
      repaint,
      clear,
      findings: findings.length,
      merges,
      cells: (used.bottom - used.top + 1) * (used.right - used.left + 1),
      chunks: host.lastRead?.chunks ?? 0,
      maxRequestBytes: wb.maxRequestBytes,
      maxResponseBytes: wb.maxResponseBytes,
    };
  } finally {
    installed.uninstall();
  }
}

/** One finding on each indicator's 得分 cell (column H, from sheet row 10 in the synthetic layout). */
function perRowFindings(sheet: string, rows: number): Finding[] {
  const severities = ['error', 'warning', 'info'] as const;
  return Array.from({ length: rows }, (_, i) => ({
    ruleId: 'selfeval.indicator-score' as const,
    messageId: 'proportional',
    title: '指标得分',
    severity: severities[i % 3]!,
    sheet,
    cell: `H${10 + i}`,
    entered: null,
    expected: null,
    message: '',
    explanation: '',
    inputs: [],
  }));
}
