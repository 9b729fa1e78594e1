/**
 * The task pane's state and actions, over any SpreadsheetHost. Components stay presentational;
 * everything that talks to the host or the engine lives here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding } from '../core/finding';
import type { Profile } from '../core/profile';
import type { Report } from '../core/report';
import type { WorkbookGrid } from '../grid/grid';
import { isHostError, type RecalcChange, type SpreadsheetHost, type Unwatch } from '../host/types';
import { planRecalc } from '../core/recalc-plan';
import { recalcLabels } from '../core/recalc-labels';
import { locateWorkbook } from '../template/locate';
import { blockedReason, openingSkip, openingTicks, planWithinCaps, scoreCaps, type Cap, type OpeningTick } from './recalc-choice';
import { cellKey } from '../grid/grid';
import { parseCellRef, type CellRef } from '../host/marks';
import { T } from './strings';
import { acknowledge, ackKey, applyAcknowledgements, refuseAcknowledgement, withAcknowledgement, withoutAcknowledgement } from '../core/acknowledge';

/** checkWorkbook, or a test's; `profile`: a bureau's profile file loaded in the pane. */
export type CheckFn = (grid: WorkbookGrid, opts: { file: string; profile?: Profile }) => Report;

export type Busy = 'reading' | 'checking' | 'painting' | 'clearing' | 'planning' | 'writing' | 'undoing' | 'explaining';

export interface CheckerState {
  readonly busy: Busy | null;
  readonly report: Report | null;
  /** Sheet names in workbook order, for grouping findings. */
  readonly sheetOrder: readonly string[];
  /** Sheets whose findings are listed but not painted (protected). */
  readonly protectedSheets: readonly string[];
  /** Host notes from painting (protected or missing sheets), ready to show. */
  readonly paintMessages: readonly string[];
  /** The last failure, a Chinese sentence; null when the last action succeeded. */
  readonly error: string | null;
  /** The last success note (recalc written, marks cleared). */
  readonly notice: string | null;
  readonly hasMarks: boolean;
  readonly canUndo: boolean;
  /** Whether 一键重算 has written in this session (shows the undo note). */
  readonly recalcApplied: boolean;
  /** The recalc preview; the dialog is open while this is not null. */
  readonly preview: RecalcPreview | null;
  /** `Sheet!A1` of the finding last selected. */
  readonly selected: string | null;
  /** What this host version cannot do (SpreadsheetHost.limitations), shown once. */
  readonly limitations: readonly string[];
  /** Whether an edit in a checked sheet re-checks by itself (after FOLLOW_DEBOUNCE_MS). */
  readonly following: boolean;
  /** This host cannot report changes (Excel below ExcelApi 1.7): only 核对 re-checks. */
  readonly followUnavailable: boolean;
  /** When a re-check that followed an edit last finished (ms since epoch). */
  readonly refreshedAt: number | null;
}

/** One line of the 一键重算 preview: a cell of the first (all ticked) plan, or one a smaller plan added. */
export interface PreviewRow {
  /** `Sheet!A1`. */
  readonly key: string;
  readonly sheet: string;
  readonly cell: string;
  /** The indicator's name or the row label (core/recalc-labels). */
  readonly label: string;
  readonly entered: string | null;
  readonly percent: boolean;
  readonly ticked: boolean;
  /** Why this line can never be ticked (over its 分值 or the form's points); null when it may be. */
  readonly blocked: string | null;
  /** Why it started unticked (警告, 已说明), shown under it; null for a line that started ticked. */
  readonly note: string | null;
  /** The value the plan over the ticked cells writes here; null when this cell needs no change any more. */
  readonly display: string | null;
}

export interface RecalcPreview {
  readonly rows: readonly PreviewRow[];
  /** What 确认写入 writes: the plan over the ticked cells only. */
  readonly changes: readonly RecalcChange[];
}

export interface CheckerActions {
  /** Turns 输入后自动核对 on or off (remembered by this browser/web view). */
  setFollowing(on: boolean): void;
  check(): Promise<void>;
  clearMarks(): Promise<void>;
  openRecalc(): Promise<void>;
  cancelRecalc(): void;
  /** Ticks or unticks preview lines (全部勾选: every line that may be ticked); the plan is made again over the ticked cells. */
  tickRecalc(keys: string | readonly string[], ticked: boolean): void;
  confirmRecalc(): Promise<void>;
  undoRecalc(): Promise<void>;
  select(f: Finding): Promise<void>;
  /** 已说明: stores the clerk's reason in the workbook, then re-checks. Errors are refused. */
  acknowledge(f: Finding, reason: string): Promise<void>;
  /** Withdraws the explanation of `f`, then re-checks. */
  unacknowledge(f: Finding): Promise<void>;
}

export interface CheckerOptions {
  /** The engine; injected so the pane's bundle decides how it loads it. */
  readonly check: CheckFn;
  /** The workbook's name for the report; defaults to 当前工作簿. */
  readonly fileName?: string;
  /** Quiet time after the last change before the re-check; default FOLLOW_DEBOUNCE_MS. */
  readonly followDebounceMs?: number;
}

/** A burst of edits (typing down a column, a paste) gives one re-check this long after the last. */
export const FOLLOW_DEBOUNCE_MS = 800;

const FOLLOW_KEY = 'selfeval-check.follow';

function loadFollowing(): boolean {
  try {
    return globalThis.localStorage?.getItem(FOLLOW_KEY) !== 'off';
  } catch {
    return true;
  }
}

function saveFollowing(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(FOLLOW_KEY, on ? 'on' : 'off');
  } catch {
    // a web view without storage: the switch holds for this session only
  }
}

const INITIAL: CheckerState = {
  busy: null,
  report: null,
  sheetOrder: [],
  protectedSheets: [],
  paintMessages: [],
  error: null,
  notice: null,
  hasMarks: false,
  canUndo: false,
  recalcApplied: false,
  preview: null,
  selected: null,
  limitations: [],
  following: true,
  followUnavailable: false,
  refreshedAt: null,
};

/** The preview's lines: the first plan's cells in order, then any the ticked plan adds. */
function previewOf(
  first: readonly RecalcChange[],
  current: readonly RecalcChange[],
  skip: ReadonlySet<string>,
  labels: ReadonlyMap<string, string>,
  opening: ReadonlyMap<string, OpeningTick>,
  caps: ReadonlyMap<string, Cap>,
): RecalcPreview {
  const now = new Map(current.map((c) => [cellKey(c.sheet, c.cell), c]));
  const firstKeys = new Set(first.map((c) => cellKey(c.sheet, c.cell)));
  const rows = [...first, ...current.filter((c) => !firstKeys.has(cellKey(c.sheet, c.cell)))].map((c): PreviewRow => {
    const key = cellKey(c.sheet, c.cell);
    return {
      key,
      sheet: c.sheet,
      cell: c.cell,
      label: labels.get(key) ?? key,
      entered: c.entered,
      percent: c.percent,
      ticked: !skip.has(key),
      blocked: opening.get(key)?.blocked ?? blockedReason(c, caps),
      note: opening.get(key)?.note ?? null,
      display: now.get(key)?.display ?? null,
    };
  });
  return { rows, changes: current };
}

export function describeError(e: unknown): string {
  if (isHostError(e)) return e.message;
  if (e instanceof Error && e.message) return `${T.hostErrorTitle}：${e.message}`;
  return `${T.hostErrorTitle}：${String(e)}`;
}

/** Lets React paint the busy state before a synchronous step (the engine) runs. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useChecker(host: SpreadsheetHost, opts: CheckerOptions): [CheckerState, CheckerActions] {
  const [state, setState] = useState<CheckerState>(() => ({ ...INITIAL, following: loadFollowing() }));
  const stateRef = useRef(state);
  stateRef.current = state;
  const running = useRef(false);
  /** The Grid the current report was made from: 一键重算 plans on it. */
  const gridRef = useRef<WorkbookGrid | null>(null);
  /** The preview's first plan (everything ticked) and the labels of its cells. */
  const firstPlanRef = useRef<readonly RecalcChange[]>([]);
  const labelsRef = useRef(new Map<string, string>());
  /** How each line of the first plan opened (recalc-choice), and the caps of the score cells. */
  const openingRef = useRef<ReadonlyMap<string, OpeningTick>>(new Map());
  const capsRef = useRef<ReadonlyMap<string, Cap>>(new Map());
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const patch = useCallback((p: Partial<CheckerState>) => setState((s) => ({ ...s, ...p })), []);

  /** Runs one action at a time; a second click while busy is ignored. */
  const exclusive = useCallback(
    async (busy: Busy, body: () => Promise<Partial<CheckerState> | void>): Promise<void> => {
      if (running.current) return;
      running.current = true;
      patch({ busy, error: null, notice: null });
      try {
        const result = await body();
        patch({ ...(result ?? {}), busy: null });
      } catch (e) {
        patch({ busy: null, error: describeError(e) });
      } finally {
        running.current = false;
      }
    },
    [patch],
  );

  /** Reads, checks and paints; returns the new state fields (shared by check, recalc, undo). */
  const runCheck = useCallback(async (quiet = false): Promise<Partial<CheckerState>> => {
    // A re-check that follows typing is quiet: no spinner, the list stays until the new one is in.
    if (!quiet) patch({ busy: 'reading' });
    const grid = await host.readWorkbook();
    if (!quiet) patch({ busy: 'checking' });
    await nextFrame();
    const report = optsRef.current.check(grid, { file: optsRef.current.fileName ?? '当前工作簿' });
    gridRef.current = grid;
    if (!quiet) patch({ busy: 'painting', report, sheetOrder: grid.sheets.map((s) => s.name), selected: null });
    const findings = report.status === 'checked' ? report.findings : [];
    // An explained finding (已说明) is dealt with: its cell carries no mark.
    const paint = await host.paintFindings(findings.filter((f) => !f.acknowledged));
    const withFindings = new Set(findings.map((f) => f.sheet));
    const gridProtected = grid.sheets.filter((s) => s.isProtected && withFindings.has(s.name)).map((s) => s.name);
    const protectedSheets = [...new Set([...paint.protectedSheets, ...gridProtected])];
    return {
      report,
      sheetOrder: grid.sheets.map((s) => s.name),
      protectedSheets,
      paintMessages: paint.messages,
      hasMarks: await host.hasMarks(),
      canUndo: await host.canUndoRecalc(),
    };
  }, [host, patch]);

  // A reloaded pane may find marks and a recalc snapshot from before: enable 清除标记 / 撤销重算.
  useEffect(() => {
    let live = true;
    Promise.all([host.hasMarks(), host.canUndoRecalc(), host.limitations ? host.limitations() : Promise.resolve([])])
      .then(([hasMarks, canUndo, limitations]) => {
        if (live) patch({ hasMarks, canUndo, limitations });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host, patch]);

  const check = useCallback(() => exclusive('reading', () => runCheck()), [exclusive, runCheck]);

  // ---- findings that follow typing -------------------------------------------------------

  const followTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const debounceMs = opts.followDebounceMs ?? FOLLOW_DEBOUNCE_MS;

  /** One quiet re-check after a burst of changes; waits while another action runs. */
  const followUp = useCallback(() => {
    if (followTimer.current) clearTimeout(followTimer.current);
    followTimer.current = setTimeout(() => {
      followTimer.current = null;
      if (running.current) {
        followUp();
        return;
      }
      running.current = true;
      runCheck(true)
        .then((result) => patch({ ...result, refreshedAt: Date.now() }))
        .catch((e: unknown) => {
          // Excel still in cell-edit mode (no delayForCellEdit before ExcelApi 1.11): try again later.
          if (isHostError(e) && e.code === 'cell-edit-mode') followUp();
          else patch({ error: describeError(e) });
        })
        .finally(() => {
          running.current = false;
        });
    }, debounceMs);
  }, [debounceMs, patch, runCheck]);

  const watchedSheets = state.report?.status === 'checked' ? [state.report.sheets.basic, state.report.sheets.selfEval].filter((x): x is string => !!x) : [];
  const watchKey = state.following ? watchedSheets.join('\u0000') : '';
  useEffect(() => {
    if (!watchKey) return;
    let unwatch: Unwatch | null = null;
    let live = true;
    host
      .watchChanges(watchKey.split('\u0000'), followUp)
      .then((u) => {
        if (live) unwatch = u;
        else void u?.();
        if (live && u === null) patch({ followUnavailable: true });
      })
      .catch(() => (live ? patch({ followUnavailable: true }) : undefined));
    return () => {
      live = false;
      if (followTimer.current) clearTimeout(followTimer.current);
      followTimer.current = null;
      void unwatch?.().catch(() => undefined);
    };
  }, [host, watchKey, followUp, patch]);

  const setFollowing = useCallback(
    (on: boolean) => {
      saveFollowing(on);
      patch({ following: on });
    },
    [patch],
  );

  const clearMarks = useCallback(
    () =>
      exclusive('clearing', async () => {
        await host.clearMarks();
        return { hasMarks: await host.hasMarks(), notice: T.cleared, protectedSheets: [], paintMessages: [] };
      }),
    [exclusive, host],
  );

  const openRecalc = useCallback(() => {
    const { report, protectedSheets } = stateRef.current;
    const grid = gridRef.current;
    if (!report || !grid || report.status !== 'checked') return Promise.resolve();
    return exclusive('planning', async () => {
      // The plan re-runs the engine until the sums settle: let the spinner paint first.
      await nextFrame();
      const blocked = new Set(protectedSheets);
      const file = optsRef.current.fileName ?? '当前工作簿';
      const planOver = (skip: ReadonlySet<string>) => planRecalc(grid, report, (g) => optsRef.current.check(g, { file }), skip).filter((c) => !blocked.has(c.sheet));
      const plan = planOver(new Set());
      labelsRef.current = recalcLabels(grid, plan);
      firstPlanRef.current = plan;
      capsRef.current = scoreCaps(locateWorkbook(grid));
      openingRef.current = openingTicks(plan, report.findings, capsRef.current);
      const skip = openingSkip(openingRef.current);
      const current = planWithinCaps(planOver, skip, capsRef.current);
      return { preview: previewOf(plan, current, skip, labelsRef.current, openingRef.current, capsRef.current) };
    });
  }, [exclusive]);

  const cancelRecalc = useCallback(() => patch({ preview: null }), [patch]);

  const tickRecalc = useCallback(
    (keys: string | readonly string[], ticked: boolean) => {
      const { report, preview, protectedSheets } = stateRef.current;
      const grid = gridRef.current;
      if (!report || !grid || !preview) return;
      const skip = new Set(preview.rows.filter((r) => !r.ticked).map((r) => r.key));
      const canTick = new Set(preview.rows.filter((r) => r.blocked === null).map((r) => r.key));
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (ticked && canTick.has(k)) skip.delete(k);
        else if (!ticked) skip.add(k);
      }
      const blocked = new Set(protectedSheets);
      const file = optsRef.current.fileName ?? '当前工作簿';
      const planOver = (leftOut: ReadonlySet<string>) => planRecalc(grid, report, (g) => optsRef.current.check(g, { file }), leftOut).filter((c) => !blocked.has(c.sheet));
      const plan = planWithinCaps(planOver, skip, capsRef.current);
      const extra = plan.filter((c) => !labelsRef.current.has(cellKey(c.sheet, c.cell)));
      if (extra.length) for (const [key, label] of recalcLabels(grid, extra)) labelsRef.current.set(key, label);
      patch({ preview: previewOf(firstPlanRef.current, plan, skip, labelsRef.current, openingRef.current, capsRef.current) });
    },
    [patch],
  );

  const confirmRecalc = useCallback(async () => {
    const changes = stateRef.current.preview?.changes;
    if (!changes) return;
    patch({ preview: null });
    if (changes.length === 0) return;
    await exclusive('writing', async () => {
      await host.applyRecalc(changes);
      const checked = await runCheck();
      return { ...checked, recalcApplied: true, notice: T.recalcDone(changes.length) };
    });
  }, [exclusive, host, patch, runCheck]);

  const undoRecalc = useCallback(
    () =>
      exclusive('undoing', async () => {
        const undone = await host.undoRecalc();
        const checked = await runCheck();
        const partial = undone.editedSince.length > 0 || undone.sheetsGone.length > 0;
        return { ...checked, notice: partial ? T.undoPartial(undone.restored, undone.editedSince, undone.sheetsGone) : T.undoDone };
      }),
    [exclusive, host, runCheck],
  );

  const select = useCallback(
    async (f: Finding) => {
      patch({ selected: `${f.sheet}!${f.cell}` });
      try {
        await host.selectCell(f.sheet, f.cell);
        // The cells it was computed from, outlined (the previous finding's outline goes).
        const own = cellKey(f.sheet, f.cell);
        await host.outlineCells(f.inputs.map(parseCellRef).filter((c): c is CellRef => c !== null && cellKey(c.sheet, c.cell) !== own));
      } catch (e) {
        patch({ error: `${T.selectFailed}${describeError(e)}` });
      }
    },
    [host, patch],
  );

  /**
   * Reads the workbook afresh (the explanation is about the figures as they are now), finds
   * the same finding, and stores the explanations still valid plus or minus this one.
   */
  const changeAcknowledgement = useCallback(
    (f: Finding, reason: string | null) =>
      exclusive('explaining', async () => {
        if (reason !== null) {
          const refused = refuseAcknowledgement(f, reason);
          if (refused) throw new Error(refused);
        }
        const grid = await host.readWorkbook();
        const file = optsRef.current.fileName ?? '当前工作簿';
        const report = optsRef.current.check(grid, { file });
        const fresh = report.status === 'checked' ? report.findings.find((x) => ackKey(x) === ackKey(f)) : undefined;
        const { valid } = applyAcknowledgements(grid, report.findings);
        if (reason !== null) {
          if (!fresh) throw new Error(T.ackGone);
          await host.writeAcknowledgements(withAcknowledgement(valid, acknowledge(grid, fresh, reason)));
        } else {
          await host.writeAcknowledgements(withoutAcknowledgement(valid, f));
        }
        const checked = await runCheck();
        return { ...checked, notice: reason !== null ? T.ackDone : T.ackWithdrawn };
      }),
    [exclusive, host, runCheck],
  );
  const acknowledgeFinding = useCallback((f: Finding, reason: string) => changeAcknowledgement(f, reason), [changeAcknowledgement]);
  const unacknowledge = useCallback((f: Finding) => changeAcknowledgement(f, null), [changeAcknowledgement]);

  return [state, { setFollowing, check, clearMarks, openRecalc, cancelRecalc, tickRecalc, confirmRecalc, undoRecalc, select, acknowledge: acknowledgeFinding, unacknowledge }];
}
