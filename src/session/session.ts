/**
 * What a clerk can do with a live spreadsheet, as a plain object: check, follow edits, 一键重算
 * (preview, tick, write, undo), 已说明 (explain, withdraw), select a finding, clear marks. It
 * talks to a SpreadsheetHost and the engine, holds the state a view shows, and tells its
 * subscribers when that state changes. No React, no DOM: the Excel/WPS task pane subscribes to it
 * (src/taskpane/useChecker.ts, useSyncExternalStore); a pane in another view technology can too.
 *
 * Everything that touches the workbook goes through one ActionQueue, in the order asked: a 确认写入
 * or 标为已说明 given while a re-check that followed an edit is still reading runs after it, never
 * lost.
 */
import type { Finding } from '../core/finding';
import type { Profile } from '../core/profile';
import type { Report } from '../core/report';
import type { WorkbookGrid } from '../grid/grid';
import { cellKey } from '../grid/grid';
import { isHostError, type RecalcChange, type SpreadsheetHost, type Unwatch } from '../host/types';
import { parseCellRef, type CellRef } from '../host/marks';
import { planRecalc } from '../core/recalc-plan';
import { recalcLabels } from '../core/recalc-labels';
import { acknowledge, ackKey, applyAcknowledgements, refuseAcknowledgement, withAcknowledgement, withoutAcknowledgement } from '../core/acknowledge';
import { locateWorkbook } from '../template/locate';
import { ActionQueue } from './queue';
import { openingSkip, openingTicks, planWithinCaps, scoreCaps, type Cap, type OpeningTick } from './recalc-choice';
import { previewOf, type RecalcPreview } from './preview';

export type { PreviewRow, RecalcPreview } from './preview';

/** checkWorkbook, or a test's; `profile`: a bureau's profile file loaded in the pane. */
export type CheckFn = (grid: WorkbookGrid, opts: { file: string; profile?: Profile }) => Report;

/** What the clerk is waiting for (a spinner's text); null when nothing asked for runs. */
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
  /** Whether an edit in a checked sheet re-checks by itself (after the follow debounce). */
  readonly following: boolean;
  /** This host cannot report changes (Excel below ExcelApi 1.7): only 核对 re-checks. */
  readonly followUnavailable: boolean;
  /** When a re-check that followed an edit last finished (ms since epoch). */
  readonly refreshedAt: number | null;
}

/** The sentences a session says (Simplified Chinese); the pane passes its strings (taskpane/strings T). */
export interface SessionText {
  readonly hostErrorTitle: string;
  readonly cleared: string;
  readonly recalcDone: (n: number) => string;
  readonly undoDone: string;
  readonly undoPartial: (restored: number, edited: readonly string[], gone: readonly string[]) => string;
  readonly ackDone: string;
  readonly ackWithdrawn: string;
  readonly ackGone: string;
  readonly selectFailed: string;
}

/** Where the 输入后自动核对 switch is remembered (the pane: localStorage). */
export interface FollowSetting {
  load(): boolean;
  save(on: boolean): void;
}

export interface SessionOptions {
  /** The engine; injected so the pane's bundle decides how it loads it. */
  readonly check: CheckFn;
  /** The workbook's name for the report; defaults to 当前工作簿. */
  readonly fileName?: string;
  /** Quiet time after the last change before the re-check; default FOLLOW_DEBOUNCE_MS. */
  readonly followDebounceMs?: number;
}

/** A burst of edits (typing down a column, a paste) gives one re-check this long after the last. */
export const FOLLOW_DEBOUNCE_MS = 800;

const DEFAULT_FILE = '当前工作簿';

export const INITIAL_STATE: CheckerState = {
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

/** The queue's jobs. `follow`: the quiet re-check after an edit; `init`: what a reloaded pane finds. */
type JobKind = 'init' | 'check' | 'follow' | 'clear' | 'plan' | 'write' | 'undo' | 'explain' | 'select';

/** The spinner each job shows; quiet jobs (null) keep the list as it is until they are done. */
const BUSY: Record<JobKind, Busy | null> = {
  init: null,
  check: 'reading',
  follow: null,
  clear: 'clearing',
  plan: 'planning',
  write: 'writing',
  undo: 'undoing',
  explain: 'explaining',
  select: null,
};

/** The sheets of the tables a checked report located: the ones an edit can change findings on. */
export function watchedSheets(report: Report | null): string[] {
  if (report?.status !== 'checked') return [];
  const { basic, selfEval, scoreTable } = report.sheets;
  return [basic, selfEval, scoreTable].filter((s): s is string => typeof s === 'string' && s !== '');
}

/** Lets a view paint the busy state before a synchronous step (the engine) runs. */
function yieldToView(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const rememberedInMemory = (): FollowSetting => {
  let on = true;
  return { load: () => on, save: (v) => void (on = v) };
};

export class CheckerSession {
  private state: CheckerState;
  private readonly listeners = new Set<() => void>();
  private readonly queue = new ActionQueue<JobKind>();
  private options: SessionOptions;
  /** The Grid the current report was made from: 一键重算 plans on it. */
  private grid: WorkbookGrid | null = null;
  /** The preview's first plan (everything ticked) and the labels of its cells. */
  private firstPlan: readonly RecalcChange[] = [];
  private labels = new Map<string, string>();
  /** How each line of the first plan opened (recalc-choice), and the caps of the score cells. */
  private opening: ReadonlyMap<string, OpeningTick> = new Map();
  private caps: ReadonlyMap<string, Cap> = new Map();
  private attached = false;
  private followTimer: ReturnType<typeof setTimeout> | null = null;
  /** The sheets being watched ('' none) and the registration steps, one after another. */
  private watchKey = '';
  private unwatch: Unwatch | null = null;
  private watching: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: SpreadsheetHost,
    options: SessionOptions,
    private readonly text: SessionText,
    private readonly followSetting: FollowSetting = rememberedInMemory(),
  ) {
    this.options = options;
    this.state = { ...INITIAL_STATE, following: followSetting.load() };
  }

  // ---- what a view reads -------------------------------------------------------------------

  /** The current state: a new object after every change, the same one otherwise. */
  readonly getState = (): CheckerState => this.state;

  /** Calls `listener` after every change of the state; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** New options (a profile loaded): used by the next action. */
  configure(options: SessionOptions): void {
    this.options = options;
  }

  /**
   * Starts the session's life in a view: reads what a reloaded pane may find (marks, a recalc
   * snapshot, the host's limitations) and follows edits. `detach` stops following; a session may
   * be attached again (React mounts effects twice in development).
   */
  attach(): void {
    if (this.attached) return;
    this.attached = true;
    void this.enqueue('init', async () => {
      const [hasMarks, canUndo, limitations] = await Promise.all([this.host.hasMarks(), this.host.canUndoRecalc(), this.host.limitations ? this.host.limitations() : Promise.resolve([])]);
      this.patch({ hasMarks, canUndo, limitations });
    }).catch(() => undefined);
    this.syncWatch();
  }

  detach(): void {
    this.attached = false;
    this.cancelFollowUp();
    this.syncWatch();
  }

  /** Resolves once every action asked for so far has run (tests, and a view closing). */
  idle(): Promise<void> {
    return this.queue.drained();
  }

  // ---- actions -----------------------------------------------------------------------------

  /** Turns 输入后自动核对 on or off (remembered by the FollowSetting). */
  setFollowing(on: boolean): void {
    this.followSetting.save(on);
    if (!on) this.cancelFollowUp();
    this.patch({ following: on });
  }

  check(): Promise<void> {
    return this.enqueue('check', () => this.runCheck());
  }

  clearMarks(): Promise<void> {
    return this.enqueue('clear', async () => {
      await this.host.clearMarks();
      return { hasMarks: await this.host.hasMarks(), notice: this.text.cleared, protectedSheets: [], paintMessages: [] };
    });
  }

  /** Plans 一键重算 on the last check's Grid and opens the preview (nothing is written). */
  openRecalc(): Promise<void> {
    return this.enqueue('plan', async () => {
      const { report, protectedSheets } = this.state;
      const grid = this.grid;
      if (!report || !grid || report.status !== 'checked') return;
      // The plan re-runs the engine until the sums settle: let the spinner paint first.
      await yieldToView();
      const planOver = (skip: ReadonlySet<string>) => this.plan(grid, report, skip, protectedSheets);
      const plan = planOver(new Set());
      this.labels = recalcLabels(grid, plan);
      this.firstPlan = plan;
      this.caps = scoreCaps(locateWorkbook(grid));
      this.opening = openingTicks(plan, report.findings, this.caps);
      const skip = openingSkip(this.opening);
      const current = planWithinCaps(planOver, skip, this.caps);
      return { preview: previewOf(plan, current, skip, this.labels, this.opening, this.caps) };
    });
  }

  cancelRecalc(): void {
    this.patch({ preview: null });
  }

  /** Ticks or unticks preview lines (全部勾选: every line that may be ticked); the plan is made again over the ticked cells. */
  tickRecalc(keys: string | readonly string[], ticked: boolean): void {
    const { report, preview, protectedSheets } = this.state;
    const grid = this.grid;
    if (!report || !grid || !preview) return;
    const skip = new Set(preview.rows.filter((r) => !r.ticked).map((r) => r.key));
    const canTick = new Set(preview.rows.filter((r) => r.blocked === null).map((r) => r.key));
    for (const k of typeof keys === 'string' ? [keys] : keys) {
      if (ticked && canTick.has(k)) skip.delete(k);
      else if (!ticked) skip.add(k);
    }
    const plan = planWithinCaps((leftOut) => this.plan(grid, report, leftOut, protectedSheets), skip, this.caps);
    const extra = plan.filter((c) => !this.labels.has(cellKey(c.sheet, c.cell)));
    if (extra.length) for (const [k, label] of recalcLabels(grid, extra)) this.labels.set(k, label);
    this.patch({ preview: previewOf(this.firstPlan, plan, skip, this.labels, this.opening, this.caps) });
  }

  /** 确认写入: closes the preview and writes what it showed, in its turn, then re-checks. */
  confirmRecalc(): Promise<void> {
    const changes = this.state.preview?.changes;
    if (!changes) return Promise.resolve();
    this.patch({ preview: null });
    if (changes.length === 0) return Promise.resolve();
    return this.enqueue('write', async () => {
      await this.host.applyRecalc(changes);
      const checked = await this.runCheck();
      return { ...checked, recalcApplied: true, notice: this.text.recalcDone(changes.length) };
    });
  }

  undoRecalc(): Promise<void> {
    return this.enqueue('undo', async () => {
      const undone = await this.host.undoRecalc();
      const checked = await this.runCheck();
      const partial = undone.editedSince.length > 0 || undone.sheetsGone.length > 0;
      return { ...checked, notice: partial ? this.text.undoPartial(undone.restored, undone.editedSince, undone.sheetsGone) : this.text.undoDone };
    });
  }

  /** Selects the finding's cell and outlines the cells it was computed from (the last click wins). */
  select(f: Finding): Promise<void> {
    this.patch({ selected: `${f.sheet}!${f.cell}` });
    return this.enqueue(
      'select',
      async () => {
        try {
          await this.host.selectCell(f.sheet, f.cell);
          const own = cellKey(f.sheet, f.cell);
          await this.host.outlineCells(f.inputs.map(parseCellRef).filter((c): c is CellRef => c !== null && cellKey(c.sheet, c.cell) !== own));
        } catch (e) {
          this.patch({ error: `${this.text.selectFailed}${this.describeError(e)}` });
        }
      },
      true,
    );
  }

  /** 已说明: stores the clerk's reason in the workbook, then re-checks. Errors are refused. */
  acknowledge(f: Finding, reason: string): Promise<void> {
    return this.changeAcknowledgement(f, reason);
  }

  /** Withdraws the explanation of `f`, then re-checks. */
  unacknowledge(f: Finding): Promise<void> {
    return this.changeAcknowledgement(f, null);
  }

  describeError(e: unknown): string {
    if (isHostError(e)) return e.message;
    if (e instanceof Error && e.message) return `${this.text.hostErrorTitle}：${e.message}`;
    return `${this.text.hostErrorTitle}：${String(e)}`;
  }

  // ---- the queue ---------------------------------------------------------------------------

  /**
   * Queues `body`; while it runs (or waits) its spinner shows. Its result is merged into the
   * state when it is done; a failure becomes the state's error. A quiet job changes nothing
   * the clerk sees until it is done.
   */
  private enqueue(kind: JobKind, body: () => Promise<Partial<CheckerState> | void>, replaceable = false): Promise<void> {
    const busy = BUSY[kind];
    if (busy && this.state.busy === null) this.patch({ busy });
    return this.queue.enqueue({
      kind,
      replaceable,
      run: async () => {
        if (busy) this.patch({ busy, error: null, notice: null });
        try {
          const result = await body();
          this.patch({ ...(result ?? {}), busy: this.nextBusy() });
        } catch (e) {
          if (kind === 'follow' && isHostError(e) && e.code === 'cell-edit-mode') {
            // Excel still in cell-edit mode (no delayForCellEdit before ExcelApi 1.11): try again later.
            this.scheduleFollowUp();
            this.patch({ busy: this.nextBusy() });
          } else {
            this.patch({ busy: this.nextBusy(), error: this.describeError(e) });
          }
        }
      },
    });
  }

  /** The spinner of the first job still waiting that shows one (the running one is finishing). */
  private nextBusy(): Busy | null {
    for (const k of this.queue.kinds().slice(1)) if (BUSY[k]) return BUSY[k];
    return null;
  }

  private patch(p: Partial<CheckerState>): void {
    this.state = { ...this.state, ...p };
    for (const l of [...this.listeners]) l();
    this.syncWatch();
  }

  private plan(grid: WorkbookGrid, report: Report, skip: ReadonlySet<string>, protectedSheets: readonly string[]): RecalcChange[] {
    const blocked = new Set(protectedSheets);
    const file = this.options.fileName ?? DEFAULT_FILE;
    const check = this.options.check;
    return planRecalc(grid, report, (g) => check(g, { file }), skip).filter((c) => !blocked.has(c.sheet));
  }

  /** Reads, checks and paints; returns the new state fields (shared by check, follow, recalc, undo, 已说明). */
  private async runCheck(quiet = false): Promise<Partial<CheckerState>> {
    // A re-check that follows typing is quiet: no spinner, the list stays until the new one is in.
    if (!quiet) this.patch({ busy: 'reading' });
    const grid = await this.host.readWorkbook();
    if (!quiet) this.patch({ busy: 'checking' });
    await yieldToView();
    const report = this.options.check(grid, { file: this.options.fileName ?? DEFAULT_FILE });
    this.grid = grid;
    if (!quiet) this.patch({ busy: 'painting', report, sheetOrder: grid.sheets.map((s) => s.name), selected: null });
    const findings = report.status === 'checked' ? report.findings : [];
    // An explained finding (已说明) is dealt with: its cell carries no mark.
    const paint = await this.host.paintFindings(findings.filter((f) => !f.acknowledged));
    const withFindings = new Set(findings.map((f) => f.sheet));
    const gridProtected = grid.sheets.filter((s) => s.isProtected && withFindings.has(s.name)).map((s) => s.name);
    return {
      report,
      sheetOrder: grid.sheets.map((s) => s.name),
      protectedSheets: [...new Set([...paint.protectedSheets, ...gridProtected])],
      paintMessages: paint.messages,
      hasMarks: await this.host.hasMarks(),
      canUndo: await this.host.canUndoRecalc(),
    };
  }

  /**
   * Reads the workbook afresh (the explanation is about the figures as they are now), finds
   * the same finding, and stores the explanations still valid plus or minus this one.
   */
  private changeAcknowledgement(f: Finding, reason: string | null): Promise<void> {
    return this.enqueue('explain', async () => {
      if (reason !== null) {
        const refused = refuseAcknowledgement(f, reason);
        if (refused) throw new Error(refused);
      }
      const grid = await this.host.readWorkbook();
      const report = this.options.check(grid, { file: this.options.fileName ?? DEFAULT_FILE });
      const fresh = report.status === 'checked' ? report.findings.find((x) => ackKey(x) === ackKey(f)) : undefined;
      const { valid } = applyAcknowledgements(grid, report.findings);
      if (reason !== null) {
        if (!fresh) throw new Error(this.text.ackGone);
        await this.host.writeAcknowledgements(withAcknowledgement(valid, acknowledge(grid, fresh, reason)));
      } else {
        await this.host.writeAcknowledgements(withoutAcknowledgement(valid, f));
      }
      const checked = await this.runCheck();
      return { ...checked, notice: reason !== null ? this.text.ackDone : this.text.ackWithdrawn };
    });
  }

  // ---- following edits ---------------------------------------------------------------------

  private readonly onHostChange = (): void => this.scheduleFollowUp();

  /** One quiet re-check after a burst of changes, queued behind whatever runs. */
  private scheduleFollowUp(): void {
    this.cancelFollowUp();
    if (!this.attached) return;
    this.followTimer = setTimeout(() => {
      this.followTimer = null;
      if (!this.attached || !this.state.following) return;
      void this.enqueue('follow', async () => ({ ...(await this.runCheck(true)), refreshedAt: Date.now() }), true).catch(() => undefined);
    }, this.options.followDebounceMs ?? FOLLOW_DEBOUNCE_MS);
  }

  private cancelFollowUp(): void {
    if (this.followTimer) clearTimeout(this.followTimer);
    this.followTimer = null;
  }

  /**
   * Watches the sheets of every table the last check located (基础数据表, 自评表, 指标评分表) while
   * the session is attached and following; registrations run one after another.
   */
  private syncWatch(): void {
    const sheets = this.attached && this.state.following ? watchedSheets(this.state.report) : [];
    const key = sheets.join('\u0000');
    if (key === this.watchKey) return;
    this.watchKey = key;
    this.watching = this.watching.then(async () => {
      const old = this.unwatch;
      this.unwatch = null;
      if (old) await old().catch(() => undefined);
      if (key === '' || key !== this.watchKey) return;
      try {
        const u = await this.host.watchChanges(sheets, this.onHostChange);
        if (u === null) this.patch({ followUnavailable: true });
        else if (key === this.watchKey) this.unwatch = u;
        else await u().catch(() => undefined);
      } catch {
        this.patch({ followUnavailable: true });
      }
    });
  }
}
