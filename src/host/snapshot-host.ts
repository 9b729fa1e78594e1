/**
 * What both host adapters do the same way, whatever the object model: one operation at a
 * time, the marks snapshot (load, persist before writing, restore), which marks a re-check
 * keeps, restores or drops, and the bookkeeping of 一键重算 and its undo. An adapter supplies
 * only the host calls: read, paint/restore cells, select, write/unwrite recalculated values.
 *
 * `F` is the adapter's own record of a cell's fill (Excel: colour/pattern/tint; WPS: the
 * Interior's BGR integers), kept opaque here.
 */
import type { Finding } from '../core/finding';
import type { WorkbookGrid } from '../grid/grid';
import { ackRows, type Acknowledgement } from '../core/acknowledge';
import { MARKS_KEY, RECALC_KEY, parseSnapshot, serializeSnapshot, type RecalcEntry } from './snapshots';
import { MSG, throwIfMarksKept } from './messages';
import { RECALC_FILL, markTargets, withOutline, type CellRef, type MarkEntry, type MarkTarget } from './marks';
import { cellKey } from '../grid/grid';
import { Serial } from './serial';
import { isMarkEntry, isRecalcEntry, trustedEntries } from './stored-entries';
import { HostError, type Unwatch, type HostKind, type PaintResult, type RecalcChange, type SnapshotStore, type SpreadsheetHost, type UndoResult } from './types';

/** How a sheet stands for writing, as the host reported it in this operation. */
export type SheetState = 'writable' | 'protected' | 'missing';

/** What one paint does: the new marks, the old ones to restore first, and those it must keep. */
export interface PaintPlan<F> {
  /** Marks of this check, on writable sheets; each keeps the original of an earlier mark of the same cell. */
  readonly next: MarkEntry<F>[];
  /** Earlier marks no finding needs any more, on writable sheets: their fills go back. */
  readonly restores: MarkEntry<F>[];
  /** Earlier marks on sheets now protected: they cannot be restored yet and stay on record. */
  readonly kept: MarkEntry<F>[];
  /** What must be on record before any fill changes: every cell that may carry our colour. */
  readonly union: MarkEntry<F>[];
  readonly protectedSheets: string[];
  readonly missingSheets: string[];
  /** Further lines for the pane (e.g. marks unavailable on this host version). */
  readonly notes?: readonly string[];
}

/**
 * Pure: the paint plan for `targets` over the earlier marks `prev`. `originalOf` is asked only
 * for cells not marked before (an earlier mark already holds the true original; re-reading
 * the cell would take our own colour for it). Marks on sheets that vanished are dropped.
 */
export function planPaint<F>(
  targets: readonly MarkTarget[],
  prev: readonly MarkEntry<F>[],
  stateOf: (sheet: string) => SheetState,
  originalOf: (target: MarkTarget) => F,
): PaintPlan<F> {
  const prevByKey = new Map(prev.map((e) => [cellKey(e.sheet, e.cell), e]));
  const protectedSheets = new Set<string>();
  const missingSheets = new Set<string>();
  const next: MarkEntry<F>[] = [];
  for (const t of targets) {
    const state = stateOf(t.sheet);
    if (state === 'missing') missingSheets.add(t.sheet);
    else if (state === 'protected') protectedSheets.add(t.sheet);
    else next.push({ sheet: t.sheet, cell: t.cell, painted: t.color, original: prevByKey.get(cellKey(t.sheet, t.cell))?.original ?? originalOf(t) });
  }
  const nextKeys = new Set(next.map((e) => cellKey(e.sheet, e.cell)));
  const restores: MarkEntry<F>[] = [];
  const kept: MarkEntry<F>[] = [];
  for (const e of prev) {
    if (nextKeys.has(cellKey(e.sheet, e.cell))) continue;
    const state = stateOf(e.sheet);
    if (state === 'protected') kept.push(e);
    else if (state === 'writable') restores.push(e);
  }
  return {
    next,
    restores,
    kept,
    union: [...prev, ...next.filter((e) => !prevByKey.has(cellKey(e.sheet, e.cell)))],
    protectedSheets: [...protectedSheets],
    missingSheets: [...missingSheets],
  };
}

/** What an undo had to leave: cells edited since (`Sheet!A1`) and sheets no longer there. */
export interface Unwritten {
  readonly editedSince: string[];
  readonly sheetsGone: string[];
}

export abstract class SnapshotHost<F> implements SpreadsheetHost {
  abstract readonly kind: HostKind;
  /** The marks snapshot: every cell carrying our colour, with its original fill. */
  private readonly marks: StoredList<MarkEntry<F>>;
  /** What the last 一键重算 changed, for 撤销重算. */
  private readonly recalc: StoredList<RecalcEntry<F>>;
  private readonly serial = new Serial();

  protected constructor(
    /** Tags the persisted snapshots, so one host never restores another's fill records. */
    snapshotTag: string,
    store: SnapshotStore,
    /**
     * Which workbook the next operation acts on. The in-memory copies of the snapshots are kept
     * per workbook, so a pane that stays open while the clerk switches workbooks (WPS: one pane
     * for every workbook tab) never restores workbook A's originals onto workbook B. Excel gives
     * each document its own pane: one key.
     */
    workbookKey: () => string = () => '',
  ) {
    this.marks = new StoredList(store, MARKS_KEY, snapshotTag, workbookKey, (x): x is MarkEntry<F> => isMarkEntry<F>(x));
    this.recalc = new StoredList(store, RECALC_KEY, snapshotTag, workbookKey, (x): x is RecalcEntry<F> => isRecalcEntry<F>(x));
  }

  // ---- what an adapter supplies ------------------------------------------------------------

  protected abstract read(): Promise<WorkbookGrid>;
  /**
   * Plans the paint (with `planPaint`, from the sheets' states and the new cells' fills), awaits
   * `beforeWrite(plan)`, then restores `plan.restores` and paints `plan.next`.
   */
  protected abstract paint(targets: readonly MarkTarget[], prev: readonly MarkEntry<F>[], beforeWrite: (plan: PaintPlan<F>) => Promise<void>): Promise<PaintPlan<F>>;
  /** Restores the marks on writable sheets; returns those it must keep (protected sheets). Missing sheets' marks are dropped. */
  protected abstract restore(marks: readonly MarkEntry<F>[]): Promise<MarkEntry<F>[]>;
  protected abstract select(sheet: string, cell: string): Promise<void>;
  /**
   * Snapshots each changed cell (value, formula, number format, fill; `addedToMarks` when its
   * key is not in `marked`), awaits `beforeWrite(entries)`, then writes and colours the cells.
   * Throws a HostError before writing anything when a sheet is missing or protected.
   */
  protected abstract writeRecalc(
    changes: readonly RecalcChange[],
    marked: ReadonlySet<string>,
    beforeWrite: (entries: RecalcEntry<F>[]) => Promise<void>,
  ): Promise<RecalcEntry<F>[]>;
  /**
   * Puts back each entry's value or formula, number format and (when kept) fill — except in a
   * cell that no longer holds `written` (see stillWritten), and on a sheet that is gone. Throws
   * a HostError before writing when a sheet is protected (the clerk can unprotect and retry).
   */
  protected abstract unwriteRecalc(entries: readonly RecalcEntry<F>[]): Promise<Unwritten>;
  abstract watchChanges(sheets: readonly string[], onChange: () => void): Promise<Unwatch | null>;
  /** Replaces the 已说明 sheet's contents with `rows` (all text), adding it very hidden; null deletes it. */
  protected abstract writeAckRows(rows: readonly (readonly string[])[] | null): Promise<void>;

  // ---- SpreadsheetHost ---------------------------------------------------------------------

  readWorkbook(): Promise<WorkbookGrid> {
    return this.serial.run(() => this.read());
  }

  paintFindings(findings: readonly Finding[]): Promise<PaintResult> {
    return this.serial.run(async () => {
      const plan = await this.paint(markTargets(findings), await this.marks.get(), (p) => this.marks.set(p.union));
      await this.marks.set([...plan.next, ...plan.kept]);
      await this.releaseRecalcFills();
      return {
        painted: plan.next.length,
        restored: plan.restores.length,
        protectedSheets: plan.protectedSheets,
        missingSheets: plan.missingSheets,
        messages: [...(plan.notes ?? []), ...plan.protectedSheets.map(MSG.protectedSkipped), ...plan.missingSheets.map(MSG.missingSkipped)],
      };
    });
  }

  outlineCells(cells: readonly CellRef[]): Promise<void> {
    return this.serial.run(async () => {
      const prev = await this.marks.get();
      const targets = withOutline(prev, cells);
      // Nothing outlined before or now: no host call at all (a click in a pane without marks).
      const same = (t: MarkTarget, e: MarkEntry<F>) => t.color === e.painted && cellKey(t.sheet, t.cell) === cellKey(e.sheet, e.cell);
      if (targets.length === prev.length && targets.every((t, i) => same(t, prev[i]!))) return;
      const plan = await this.paint(targets, prev, (p) => this.marks.set(p.union));
      await this.marks.set([...plan.next, ...plan.kept]);
    });
  }

  clearMarks(): Promise<void> {
    return this.serial.run(async () => {
      const prev = await this.marks.get();
      if (!prev.length) return;
      const kept = await this.restore(prev);
      await this.marks.set(kept);
      await this.releaseRecalcFills();
      // A cleared workbook is clean: the values from before 一键重算 leave the file (the hidden
      // sheet in WPS, the document settings in Excel). 撤销重算 still works until the pane closes.
      if (!kept.length) await this.recalc.unpersist();
      throwIfMarksKept(kept);
    });
  }

  /** What this host version cannot do (Chinese sentences); none by default. */
  limitations(): Promise<readonly string[]> {
    return Promise.resolve([]);
  }

  hasMarks(): Promise<boolean> {
    return this.serial.run(async () => (await this.marks.get()).length > 0);
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.serial.run(() => this.select(sheet, cell));
  }

  canUndoRecalc(): Promise<boolean> {
    return this.serial.run(async () => (await this.recalc.get()).length > 0);
  }

  applyRecalc(changes: readonly RecalcChange[]): Promise<void> {
    return this.serial.run(async () => {
      if (!changes.length) return;
      const marks = await this.marks.get();
      const marked = new Set(marks.map((e) => cellKey(e.sheet, e.cell)));
      const previous = await this.recalc.get();
      let recorded = false;
      await this.writeRecalc(changes, marked, async (entries) => {
        recorded = true;
        // On record before anything is written: the values to put back, and the fills of cells
        // that turn green, so that 撤销重算 and 清除标记 both work even if the pane dies now.
        await this.recalc.set(entries);
        const added = entries
          .filter((e) => e.addedToMarks)
          .map((e): MarkEntry<F> => ({ sheet: e.sheet, cell: e.cell, painted: RECALC_FILL, original: e.fill! }));
        if (added.length) await this.marks.set([...marks, ...added]);
      }).catch(async (e: unknown) => {
        // Nothing was written (or not all of it): the earlier 一键重算 stays the one to undo.
        if (recorded) await this.recalc.set(previous);
        throw e;
      });
    });
  }

  undoRecalc(): Promise<UndoResult> {
    return this.serial.run(async () => {
      const entries = await this.recalc.get();
      if (!entries.length) throw new HostError('nothing-to-undo', MSG.nothingToUndo());
      const { editedSince, sheetsGone } = await this.unwriteRecalc(entries);
      const gone = new Set(sheetsGone);
      const skipped = new Set(editedSince);
      const undone = entries.filter((e) => !gone.has(e.sheet) && !skipped.has(cellKey(e.sheet, e.cell)));
      // A cell undone, whose green came from 一键重算, is no longer ours to mark.
      const added = new Set(undone.filter((e) => e.addedToMarks && e.fill !== null).map((e) => cellKey(e.sheet, e.cell)));
      if (added.size) {
        const marks = await this.marks.get();
        await this.marks.set(marks.filter((m) => !added.has(cellKey(m.sheet, m.cell))));
      }
      // Done either way: what could not be put back never will be, so the snapshot goes.
      await this.recalc.set([]);
      return { restored: undone.length, editedSince, sheetsGone };
    });
  }

  writeAcknowledgements(list: readonly Acknowledgement[]): Promise<void> {
    return this.serial.run(() => this.writeAckRows(list.length ? ackRows(list) : null));
  }

  // ---- the snapshots -----------------------------------------------------------------------

  /** After a paint or clear, fills are the marks snapshot's business again, not 撤销重算's. */
  private async releaseRecalcFills(): Promise<void> {
    const entries = await this.recalc.get();
    if (!entries.some((e) => e.fill !== null || e.addedToMarks)) return;
    await this.recalc.set(entries.map((e) => ({ ...e, fill: null, addedToMarks: false })));
  }
}

/**
 * A list persisted under one store key: read once per workbook, then kept in memory (per
 * workbook) and written through.
 */
class StoredList<E> {
  private readonly cached = new Map<string, E[]>();

  constructor(
    private readonly store: SnapshotStore,
    private readonly key: string,
    private readonly tag: string,
    private readonly workbookKey: () => string,
    /** What the add-in could have written (stored-entries.ts): the store is the workbook's, never trusted. */
    private readonly valid: (x: unknown) => x is E,
  ) {}

  async get(): Promise<E[]> {
    const wb = this.workbookKey();
    let list = this.cached.get(wb);
    if (list === undefined) {
      list = trustedEntries(parseSnapshot<unknown>(this.tag, await this.store.get(this.key)), this.valid);
      this.cached.set(wb, list);
    }
    return list;
  }

  async set(entries: E[]): Promise<void> {
    this.cached.set(this.workbookKey(), entries);
    if (entries.length) await this.store.set(this.key, serializeSnapshot(this.tag, entries));
    else await this.store.remove(this.key);
  }

  /** Takes the list out of the store; this session keeps it in memory. */
  async unpersist(): Promise<void> {
    await this.store.remove(this.key);
  }
}
