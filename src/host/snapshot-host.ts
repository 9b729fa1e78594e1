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
import type { WorkbookGrid } from '../template/grid';
import {
  MARKS_KEY,
  MSG,
  RECALC_FILL,
  RECALC_KEY,
  cellKey,
  markTargets,
  parseSnapshot,
  Serial,
  serializeSnapshot,
  throwIfMarksKept,
  type MarkEntry,
  type MarkTarget,
  type RecalcEntry,
} from './common';
import { HostError, type HostKind, type PaintResult, type RecalcChange, type SnapshotStore, type SpreadsheetHost, type UndoResult } from './types';

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
  /** The marks snapshot; null until read from the store. */
  private marks: MarkEntry<F>[] | null = null;
  /** What the last 一键重算 changed, for 撤销重算 (persisted); null until read from the store. */
  private recalc: RecalcEntry<F>[] | null = null;
  private readonly serial = new Serial();

  protected constructor(
    /** Tags the persisted snapshot, so one host never restores another's fill records. */
    private readonly snapshotTag: string,
    private readonly store: SnapshotStore,
  ) {}

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

  // ---- SpreadsheetHost ---------------------------------------------------------------------

  readWorkbook(): Promise<WorkbookGrid> {
    return this.serial.run(() => this.read());
  }

  paintFindings(findings: readonly Finding[]): Promise<PaintResult> {
    return this.serial.run(async () => {
      const plan = await this.paint(markTargets(findings), await this.loadMarks(), (p) => this.saveMarks(p.union));
      await this.saveMarks([...plan.next, ...plan.kept]);
      await this.releaseRecalcFills();
      return {
        painted: plan.next.length,
        restored: plan.restores.length,
        protectedSheets: plan.protectedSheets,
        missingSheets: plan.missingSheets,
        messages: [...plan.protectedSheets.map(MSG.protectedSkipped), ...plan.missingSheets.map(MSG.missingSkipped)],
      };
    });
  }

  clearMarks(): Promise<void> {
    return this.serial.run(async () => {
      const prev = await this.loadMarks();
      if (!prev.length) return;
      const kept = await this.restore(prev);
      await this.saveMarks(kept);
      await this.releaseRecalcFills();
      // A cleared workbook is clean: the values from before 一键重算 leave the file (the hidden
      // sheet in WPS, the document settings in Excel). 撤销重算 still works until the pane closes.
      if (!kept.length) await this.store.remove(RECALC_KEY);
      throwIfMarksKept(kept);
    });
  }

  hasMarks(): Promise<boolean> {
    return this.serial.run(async () => (await this.loadMarks()).length > 0);
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.serial.run(() => this.select(sheet, cell));
  }

  canUndoRecalc(): Promise<boolean> {
    return this.serial.run(async () => (await this.loadRecalc()).length > 0);
  }

  applyRecalc(changes: readonly RecalcChange[]): Promise<void> {
    return this.serial.run(async () => {
      if (!changes.length) return;
      const marks = await this.loadMarks();
      const marked = new Set(marks.map((e) => cellKey(e.sheet, e.cell)));
      const previous = await this.loadRecalc();
      let recorded = false;
      const entries = await this.writeRecalc(changes, marked, async (entries) => {
        recorded = true;
        // On record before anything is written: the values to put back, and the fills of cells
        // that turn green, so that 撤销重算 and 清除标记 both work even if the pane dies now.
        await this.saveRecalc(entries);
        const added = entries
          .filter((e) => e.addedToMarks)
          .map((e): MarkEntry<F> => ({ sheet: e.sheet, cell: e.cell, painted: RECALC_FILL, original: e.fill! }));
        if (added.length) await this.saveMarks([...marks, ...added]);
      }).catch(async (e: unknown) => {
        // Nothing was written (or not all of it): the earlier 一键重算 stays the one to undo.
        if (recorded) await this.saveRecalc(previous);
        throw e;
      });
      this.recalc = entries;
    });
  }

  undoRecalc(): Promise<UndoResult> {
    return this.serial.run(async () => {
      const entries = await this.loadRecalc();
      if (!entries.length) throw new HostError('nothing-to-undo', MSG.nothingToUndo());
      const { editedSince, sheetsGone } = await this.unwriteRecalc(entries);
      const gone = new Set(sheetsGone);
      const skipped = new Set(editedSince);
      const undone = entries.filter((e) => !gone.has(e.sheet) && !skipped.has(cellKey(e.sheet, e.cell)));
      // A cell undone, whose green came from 一键重算, is no longer ours to mark.
      const added = new Set(undone.filter((e) => e.addedToMarks && e.fill !== null).map((e) => cellKey(e.sheet, e.cell)));
      if (added.size) {
        const marks = await this.loadMarks();
        await this.saveMarks(marks.filter((m) => !added.has(cellKey(m.sheet, m.cell))));
      }
      // Done either way: what could not be put back never will be, so the snapshot goes.
      await this.saveRecalc([]);
      return { restored: undone.length, editedSince, sheetsGone };
    });
  }

  // ---- the snapshot ------------------------------------------------------------------------

  private async loadMarks(): Promise<MarkEntry<F>[]> {
    if (this.marks === null) this.marks = parseSnapshot<MarkEntry<F>>(this.snapshotTag, await this.store.get(MARKS_KEY));
    return this.marks;
  }

  private async saveMarks(entries: MarkEntry<F>[]): Promise<void> {
    this.marks = entries;
    if (entries.length) await this.store.set(MARKS_KEY, serializeSnapshot(this.snapshotTag, entries));
    else await this.store.remove(MARKS_KEY);
  }

  private async loadRecalc(): Promise<RecalcEntry<F>[]> {
    if (this.recalc === null) this.recalc = parseSnapshot<RecalcEntry<F>>(this.snapshotTag, await this.store.get(RECALC_KEY));
    return this.recalc;
  }

  private async saveRecalc(entries: RecalcEntry<F>[]): Promise<void> {
    this.recalc = entries;
    if (entries.length) await this.store.set(RECALC_KEY, serializeSnapshot(this.snapshotTag, entries));
    else await this.store.remove(RECALC_KEY);
  }

  /** After a paint or clear, fills are the marks snapshot's business again, not 撤销重算's. */
  private async releaseRecalcFills(): Promise<void> {
    const entries = await this.loadRecalc();
    if (!entries.some((e) => e.fill !== null || e.addedToMarks)) return;
    await this.saveRecalc(entries.map((e) => ({ ...e, fill: null, addedToMarks: false })));
  }
}
