/**
 * 已说明 in both panes' hosts, on their fakes: the explanation the pane writes lands in the
 * workbook's very hidden `_selfeval` sheet, the clerk's sheet stays active, a reopened pane
 * reads it back, the saved file (the fake's sheets written out as .xlsx) carries it to the file
 * door, and an edit of an input cell voids it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/engine';
import { readWorkbook } from '../../src/host/file/read';
import { ACK_SHEET, acknowledge } from '../../src/core/acknowledge';
import type { Finding } from '../../src/core/finding';
import { a1, isCellError, type WorkbookGrid } from '../../src/grid/grid';
import { HostError } from '../../src/host/types';
import type { HostEnv } from './adapter-contract';
import { ExcelEnv } from './excel-env';
import { WpsEnv } from './wps-env';
import type { CellSpec, SheetSpec } from './spec';

const REASON = '年中调整指标，已报备';

function specOf(grid: WorkbookGrid): SheetSpec[] {
  return grid.sheets.map((s) => {
    const cells: Record<string, CellSpec> = {};
    s.rows.forEach((r, i) =>
      r?.forEach((c, j) => {
        if (!c || (c.value === null && !c.formula)) return;
        const v = c.value;
        cells[a1(i, j)] = {
          ...(isCellError(v) ? { error: v.error } : { value: v }),
          ...(c.numFmt ? { numFmt: c.numFmt } : {}),
          ...(c.formula ? { formula: `=${c.formula}` } : {}),
        };
      }),
    );
    return { name: s.name, cells, merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`) };
  });
}

/** What saving does: every sheet of the document, with its visibility, into an .xlsx file. */
async function saveAsXlsx(grid: WorkbookGrid, hidden: (sheet: string) => boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of grid.sheets) {
    const ws = wb.addWorksheet(s.name, { state: hidden(s.name) ? 'veryHidden' : 'visible' });
    s.rows.forEach((r, i) =>
      r?.forEach((c, j) => {
        if (!c || c.value === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        if (c.numFmt) cell.numFmt = c.numFmt;
        const v = c.value;
        cell.value = isCellError(v) ? ({ error: v.error } as ExcelJS.CellErrorValue) : c.formula ? { formula: c.formula, result: v } : v;
      }),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function seedSpec(): Promise<SheetSpec[]> {
  const read = await readWorkbook({ bytes: new Uint8Array(readFileSync(path.join(__dirname, '../../samples/seed-004.xlsx'))), fileName: 'seed-004.xlsx' });
  if (!read.ok) throw new Error(read.message);
  return specOf(read.grid);
}

const envs: Array<[string, () => HostEnv & { veryHidden(sheet: string): boolean; protectStructure(): void }]> = [
  [
    'Excel',
    () =>
      Object.assign(new ExcelEnv(), {
        veryHidden(this: ExcelEnv, sheet: string) {
          return this.wb.sheets.find((s) => s.name === sheet)?.visibility === 'VeryHidden';
        },
        protectStructure(this: ExcelEnv) {
          this.wb.structureProtected = true;
        },
      }),
  ],
  [
    'WPS',
    () =>
      Object.assign(new WpsEnv(), {
        veryHidden(this: WpsEnv, sheet: string) {
          return this.doc.sheets.find((s) => s.name === sheet)?.visible === 2;
        },
        protectStructure(this: WpsEnv) {
          this.doc.structureProtected = true;
        },
      }),
  ],
];

describe.each(envs)('%s: 已说明 stored in the workbook', (_name, makeEnv) => {
  let spec: SheetSpec[];
  beforeAll(async () => {
    spec = await seedSpec();
  });

  async function checked(env: HostEnv) {
    const grid = await env.newHost().readWorkbook();
    return { grid, report: checkWorkbook(grid, { file: '当前工作簿' }) };
  }
  const same = (a: Finding) => (b: Finding) => a.ruleId === b.ruleId && a.sheet === b.sheet && a.cell === b.cell;

  test('survives a reopened pane and a save to .xlsx read by the file door; voided by an edit', async () => {
    const env = makeEnv();
    env.load(spec);
    try {
      const active = env.activeSheet();
      const { grid, report } = await checked(env);
      const warning = report.findings.find((f) => f.severity === 'warning' && f.inputs.length > 1)!;
      await env.newHost().writeAcknowledgements([acknowledge(grid, warning, REASON)]);
      expect(env.veryHidden(ACK_SHEET)).toBe(true);
      expect(env.activeSheet()).toBe(active);

      env.reloadPane();
      const reopened = await checked(env);
      expect(reopened.report.findings.find(same(warning))!.acknowledged?.reason).toBe(REASON);
      expect(reopened.report.findings.filter((f) => f.acknowledged)).toHaveLength(1);

      const saved = await saveAsXlsx(reopened.grid, (s) => env.veryHidden(s));
      const read = await readWorkbook({ bytes: saved, fileName: 'saved.xlsx' });
      if (!read.ok) throw new Error(read.message);
      const fromFile = checkWorkbook(read.grid, { file: 'saved.xlsx' });
      expect(fromFile.findings.find(same(warning))!.acknowledged?.reason).toBe(REASON);
      expect(fromFile.summary.acknowledged).toBe(1);

      const input = warning.inputs.find((r) => r !== `${warning.sheet}!${warning.cell}`)!;
      const at = input.lastIndexOf('!');
      const before = env.cell(input.slice(0, at), input.slice(at + 1)).value;
      env.type(input.slice(0, at), input.slice(at + 1), typeof before === 'number' ? before + 1 : '改动');
      const edited = await checked(env);
      expect(edited.report.findings.some((f) => f.acknowledged)).toBe(false);

      await env.newHost().writeAcknowledgements([]);
      expect(env.sheetNames()).not.toContain(ACK_SHEET);
    } finally {
      env.teardown();
    }
  });

  test('a protected workbook structure is said in Chinese, nothing is written', async () => {
    const env = makeEnv();
    env.load(spec);
    try {
      const { grid, report } = await checked(env);
      const warning = report.findings.find((f) => f.severity === 'warning')!;
      env.protectStructure();
      const err = await env
        .newHost()
        .writeAcknowledgements([acknowledge(grid, warning, REASON)])
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostError);
      expect((err as HostError).message).toMatch(/工作簿结构受保护/);
      expect(env.sheetNames()).not.toContain(ACK_SHEET);
    } finally {
      env.teardown();
    }
  });
});

// getItemOrNullObject needs ExcelApi 1.4 (the fake refuses it below); Office 2016 MSI has 1.1.
test('Excel, ExcelApi 1.1: 已说明 is written, replaced, read back and deleted without getItemOrNullObject', async () => {
  const env = new ExcelEnv();
  env.load(await seedSpec());
  env.wb.apiVersion = '1.1';
  try {
    const grid = await env.newHost().readWorkbook();
    const [first, second] = checkWorkbook(grid, { file: '当前工作簿' }).findings.filter((f) => f.severity === 'warning');
    await env.newHost().writeAcknowledgements([acknowledge(grid, first!, REASON)]);
    await env.newHost().writeAcknowledgements([acknowledge(grid, second!, '另一条说明')]);
    expect(env.sheetNames().filter((n) => n === ACK_SHEET)).toHaveLength(1);
    const reread = checkWorkbook(await env.newHost().readWorkbook(), { file: '当前工作簿' });
    expect(reread.findings.filter((f) => f.acknowledged).map((f) => [f.cell, f.acknowledged!.reason])).toEqual([[second!.cell, '另一条说明']]);
    await env.newHost().writeAcknowledgements([]);
    expect(env.sheetNames()).not.toContain(ACK_SHEET);
  } finally {
    env.teardown();
  }
});
