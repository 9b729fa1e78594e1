/**
 * The pane's session as a plain object (src/session), without rendering: on the real adapters
 * over both hosts' fakes, with the real engine on seed 004 and a 指标评分表-only workbook. Check,
 * follow edits, 一键重算 (preview, tick, write, undo), 已说明, clear marks; and the queue: what
 * the clerk asks while something else runs is done after it, in order, never dropped.
 */
import { checkWorkbook } from '../../src/engine';
import type { WorkbookGrid } from '../../src/grid/grid';
import type { SpreadsheetHost } from '../../src/host/types';
import { CheckerSession, watchedSheets, type CheckerState, type SessionText } from '../../src/session/session';
import { T } from '../../src/taskpane/strings';
import { readWorkbook } from '../../src/host/file/read';
import { FIXTURES, buildWorkbook } from '../fixtures/fixtures';
import { workbookBytes } from '../fixtures/build-fixtures';
import type { ExcelEnv } from '../host/excel-env';
import type { WpsEnv } from '../host/wps-env';
import { HOSTS, openPane, type HostName, type PaneEnv } from '../taskpane/pane-env';
import { seedGrid } from '../taskpane/workbooks';

const DEBOUNCE = 20;
const TEXT: SessionText = T;

let seed: WorkbookGrid;
let scoreTableOnly: WorkbookGrid;
let pane: PaneEnv | null = null;
let session: CheckerSession | null = null;

beforeAll(async () => {
  seed = await seedGrid();
  const fixture = FIXTURES.find((f) => f.name === 'scoretable-t1');
  if (!fixture) throw new Error('the corpus has no "scoretable-t1" fixture');
  const read = await readWorkbook({ bytes: await workbookBytes(buildWorkbook(fixture.spec)), fileName: 'scoretable-t1.xlsx' });
  if (!read.ok) throw new Error(read.message);
  scoreTableOnly = read.grid;
});

afterEach(async () => {
  session?.detach();
  await session?.idle();
  session = null;
  pane?.env.teardown();
  pane = null;
});

function userEdit(p: PaneEnv, name: HostName, sheet: string, cell: string, value: number | string): void {
  if (name === 'Excel') (p.env as ExcelEnv).wb.userEdit(sheet, cell, value);
  else (p.env as WpsEnv).doc.userEdit(sheet, cell, value);
}

/** The adapter with its reads counted and logged, and a gate that holds the next read. */
function gated(host: SpreadsheetHost, log: string[] = []) {
  let reads = 0;
  let gate: { opened: Promise<void>; open: () => void; waiting: boolean } | null = null;
  const wrapped: SpreadsheetHost = {
    kind: host.kind,
    readWorkbook: async () => {
      reads++;
      log.push('read');
      const g = gate;
      if (g) {
        gate = null;
        g.waiting = true;
        await g.opened;
      }
      return host.readWorkbook();
    },
    paintFindings: (f) => (log.push('paint'), host.paintFindings(f)),
    clearMarks: () => (log.push('clear'), host.clearMarks()),
    hasMarks: () => host.hasMarks(),
    selectCell: (s, c) => (log.push(`select ${s}!${c}`), host.selectCell(s, c)),
    outlineCells: (c) => host.outlineCells(c),
    applyRecalc: (c) => (log.push('write'), host.applyRecalc(c)),
    undoRecalc: () => (log.push('undo'), host.undoRecalc()),
    canUndoRecalc: () => host.canUndoRecalc(),
    writeAcknowledgements: (l) => (log.push('ack'), host.writeAcknowledgements(l)),
    watchChanges: (s, f) => (log.push(`watch ${s.join(',')}`), host.watchChanges(s, f)),
  };
  return {
    host: wrapped,
    reads: () => reads,
    holdNextRead() {
      let open!: () => void;
      const opened = new Promise<void>((r) => (open = r));
      const g = { opened, open, waiting: false };
      gate = g;
      return g;
    },
  };
}

function start(host: SpreadsheetHost): CheckerSession {
  session = new CheckerSession(host, { check: checkWorkbook, fileName: '自评表.xlsx', followDebounceMs: DEBOUNCE }, TEXT);
  session.attach();
  return session;
}

/** Resolves once `pred` holds of the session's state (checked after every change). */
function until(s: CheckerSession, pred: (st: CheckerState) => boolean, timeout = 5000): Promise<CheckerState> {
  return new Promise((resolve, reject) => {
    if (pred(s.getState())) return resolve(s.getState());
    const timer = setTimeout(() => (off(), reject(new Error(`until: not reached; state ${JSON.stringify({ ...s.getState(), report: undefined })}`))), timeout);
    const off = s.subscribe(() => {
      if (!pred(s.getState())) return;
      clearTimeout(timer);
      off();
      resolve(s.getState());
    });
  });
}

function waitUntil(cond: () => boolean, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  return new Promise((resolve, reject) => {
    const poll = () => (cond() ? resolve() : Date.now() > end ? reject(new Error('waitUntil: not reached')) : setTimeout(poll, 5));
    poll();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(HOSTS)('a session on %s', (hostName) => {
  it('checks, paints, follows an edit once, and clears its marks', async () => {
    pane = openPane(hostName, seed);
    const g = gated(pane.host);
    const s = start(g.host);
    await s.check();
    const st = s.getState();
    expect(st.busy).toBeNull();
    expect(st.report?.status).toBe('checked');
    expect(st.report!.findings.some((f) => f.ruleId === 'selfeval.execution-score' && f.cell === 'H5')).toBe(true);
    expect(st.hasMarks).toBe(true);
    expect(pane.env.fill('附件3', 'H5')).toMatchObject({ color: '#FFC7CE' });

    await sleep(50);
    const before = g.reads();
    for (const v of [9, 9.8, 9.9]) userEdit(pane, hostName, '附件3', 'H5', v);
    await until(s, (x) => x.refreshedAt !== null);
    await s.idle();
    expect(g.reads() - before).toBe(1);
    expect(s.getState().report!.findings.some((f) => f.ruleId === 'selfeval.execution-score')).toBe(false);

    await s.clearMarks();
    expect(s.getState()).toMatchObject({ hasMarks: false, notice: T.cleared, busy: null });
    expect(pane.env.fill('附件3', 'H14')).not.toMatchObject({ color: '#FFEB9C' });
  });

  it('一键重算: previews, writes only the ticked cells after 确认写入, and 撤销重算 puts them back', async () => {
    pane = openPane(hostName, seed);
    const s = start(pane.host);
    await s.check();
    const entered = pane.env.cell('附件3', 'H5').value;
    await s.openRecalc();
    const preview = s.getState().preview!;
    expect(preview.rows.find((r) => r.key === '附件3!H5')).toMatchObject({ ticked: true, display: '9.90' });
    expect(pane.env.cell('附件3', 'H5').value).toBe(entered);
    s.tickRecalc('附件3!H5', false);
    expect(s.getState().preview!.changes.some((c) => c.cell === 'H5' && c.sheet === '附件3')).toBe(false);
    s.tickRecalc('附件3!H5', true);
    await s.confirmRecalc();
    expect(s.getState()).toMatchObject({ preview: null, recalcApplied: true, canUndo: true, busy: null });
    expect(pane.env.cell('附件3', 'H5').value).toBe(9.9);
    await s.undoRecalc();
    expect(s.getState().notice).toBe(T.undoDone);
    expect(pane.env.cell('附件3', 'H5').value).toBe(entered);
  });

  it('已说明 stores the reason in the workbook and withdraws it; an error is refused', async () => {
    pane = openPane(hostName, seed);
    const s = start(pane.host);
    await s.check();
    const warning = s.getState().report!.findings.find((f) => f.sheet === '附件3' && f.cell === 'H14' && f.severity === 'warning')!;
    await s.acknowledge(warning, '指标年中调整，已报备');
    expect(s.getState().notice).toBe(T.ackDone);
    const explained = s.getState().report!.findings.find((f) => f.sheet === '附件3' && f.cell === 'H14')!;
    expect(explained.acknowledged?.reason).toBe('指标年中调整，已报备');
    await s.unacknowledge(explained);
    expect(s.getState().notice).toBe(T.ackWithdrawn);
    expect(s.getState().report!.findings.find((f) => f.sheet === '附件3' && f.cell === 'H14')!.acknowledged).toBeUndefined();
    const error = s.getState().report!.findings.find((f) => f.severity === 'error')!;
    await s.acknowledge(error, '理由');
    expect(s.getState().error).toBeTruthy();
  });

  it('orders what is asked while a check runs instead of dropping it: 核对 then 清除标记 both happen, in order', async () => {
    pane = openPane(hostName, seed);
    const log: string[] = [];
    const g = gated(pane.host, log);
    const s = start(g.host);
    await s.idle();
    const held = g.holdNextRead();
    const checked = s.check();
    await waitUntil(() => held.waiting);
    expect(s.getState().busy).toBe('reading');
    const cleared = s.clearMarks();
    held.open();
    await Promise.all([checked, cleared]);
    expect(log.filter((x) => x === 'read' || x === 'paint' || x === 'clear')).toEqual(['read', 'paint', 'clear']);
    expect(s.getState()).toMatchObject({ hasMarks: false, notice: T.cleared, busy: null });
  });

  it('一键重算 confirmed while a follow-up re-check reads is written after it', async () => {
    pane = openPane(hostName, seed);
    const log: string[] = [];
    const g = gated(pane.host, log);
    const s = start(g.host);
    await s.check();
    await s.openRecalc();
    await sleep(50);
    const held = g.holdNextRead();
    userEdit(pane, hostName, '附件3', 'Z99', '备注');
    await waitUntil(() => held.waiting);
    const n = s.getState().preview!.changes.length;
    const confirmed = s.confirmRecalc();
    // The clerk sees it is under way: the preview closes, the spinner says 正在写入….
    expect(s.getState()).toMatchObject({ preview: null, busy: 'writing' });
    held.open();
    await confirmed;
    expect(log.slice(log.lastIndexOf('write') - 2)).toEqual(['read', 'paint', 'write', 'read', 'paint']);
    expect(pane.env.cell('附件3', 'H5').value).toBe(9.9);
    expect(s.getState()).toMatchObject({ recalcApplied: true, canUndo: true, notice: T.recalcDone(n) });
  });

  it('已说明 given while a follow-up re-check reads is stored after it', async () => {
    pane = openPane(hostName, seed);
    const log: string[] = [];
    const g = gated(pane.host, log);
    const s = start(g.host);
    await s.check();
    const warning = s.getState().report!.findings.find((f) => f.sheet === '附件3' && f.cell === 'H14' && f.severity === 'warning')!;
    await sleep(50);
    const held = g.holdNextRead();
    userEdit(pane, hostName, '附件3', 'Z99', '备注');
    await waitUntil(() => held.waiting);
    const explained = s.acknowledge(warning, '指标年中调整，已报备');
    expect(s.getState().busy).toBe('explaining');
    held.open();
    await explained;
    expect(log).toContain('ack');
    expect(s.getState().report!.findings.find((f) => f.sheet === '附件3' && f.cell === 'H14')!.acknowledged?.reason).toBe('指标年中调整，已报备');
  });

  it('watches the 指标评分表 sheet: an edit there is re-checked', async () => {
    pane = openPane(hostName, scoreTableOnly);
    const log: string[] = [];
    const g = gated(pane.host, log);
    const s = start(g.host);
    await s.check();
    const report = s.getState().report!;
    const sheet = report.status === 'checked' ? report.sheets.scoreTable : undefined;
    expect(sheet).toBeTruthy();
    expect(watchedSheets(report)).toEqual([sheet]);
    await waitUntil(() => log.includes(`watch ${sheet}`));
    const before = g.reads();
    userEdit(pane, hostName, sheet!, 'Z99', '备注');
    await until(s, (x) => x.refreshedAt !== null);
    expect(g.reads()).toBe(before + 1);
  });

  it('switched off, an edit re-checks nothing; a detached session watches nothing', async () => {
    pane = openPane(hostName, seed);
    const g = gated(pane.host);
    const s = start(g.host);
    await s.check();
    s.setFollowing(false);
    await sleep(50);
    const before = g.reads();
    userEdit(pane, hostName, '附件3', 'H5', 9.9);
    await sleep(DEBOUNCE * 5);
    await s.idle();
    expect(g.reads()).toBe(before);
    s.setFollowing(true);
    s.detach();
    await sleep(50);
    userEdit(pane, hostName, '附件3', 'H5', 9.8);
    await sleep(DEBOUNCE * 5);
    await s.idle();
    expect(g.reads()).toBe(before);
  });
});
