/**
 * 已说明 through the file door: an explanation stored the way the panes store it (the very
 * hidden `_selfeval` sheet) is read back from the saved file, shown in the JSON and text
 * reports and in the annotated copy's 核对结果 sheet, survives into the annotated copy itself,
 * and is voided when a cell it depended on changes. Errors are never acknowledged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/engine';
import { readWorkbook } from '../../src/host/file/read';
import { annotateWorkbook } from '../../src/host/file/annotate';
import { RESULTS_SHEET_NAME } from '../../src/host/file/results-sheet';
import { ACK_SHEET, acknowledge, ackRows, refuseAcknowledgement, type Acknowledgement } from '../../src/core/acknowledge';
import type { Finding } from '../../src/core/finding';
import type { Report } from '../../src/core/report';
import type { WorkbookGrid } from '../../src/grid/grid';
import { renderJsonReport } from '../../src/report/json';
import { renderTextReport } from '../../src/report/text';

const SAMPLE = path.join(__dirname, '../../samples/seed-004.xlsx');
const REASON = '该指标年中调整，已报财政局备案';

async function check(bytes: Uint8Array): Promise<{ grid: WorkbookGrid; report: Report }> {
  const read = await readWorkbook({ bytes, fileName: 'seed-004.xlsx' });
  if (!read.ok) throw new Error(read.message);
  return { grid: read.grid, report: checkWorkbook(read.grid, { file: 'seed-004.xlsx' }) };
}

/** Stores the explanations in the workbook as the panes do: a very hidden sheet of text cells. */
async function withAcks(bytes: Uint8Array, list: readonly Acknowledgement[], edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.addWorksheet(ACK_SHEET, { state: 'veryHidden' });
  ackRows(list).forEach((row, i) =>
    row.forEach((v, j) => {
      const c = ws.getCell(i + 1, j + 1);
      c.numFmt = '@';
      c.value = v;
    }),
  );
  edit?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function find(report: Report, ruleId: string, severity?: string): Finding {
  const f = report.findings.find((x) => x.ruleId === ruleId && (!severity || x.severity === severity));
  if (!f) throw new Error(`no ${ruleId}`);
  return f;
}

describe('已说明 in the file', () => {
  const original = new Uint8Array(readFileSync(SAMPLE));
  let warning: Finding;
  let stored: Uint8Array;

  beforeAll(async () => {
    const { grid, report } = await check(original);
    warning = find(report, 'selfeval.indicator-score', 'warning');
    stored = await withAcks(original, [acknowledge(grid, warning, REASON, new Date('2026-12-01T08:00:00Z'))]);
  });

  test('an explained warning reads back as 已说明 with its reason, in JSON and text, counted apart', async () => {
    const { report } = await check(stored);
    const same = report.findings.filter((f) => f.ruleId === warning.ruleId && f.cell === warning.cell);
    expect(same).toHaveLength(1);
    expect(same[0]!.acknowledged).toEqual({ reason: REASON, at: '2026-12-01T08:00:00.000Z' });
    // Only that one: the other warnings stay as they were.
    expect(report.findings.filter((f) => f.acknowledged)).toHaveLength(1);
    expect(report.summary.acknowledged).toBe(1);
    expect(report.summary.warnings).toBe((await check(original)).report.summary.warnings);
    const json = JSON.parse(renderJsonReport([report], false)) as { summary: { acknowledged: number }; findings: Array<{ cell: string; acknowledged?: unknown }> };
    expect(json.summary.acknowledged).toBe(1);
    expect(json.findings.find((f) => f.cell === warning.cell)!.acknowledged).toEqual({ reason: REASON, at: '2026-12-01T08:00:00.000Z' });
    expect(json.findings.filter((f) => f.acknowledged)).toHaveLength(1);
    const text = renderTextReport([report]);
    expect(text).toContain(`已说明：${REASON}`);
    expect(text).toContain('其中已说明 1');
  });

  test('the annotated copy keeps the explanation (very hidden) and lists it in 核对结果', async () => {
    const { report } = await check(stored);
    const copy = await annotateWorkbook({ bytes: stored, report });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy as unknown as ArrayBuffer);
    expect(wb.getWorksheet(ACK_SHEET)?.state).toBe('veryHidden');
    const results = wb.getWorksheet(RESULTS_SHEET_NAME)!;
    const rows: string[][] = [];
    results.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? String((v as { result: unknown }).result) : String(v ?? '')))));
    const mine = rows.find((r) => r[3] === warning.cell && r[8] === warning.ruleId)!;
    expect(mine[1]).toBe('警告（已说明）');
    expect(mine[7]).toContain(`已说明：${REASON}`);
    expect(rows.filter((r) => r[1]?.includes('已说明'))).toHaveLength(1);
    // The copy, checked again, still carries it: the explanation travels with the file.
    const again = await check(copy);
    expect(again.report.findings.find((f) => f.cell === warning.cell && f.ruleId === warning.ruleId)!.acknowledged?.reason).toBe(REASON);
  });

  test('an edit of a cell the finding was computed from voids the explanation', async () => {
    const input = warning.inputs.find((r) => r !== `${warning.sheet}!${warning.cell}`)!;
    const [sheet, cell] = [input.slice(0, input.lastIndexOf('!')), input.slice(input.lastIndexOf('!') + 1)];
    const { grid } = await check(original);
    const edited = await withAcks(original, [acknowledge(grid, warning, REASON)], (wb) => {
      const c = wb.getWorksheet(sheet)!.getCell(cell);
      const v = c.value;
      c.value = typeof v === 'number' ? v + 1 : `${String(v)}1`;
    });
    const { report } = await check(edited);
    expect(report.findings.some((f) => f.acknowledged)).toBe(false);
    expect(report.summary.acknowledged ?? 0).toBe(0);
  });

  test('errors cannot be acknowledged, not even by a row typed into the sheet', async () => {
    const { grid, report } = await check(original);
    const error = report.findings.find((f) => f.severity === 'error')!;
    expect(refuseAcknowledgement(error, REASON)).toMatch(/错误不能/);
    expect(() => acknowledge(grid, error, REASON)).toThrow(/错误不能/);
    expect(refuseAcknowledgement(warning, '  ')).toMatch(/请填写/);
    const forged: Acknowledgement = { ...acknowledge(grid, warning, REASON), ruleId: error.ruleId, sheet: error.sheet, cell: error.cell };
    const bytes = await withAcks(original, [forged]);
    const again = await check(bytes);
    expect(again.report.findings.find((f) => f.cell === error.cell && f.ruleId === error.ruleId)!.acknowledged).toBeUndefined();
  });
});
