/** @jest-environment jsdom */
/**
 * The pane's actions are queued, never dropped: a clerk's 确认写入 (一键重算) or 标为已说明 given
 * while a re-check that followed an edit is still reading the workbook runs after it. And an
 * edit on a 指标评分表 sheet is followed like one on the 基础数据表 or 自评表. Through the pane's
 * hook (useChecker), on the real adapters over both hosts' fakes, with the real engine.
 */
import './jsdom-shims';
import { act, renderHook, waitFor } from '@testing-library/react';
import { checkWorkbook } from '../../src/engine';
import type { WorkbookGrid } from '../../src/grid/grid';
import type { SpreadsheetHost } from '../../src/host/types';
import { useChecker } from '../../src/taskpane/useChecker';
import type { ExcelEnv } from '../host/excel-env';
import type { WpsEnv } from '../host/wps-env';
import { FIXTURES, buildWorkbook } from '../fixtures/fixtures';
import { workbookBytes } from '../fixtures/build-fixtures';
import { readWorkbook } from '../../src/host/file/read';
import { HOSTS, openPane, type HostName, type PaneEnv } from './pane-env';
import { seedGrid } from './workbooks';

const DEBOUNCE = 20;

let seed: WorkbookGrid;
let scoreTableOnly: WorkbookGrid;
let pane: PaneEnv | null = null;

beforeAll(async () => {
  seed = await seedGrid();
  const fixture = FIXTURES.find((f) => f.name === 'scoretable-t1');
  if (!fixture) throw new Error('the corpus has no "scoretable-t1" fixture');
  const read = await readWorkbook({ bytes: await workbookBytes(buildWorkbook(fixture.spec)), fileName: 'scoretable-t1.xlsx' });
  if (!read.ok) throw new Error(read.message);
  scoreTableOnly = read.grid;
});

afterEach(() => {
  pane?.env.teardown();
  pane = null;
  localStorage.clear();
});

/** The clerk types into a cell and presses Enter: the host reports the change. */
function userEdit(p: PaneEnv, name: HostName, sheet: string, cell: string, value: number | string): void {
  if (name === 'Excel') (p.env as ExcelEnv).wb.userEdit(sheet, cell, value);
  else (p.env as WpsEnv).doc.userEdit(sheet, cell, value);
}

/** The adapter with its reads counted, and a gate that holds the next read until opened. */
function gated(host: SpreadsheetHost) {
  let reads = 0;
  let gate: { opened: Promise<void>; open: () => void; waiting: boolean } | null = null;
  const wrapped: SpreadsheetHost = {
    kind: host.kind,
    readWorkbook: async () => {
      reads++;
      const g = gate;
      if (g) {
        gate = null;
        g.waiting = true;
        await g.opened;
      }
      return host.readWorkbook();
    },
    paintFindings: (f) => host.paintFindings(f),
    clearMarks: () => host.clearMarks(),
    hasMarks: () => host.hasMarks(),
    selectCell: (s, c) => host.selectCell(s, c),
    outlineCells: (c) => host.outlineCells(c),
    applyRecalc: (c) => host.applyRecalc(c),
    undoRecalc: () => host.undoRecalc(),
    canUndoRecalc: () => host.canUndoRecalc(),
    writeAcknowledgements: (l) => host.writeAcknowledgements(l),
    watchChanges: (s, f) => host.watchChanges(s, f),
  };
  return {
    host: wrapped,
    reads: () => reads,
    /** Holds the next readWorkbook; resolves the returned gate's `waiting` once it is held. */
    holdNextRead() {
      let open!: () => void;
      const opened = new Promise<void>((r) => (open = r));
      const g = { opened, open, waiting: false };
      gate = g;
      return g;
    },
  };
}

function openHook(host: SpreadsheetHost) {
  return renderHook(() => useChecker(host, { check: checkWorkbook, fileName: '自评表.xlsx', followDebounceMs: DEBOUNCE }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(HOSTS)('the %s pane queues what the clerk asks while a follow-up re-check runs', (hostName) => {
  it('一键重算 confirmed during a follow-up re-check is written after it', async () => {
    pane = openPane(hostName, seed);
    const g = gated(pane.host);
    const { result } = openHook(g.host);
    await act(() => result.current[1].check());
    await act(() => result.current[1].openRecalc());
    const changes = result.current[0].preview!.changes;
    expect(changes.length).toBeGreaterThan(0);
    // Let the watch register, then the clerk types somewhere in 附件3 (outside the tables).
    await act(() => sleep(50));
    const held = g.holdNextRead();
    userEdit(pane, hostName, '附件3', 'Z99', '备注');
    await waitFor(() => expect(held.waiting).toBe(true));
    // The follow-up re-check is reading; the clerk confirms the preview.
    let confirmed!: Promise<void>;
    act(() => {
      confirmed = result.current[1].confirmRecalc();
    });
    held.open();
    await act(() => confirmed);
    await waitFor(() => expect(result.current[0].busy).toBeNull());
    const first = changes[0]!;
    expect(Number(pane.env.cell(first.sheet, first.cell).value)).toBeCloseTo(Number(first.value) / (first.percent ? 100 : 1), 9);
    expect(result.current[0].recalcApplied).toBe(true);
    expect(result.current[0].canUndo).toBe(true);
  });

  it('已说明 given during a follow-up re-check is stored after it', async () => {
    pane = openPane(hostName, seed);
    const g = gated(pane.host);
    const { result } = openHook(g.host);
    await act(() => result.current[1].check());
    const report = result.current[0].report!;
    const warning = report.findings.find((f) => f.severity === 'warning' && f.sheet === '附件3' && f.cell === 'H14')!;
    expect(warning).toBeDefined();
    await act(() => sleep(50));
    const held = g.holdNextRead();
    userEdit(pane, hostName, '附件3', 'Z99', '备注');
    await waitFor(() => expect(held.waiting).toBe(true));
    let explained!: Promise<void>;
    act(() => {
      explained = result.current[1].acknowledge(warning, '指标年中调整，已报备');
    });
    held.open();
    await act(() => explained);
    await waitFor(() => expect(result.current[0].busy).toBeNull());
    const after = result.current[0].report!.findings.find((f) => f.ruleId === warning.ruleId && f.sheet === '附件3' && f.cell === 'H14');
    expect(after?.acknowledged?.reason).toBe('指标年中调整，已报备');
  });
});

describe.each(HOSTS)('the %s pane follows edits on every table it checked', (hostName) => {
  it('an edit on a 指标评分表 sheet (the workbook has no other table) is re-checked', async () => {
    pane = openPane(hostName, scoreTableOnly);
    const g = gated(pane.host);
    const { result } = openHook(g.host);
    await act(() => result.current[1].check());
    const report = result.current[0].report!;
    expect(report.status).toBe('checked');
    const sheet = report.status === 'checked' ? report.sheets.scoreTable! : '';
    expect(sheet).toBeTruthy();
    await act(() => sleep(50));
    const before = g.reads();
    userEdit(pane, hostName, sheet, 'Z99', '备注');
    await waitFor(() => expect(g.reads()).toBe(before + 1), { timeout: 3000 });
    await waitFor(() => expect(result.current[0].refreshedAt).not.toBeNull());
  });
});
