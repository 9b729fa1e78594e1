/**
 * The WPS Spreadsheets adapter: SpreadsheetHost over the synchronous ET JSAPI. Same
 * behaviour as the Excel adapter (src/host/excel): bulk reads, exact fill restore with a
 * persisted snapshot, protected sheets skipped, recalc with its own undo snapshot.
 */
import type { WorkbookGrid } from '../../grid/grid';
import { parseA1 } from '../../grid/grid';
import { MSG } from '../messages';
import { RECALC_FILL, type MarkEntry, type MarkTarget } from '../marks';
import { cellKey } from '../../grid/grid';
import { constantToWrite, stillWritten, type RecalcEntry } from '../snapshots';
import { groupBy } from '../addresses';
import { cellWrite } from '../../core/recalc-plan';
import { HostError, type RecalcChange, type SnapshotStore, type Unwatch } from '../types';
import { planPaint, SnapshotHost, type PaintPlan, type SheetState, type Unwritten } from '../snapshot-host';
import { paintCells, restoreCells, snapshotInterior, type WpsFill } from './fill';
import {
  COM_ERRORS,
  findSheet,
  get,
  globalWpsApplication,
  set,
  setVerified,
  sheetAt,
  sheetCount,
  sheetName,
  workbookKey,
  worksheetsOf,
  type WpsApplication,
  type WpsInterior,
  type WpsWindow,
  type WpsWorksheet,
  type WpsWorksheets,
} from './om';
import { normalizeFormat, readSheet } from './read';
import { HiddenSheetStore, STORE_SHEET } from './store';
import { writeAckSheet } from './ack-sheet';
import { watchSheets } from './watch';

export interface WpsHostOptions {
  /** The ET Application; default: the global `window.Application` (Kingsoft's typings). */
  readonly app?: () => WpsApplication;
  /** Where the marks snapshot persists; default: a very hidden sheet in the workbook. */
  readonly store?: SnapshotStore;
}

type SheetInfo = Map<string, { ws: WpsWorksheet | null; protected: boolean }>;

export class WpsHost extends SnapshotHost<WpsFill> {
  readonly kind = 'wps' as const;
  private readonly app: () => WpsApplication;

  constructor(opts: WpsHostOptions = {}) {
    const app =
      opts.app ??
      (() => {
        const found = globalWpsApplication();
        if (!found) throw new HostError('no-workbook', MSG.noWorkbook());
        return found;
      });
    // Caches per workbook: one WPS pane serves every workbook tab (WorkbookActivate switches them).
    super('wps', opts.store ?? new HiddenSheetStore(app), () => workbookKey(app()));
    this.app = app;
  }

  /** Runs a synchronous body; host exceptions become HostErrors. Screen updates paused for writes. */
  private guard<T>(body: (sheets: WpsWorksheets, app: WpsApplication) => T, quiet = false): T {
    try {
      const app = this.app();
      const sheets = worksheetsOf(app);
      if (!sheets) throw new HostError('no-workbook', MSG.noWorkbook());
      const screen = quiet ? get(app, 'ScreenUpdating') : undefined;
      if (quiet) set(app, 'ScreenUpdating', false);
      try {
        return body(sheets, app);
      } finally {
        if (quiet) set(app, 'ScreenUpdating', screen ?? true);
      }
    } catch (e) {
      if (e instanceof HostError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      const code = e instanceof Error && e.name ? e.name : 'Error';
      throw new HostError('host-api', MSG.hostFailed('WPS', code, message), code, message);
    }
  }

  protected async read(): Promise<WorkbookGrid> {
    return this.guard((sheets) => {
      const out = [];
      for (let i = 1; i <= sheetCount(sheets); i++) {
        const ws = sheetAt(sheets, i);
        const name = sheetName(ws);
        if (name === STORE_SHEET) continue;
        out.push(readSheet(ws, name));
      }
      return { sheets: out };
    });
  }

  /** Sheet name → worksheet (null when missing) and whether it is protected. */
  private sheetInfo(sheets: WpsWorksheets, names: Iterable<string>): SheetInfo {
    const info: SheetInfo = new Map();
    for (const n of names) {
      if (info.has(n)) continue;
      const ws = findSheet(sheets, n);
      info.set(n, { ws, protected: ws ? !!get(ws, 'ProtectContents') : false });
    }
    return info;
  }

  // ---- marks ----------------------------------------------------------------------------

  protected async paint(
    targets: readonly MarkTarget[],
    prev: readonly MarkEntry<WpsFill>[],
    beforeWrite: (plan: PaintPlan<WpsFill>) => Promise<void>,
  ): Promise<PaintPlan<WpsFill>> {
    const { plan, info } = this.guard((sheets) => {
      const info = this.sheetInfo(sheets, [...targets.map((t) => t.sheet), ...prev.map((e) => e.sheet)]);
      const plan = planPaint(targets, prev, stateIn(info), (t) => snapshotInterior(get<WpsInterior>(info.get(t.sheet)!.ws!.Range(t.cell), 'Interior')));
      return { plan, info };
    });
    await beforeWrite(plan);
    this.guard(() => {
      for (const [sheet, list] of groupBy(plan.restores, (e) => e.sheet)) {
        restoreCells(info.get(sheet)!.ws!, list.map((e) => ({ cell: e.cell, fill: e.original })));
      }
      for (const [sheet, list] of groupBy(plan.next, (e) => e.sheet)) {
        for (const [color, same] of groupBy(list, (e) => e.painted)) paintCells(info.get(sheet)!.ws!, same.map((e) => e.cell), color);
      }
    }, true);
    return plan;
  }

  protected async restore(marks: readonly MarkEntry<WpsFill>[]): Promise<MarkEntry<WpsFill>[]> {
    return this.guard((sheets) => {
      const info = this.sheetInfo(sheets, marks.map((e) => e.sheet));
      const kept: MarkEntry<WpsFill>[] = [];
      for (const [sheet, list] of groupBy(marks, (e) => e.sheet)) {
        const s = info.get(sheet)!;
        if (!s.ws) continue;
        if (s.protected) kept.push(...list);
        else restoreCells(s.ws, list.map((e) => ({ cell: e.cell, fill: e.original })));
      }
      return kept;
    }, true);
  }

  // ---- navigation -----------------------------------------------------------------------

  protected async select(sheet: string, cell: string): Promise<void> {
    this.guard((sheets, app) => {
      const ws = findSheet(sheets, sheet);
      if (!ws) throw new HostError('sheet-missing', MSG.missingSheet(sheet), undefined, undefined, sheet);
      ws.Activate();
      ws.Range(cell).Select();
      // Bring the cell into view with two rows above it and one column to its left.
      const win = app.ActiveWindow !== undefined ? get<WpsWindow | null>(app, 'ActiveWindow') : null;
      if (win) {
        const { row, col } = parseA1(cell);
        set(win, 'ScrollRow', Math.max(1, row + 1 - 2));
        set(win, 'ScrollColumn', Math.max(1, col + 1 - 1));
      }
    });
  }

  // ---- 一键重算 ---------------------------------------------------------------------------

  /** The worksheets of `info`; a HostError before anything is written when one is missing or protected. */
  private writable(info: SheetInfo): Map<string, WpsWorksheet> {
    const out = new Map<string, WpsWorksheet>();
    for (const [name, s] of info) {
      if (!s.ws) throw new HostError('sheet-missing', MSG.missingSheet(name), undefined, undefined, name);
      if (s.protected) throw new HostError('protected-sheet', MSG.protectedWrite(name), undefined, undefined, name);
      out.set(name, s.ws);
    }
    return out;
  }

  protected async writeRecalc(
    changes: readonly RecalcChange[],
    marked: ReadonlySet<string>,
    beforeWrite: (entries: RecalcEntry<WpsFill>[]) => Promise<void>,
  ): Promise<RecalcEntry<WpsFill>[]> {
    const { entries, ws } = this.guard((sheets) => {
      const ws = this.writable(this.sheetInfo(sheets, changes.map((c) => c.sheet)));
      const entries = changes.map((c): RecalcEntry<WpsFill> => {
        const range = ws.get(c.sheet)!.Range(c.cell);
        const f = get(range, 'Formula');
        const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
        const v = get(range, 'Value2');
        const numFmt = normalizeFormat(get(range, 'NumberFormat'));
        return {
          sheet: c.sheet,
          cell: c.cell,
          formula,
          value: formula !== null ? null : constantOf(v),
          numFmt,
          fill: snapshotInterior(get<WpsInterior>(range, 'Interior')),
          addedToMarks: !marked.has(cellKey(c.sheet, c.cell)),
          written: cellWrite(c, numFmt).value,
        };
      });
      return { entries, ws };
    });
    await beforeWrite(entries);
    this.guard(() => {
      for (const e of entries) setVerified(ws.get(e.sheet)!.Range(e.cell), 'Value2', e.written, (now) => stillWritten(now, e.written));
      for (const [sheet, list] of groupBy(changes, (c) => c.sheet)) paintCells(ws.get(sheet)!, list.map((c) => c.cell), RECALC_FILL);
    }, true);
    return entries;
  }

  protected async unwriteRecalc(entries: readonly RecalcEntry<WpsFill>[]): Promise<Unwritten> {
    return this.guard((sheets) => {
      const info = this.sheetInfo(sheets, entries.map((e) => e.sheet));
      const sheetsGone = [...info].filter(([, s]) => !s.ws).map(([name]) => name);
      const present = entries.filter((e) => !sheetsGone.includes(e.sheet));
      const ws = this.writable(new Map([...info].filter(([, s]) => s.ws)));
      const editedSince: string[] = [];
      const undone = present.filter((e) => {
        const range = ws.get(e.sheet)!.Range(e.cell);
        const f = get(range, 'Formula');
        const kept = !(typeof f === 'string' && f.startsWith('=')) && stillWritten(get(range, 'Value2'), e.written);
        if (!kept) editedSince.push(cellKey(e.sheet, e.cell));
        return kept;
      });
      for (const e of undone) {
        const range = ws.get(e.sheet)!.Range(e.cell);
        setVerified(range, 'NumberFormat', e.numFmt, (now) => normalizeFormat(now) === normalizeFormat(e.numFmt));
        if (e.formula !== null) setVerified(range, 'Formula', e.formula, (now) => sameFormula(now, e.formula!));
        else setVerified(range, 'Value2', constantToWrite(e.value, e.numFmt), (now) => sameConstant(now, e.value));
      }
      for (const [sheet, list] of groupBy(undone.filter((e) => e.fill !== null), (e) => e.sheet)) {
        restoreCells(ws.get(sheet)!, list.map((e) => ({ cell: e.cell, fill: e.fill! })));
      }
      return { editedSince, sheetsGone };
    }, true);
  }

  // ---- following the clerk's edits -----------------------------------------------------

  watchChanges(sheets: readonly string[], onChange: () => void): Promise<Unwatch | null> {
    return Promise.resolve(this.guard((_sheets, app) => watchSheets(app, sheets, onChange)));
  }

  // ---- 已说明 -----------------------------------------------------------------------------

  protected async writeAckRows(rows: readonly (readonly string[])[] | null): Promise<void> {
    this.guard((sheets, app) => writeAckSheet(app, sheets, rows), true);
  }
}

/** Formulas as WPS may hand them back: case and spacing aside. */
function sameFormula(now: unknown, formula: string): boolean {
  const norm = (f: string) => f.replace(/\s+/g, '').toUpperCase();
  return typeof now === 'string' && norm(now) === norm(formula);
}

/** The constant a cell holds again after undo (blank reads as empty; error texts come back as codes). */
function sameConstant(now: unknown, value: number | string | boolean | null): boolean {
  if (value === null) return now === null || now === undefined || now === '';
  const got = constantOf(now);
  return got === value || stillWritten(got, typeof value === 'boolean' ? String(value) : value);
}

function stateIn(info: SheetInfo): (sheet: string) => SheetState {
  return (sheet) => {
    const s = info.get(sheet);
    return !s?.ws ? 'missing' : s.protected ? 'protected' : 'writable';
  };
}

/** A cell's constant as we keep it for undo: error codes as their text (`#DIV/0!` types back in). */
function constantOf(v: unknown): number | string | boolean | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return COM_ERRORS.get(v) ?? v;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

