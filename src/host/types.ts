/**
 * The one interface the task pane talks to, whichever spreadsheet it runs in.
 * `src/host/excel` (Office.js) and `src/host/wps` (WPS JSAPI) implement it; the pane never
 * touches a host object model itself. No rule logic lives behind this interface: hosts read
 * a WorkbookGrid, paint findings, select cells and write values the engine suggested.
 */
import type { Finding } from '../core/finding';
import type { WorkbookGrid } from '../grid/grid';
import type { PlannedWrite } from '../core/recalc-plan';
import type { Acknowledgement } from '../core/acknowledge';
import type { CellRef } from './marks';

export type { CellRef } from './marks';

export type HostKind = 'excel' | 'wps';

/** What painting did, so the pane can say it (all messages Simplified Chinese). */
export interface PaintResult {
  /** Cells that now carry a mark. */
  readonly painted: number;
  /** Cells of the previous check whose original fill was restored first. */
  readonly restored: number;
  /** Sheets left unpainted because they are protected: their findings stay in the list only. */
  readonly protectedSheets: readonly string[];
  /** Sheets named by findings that the workbook no longer has. */
  readonly missingSheets: readonly string[];
  /** One line per skipped sheet, ready to show. */
  readonly messages: readonly string[];
}

/** One cell 一键重算 would change (planned by core/recalc-plan): shown as a preview, written only after confirmation. */
export type RecalcChange = PlannedWrite;

export interface SpreadsheetHost {
  readonly kind: HostKind;
  /** Reads every worksheet's used range (values, number formats, formulas, merges) in bulk. */
  readWorkbook(): Promise<WorkbookGrid>;
  /**
   * Marks each finding's cell with its severity colour. First takes off the marks of the
   * previous call. Excel: a conditional format above the cell's own format; WPS: the fill,
   * after snapshotting the original (persisted, so a reloaded pane can still clear).
   * Protected sheets are skipped and reported, never an error.
   */
  paintFindings(findings: readonly Finding[]): Promise<PaintResult>;
  /** Takes every mark off: each cell's own format is exactly as before (no fill stays no fill). */
  clearMarks(): Promise<void>;
  /** Whether marks of ours are in the workbook (also after a pane reload). */
  hasMarks(): Promise<boolean>;
  /** Activates the sheet, selects the cell and scrolls it into view. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Outlines a selected finding's input cells, taking the previous outline off; an empty list
   * only takes it off (so do paintFindings and clearMarks). Cells that carry a mark keep it.
   * Non-destructive as the marks are: Excel — a conditional format of dashed borders above the
   * cells' own formats; WPS — a pale fill in the marks snapshot, restored exactly. Protected and
   * missing sheets are skipped silently (the outline is a pointer, not a finding).
   */
  outlineCells(cells: readonly CellRef[]): Promise<void>;
  /**
   * Writes the changes (after the clerk confirmed the preview). Snapshots each cell's value,
   * formula, number format and fill first; all-or-nothing: a protected or missing sheet
   * throws a HostError before anything is written.
   */
  applyRecalc(changes: readonly RecalcChange[]): Promise<void>;
  /**
   * Puts back what the last applyRecalc changed: values, formulas, number formats, fills —
   * also after the pane was reloaded (the snapshot is persisted like the marks). A cell edited
   * since no longer holds what was written: it is left as it is and listed.
   */
  undoRecalc(): Promise<UndoResult>;
  /** Whether there is a recalc to undo (from this pane or, persisted, an earlier one). */
  canUndoRecalc(): Promise<boolean>;
  /**
   * Stores the explanations (已说明) in the workbook itself: the very hidden sheet of
   * core/acknowledge, replaced whole; an empty list removes the sheet. The next read returns it.
   */
  writeAcknowledgements(list: readonly Acknowledgement[]): Promise<void>;
  /**
   * What this host version cannot do (e.g. marks on an Excel without conditional formats), one
   * Simplified Chinese sentence each, for the pane to show once; empty when nothing is missing.
   */
  limitations?(): Promise<readonly string[]>;
  /**
   * Calls `onChange` after a cell of one of `sheets` changed — the clerk's committed edit (both
   * hosts report a change only after Enter, never while a cell is being edited) or a write of
   * ours. Resolves with a function that stops watching, or null where this host cannot watch
   * (Excel below ExcelApi 1.7); the pane then re-checks only on 核对. Events may come in bursts:
   * debouncing is the pane's business.
   */
  watchChanges(sheets: readonly string[], onChange: () => void): Promise<Unwatch | null>;
}

export type Unwatch = () => Promise<void>;

export interface UndoResult {
  readonly restored: number;
  /** `Sheet!A1` of cells left alone because they were edited after 一键重算. */
  readonly editedSince: readonly string[];
  /** Sheets renamed or deleted since: their cells could not be put back. */
  readonly sheetsGone: readonly string[];
}

export type HostErrorCode =
  | 'protected-sheet'
  | 'sheet-missing'
  | 'sync-timeout'
  | 'cell-edit-mode'
  | 'no-workbook'
  | 'nothing-to-undo'
  | 'host-api';

/** A failure the pane can show as is: `message` is Simplified Chinese. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly code: HostErrorCode,
    message: string,
    /** The host's own error, when there was one (RichApi.Error code and message for Excel). */
    readonly hostCode?: string,
    readonly hostMessage?: string,
    readonly sheet?: string,
  ) {
    super(message);
  }
}

export function isHostError(e: unknown): e is HostError {
  return e instanceof HostError;
}

/**
 * Where a host keeps its snapshots between pane reloads (Excel: document settings; WPS: a
 * very hidden sheet). Injectable so tests can inspect and share it.
 */
export interface SnapshotStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** A store that lives as long as the object: for tests and for hosts without persistence. */
export class MemoryStore implements SnapshotStore {
  readonly data = new Map<string, string>();
  get(key: string): Promise<string | null> {
    return Promise.resolve(this.data.get(key) ?? null);
  }
  set(key: string, value: string): Promise<void> {
    this.data.set(key, value);
    return Promise.resolve();
  }
  remove(key: string): Promise<void> {
    this.data.delete(key);
    return Promise.resolve();
  }
}
