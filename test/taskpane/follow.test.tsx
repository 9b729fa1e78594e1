/** @jest-environment jsdom */
/**
 * Findings that follow typing, on the real adapters over their fakes: after a burst of edits
 * in a checked sheet the pane re-checks once, a debounce after the last edit (one read, not one
 * per edit); the fixed finding and its mark disappear. Switched off (remembered), edits
 * trigger nothing. WPS without ApiEvent polls instead.
 */
import './jsdom-shims';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { SpreadsheetHost } from '../../src/host/types';
import { FOLLOW_DEBOUNCE_MS } from '../../src/taskpane/useChecker';
import { POLL_MS } from '../../src/host/wps/watch';
import type { PaneEnv } from './pane-env';
import { clickCheck, renderPane, seedPanes } from './seed-pane';
import type { ExcelEnv } from '../host/excel-env';
import type { WpsEnv } from '../host/wps-env';

const panes = seedPanes();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The adapter, counting its reads (every check is exactly one readWorkbook). */
function counting(host: SpreadsheetHost): { host: SpreadsheetHost; reads: () => number } {
  let n = 0;
  const wrapped: SpreadsheetHost = {
    kind: host.kind,
    readWorkbook: () => {
      n++;
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
  return { host: wrapped, reads: () => n };
}

type Edit = (sheet: string, cell: string, v: number) => void;

const cases: Array<[string, 'Excel' | 'WPS', (p: PaneEnv) => Edit, number]> = [
  ['Excel (Worksheet.onChanged)', 'Excel', (p) => (s, c, v) => (p.env as ExcelEnv).wb.userEdit(s, c, v), 0],
  ['WPS (ApiEvent SheetChange)', 'WPS', (p) => (s, c, v) => (p.env as WpsEnv).doc.userEdit(s, c, v), 0],
  [
    'WPS without ApiEvent (polling)',
    'WPS',
    (p) => {
      (p.env as WpsEnv).doc.apiEvents = false;
      return (s, c, v) => (p.env as WpsEnv).doc.userEdit(s, c, v);
    },
    POLL_MS,
  ],
];

describe.each(cases)('follows typing on %s', (_label, hostName, editor, extraWait) => {
  async function start(): Promise<{ edit: Edit; reads: () => number }> {
    const pane = panes.open(hostName);
    const edit = editor(pane);
    const c = counting(pane.host);
    renderPane(c.host);
    await clickCheck();
    expect(document.querySelector('[data-rule-id="selfeval.execution-score"]')).not.toBeNull();
    // Let the watch register (and the poller take its first look).
    await sleep(50);
    return { edit, reads: c.reads };
  }

  it('a burst of edits → exactly one re-check after the debounce; the fixed finding and its mark go', async () => {
    const { edit, reads } = await start();
    const before = reads();
    expect(panes.current().env.fill('附件3', 'H5')).toMatchObject({ color: '#FFC7CE' });
    for (const v of [9, 9.8, 9.85, 9.9]) {
      edit('附件3', 'H5', v);
      await sleep(100);
    }
    // Still typing-time: nothing read yet (events come in, the debounce waits).
    if (!extraWait) expect(reads()).toBe(before);
    await waitFor(() => expect(document.querySelector('[data-rule-id="selfeval.execution-score"]')).toBeNull(), {
      timeout: FOLLOW_DEBOUNCE_MS + extraWait * 2 + 3000,
    });
    await sleep(FOLLOW_DEBOUNCE_MS + 200);
    expect(reads() - before).toBe(1);
    expect(panes.current().env.fill('附件3', 'H5')).not.toMatchObject({ color: '#FFC7CE' });
  }, 20_000);

  it('switched off, an edit re-checks nothing; the choice is remembered', async () => {
    const { edit, reads } = await start();
    fireEvent.click(screen.getByRole('switch'));
    expect(localStorage.getItem('selfeval-check.follow')).toBe('off');
    const before = reads();
    edit('附件3', 'H5', 9.9);
    await sleep(FOLLOW_DEBOUNCE_MS + extraWait + 500);
    expect(reads()).toBe(before);
    expect(document.querySelector('[data-rule-id="selfeval.execution-score"]')).not.toBeNull();
  }, 20_000);
});

test('Excel below ExcelApi 1.7 cannot follow: the switch says so, 核对 still works', async () => {
  const pane = panes.open('Excel');
  (pane.env as ExcelEnv).wb.apiVersion = '1.6';
  renderPane(pane.host);
  await clickCheck();
  await waitFor(() => expect((screen.getByRole('switch') as HTMLInputElement).disabled).toBe(true));
  expect(screen.getByText(/ExcelApi 1\.7/)).toBeTruthy();
});
