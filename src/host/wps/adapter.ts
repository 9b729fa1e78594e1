/**
 * The WPS Spreadsheets adapter: SpreadsheetHost over the synchronous ET JSAPI. Same
 * behaviour as the Excel adapter (src/host/excel): bulk reads, exact fill restore with a
 * persisted snapshot, protected sheets skipped, recalc with its own undo snapshot.
 */
import type { Finding } from '../../core/finding';
import type { WorkbookGrid } from '../../template/grid';
import { parseA1 } from '../../template/grid';
import {
  MARKS_KEY,
  MSG,
  RECALC_FILL,
  cellKey,
  constantToWrite,
  groupBy,
  markTargets,
  parseMarks,
  Serial,
  serializeMarks,
  type MarkEntry,
  type RecalcEntry,
  throwIfMarksKept,
} from '../common';
import { cellWrite } from '../../core/recalc-plan';
import { HostError, type PaintResult, type RecalcChange, type SnapshotStore, type SpreadsheetHost } from '../types';
import { paintCells, restoreCells, snapshotInterior, type WpsFill } from './fill';
import {
  COM_ERRORS,
  findSheet,
  get,
  globalWpsApplication,
  set,
  sheetCount,
  sheetName,
  worksheetsOf,
  type WpsApplication,
  type WpsInterior,
  type WpsWindow,
  type WpsWorksheet,
  type WpsWorksheets,
} from './om';
import { normalizeFormat, readSheet } from './read';
import { HiddenSheetStore, STORE_SHEET } from './store';

export interface WpsHostOptions {
  /** The ET Application; default: `wps.EtApplication()` or the global `Application`. */
  readonly app?: () => WpsApplication;
  /** Where the marks snapshot persists; default: a very hidden sheet in the workbook. */
  readonly store?: SnapshotStore;
}

const HOST = 'wps';

export class WpsHost implements SpreadsheetHost {
  readonly kind = 'wps' as const;
  private readonly app: () => WpsApplication;
  private readonly store: SnapshotStore;
  private marks: MarkEntry<WpsFill>[] | null = null;
  private readonly serial = new Serial();
  private recalc: RecalcEntry<WpsFill>[] | null = null;

  constructor(opts: WpsHostOptions = {}) {
    this.app =
      opts.app ??
      (() => {
        const app = globalWpsApplication();
        if (!app) throw new HostError('no-workbook', MSG.noWorkbook());
        return app;
      });
    this.store = opts.store ?? new HiddenSheetStore(this.app);
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

  // ---- reading --------------------------------------------------------------------------

  readWorkbook(): Promise<WorkbookGrid> {
    return this.serial.run(() => this.readWorkbookNow());
  }

  private async readWorkbookNow(): Promise<WorkbookGrid> {
    return this.guard((sheets) => {
      const out = [];
      for (let i = 1; i <= sheetCount(sheets); i++) {
        const ws = sheets.Item(i);
        const name = sheetName(ws);
        if (name === STORE_SHEET) continue;
        out.push(readSheet(ws, name));
      }
      return { sheets: out };
    });
  }

  // ---- marks ----------------------------------------------------------------------------

  private async loadMarks(): Promise<MarkEntry<WpsFill>[]> {
    if (this.marks === null) this.marks = parseMarks<WpsFill>(HOST, await this.store.get(MARKS_KEY));
    return this.marks;
  }

  private async saveMarks(entries: MarkEntry<WpsFill>[]): Promise<void> {
    this.marks = entries;
    if (entries.length) await this.store.set(MARKS_KEY, serializeMarks(HOST, entries));
    else await this.store.remove(MARKS_KEY);
  }

  private releaseRecalcFills(): void {
    for (const e of this.recalc ?? []) {
      e.fill = null;
      e.addedToMarks = false;
    }
  }

  /** Sheet name → worksheet (null when missing) and whether it is protected. */
  private sheetInfo(sheets: WpsWorksheets, names: Iterable<string>): Map<string, { ws: WpsWorksheet | null; protected: boolean }> {
    const info = new Map<string, { ws: WpsWorksheet | null; protected: boolean }>();
    for (const n of names) {
      if (info.has(n)) continue;
      const ws = findSheet(sheets, n);
      info.set(n, { ws, protected: ws ? !!get(ws, 'ProtectContents') : false });
    }
    return info;
  }

  paintFindings(findings: readonly Finding[]): Promise<PaintResult> {
    return this.serial.run(() => this.paintFindingsNow(findings));
  }

  private async paintFindingsNow(findings: readonly Finding[]): Promise<PaintResult> {
    const targets = markTargets(findings);
    const prev = await this.loadMarks();
    const prevByKey = new Map(prev.map((e) => [cellKey(e.sheet, e.cell), e]));
    const plan = this.guard((sheets) => {
      const info = this.sheetInfo(sheets, [...targets.map((t) => t.sheet), ...prev.map((e) => e.sheet)]);
      const protectedSheets = new Set<string>();
      const missingSheets = new Set<string>();
      const next: MarkEntry<WpsFill>[] = [];
      for (const t of targets) {
        const s = info.get(t.sheet)!;
        if (!s.ws) missingSheets.add(t.sheet);
        else if (s.protected) protectedSheets.add(t.sheet);
        else {
          const original = prevByKey.get(cellKey(t.sheet, t.cell))?.original ?? snapshotInterior(get<WpsInterior>(s.ws.Range(t.cell), 'Interior'));
          next.push({ sheet: t.sheet, cell: t.cell, painted: t.color, original });
        }
      }
      const nextKeys = new Set(next.map((e) => cellKey(e.sheet, e.cell)));
      const restores: MarkEntry<WpsFill>[] = [];
      const kept: MarkEntry<WpsFill>[] = [];
      for (const e of prev) {
        if (nextKeys.has(cellKey(e.sheet, e.cell))) continue;
        const s = info.get(e.sheet)!;
        if (!s.ws) continue;
        if (s.protected) kept.push(e);
        else restores.push(e);
      }
      return { info, next, restores, kept, protectedSheets, missingSheets };
    });
    await this.saveMarks([...prev, ...plan.next.filter((e) => !prevByKey.has(cellKey(e.sheet, e.cell)))]);
    this.guard(() => {
      for (const [sheet, list] of groupBy(plan.restores, (e) => e.sheet)) {
        restoreCells(plan.info.get(sheet)!.ws!, list.map((e) => ({ cell: e.cell, fill: e.original })));
      }
      for (const [sheet, list] of groupBy(plan.next, (e) => e.sheet)) {
        for (const [color, same] of groupBy(list, (e) => e.painted)) paintCells(plan.info.get(sheet)!.ws!, same.map((e) => e.cell), color);
      }
    }, true);
    await this.saveMarks([...plan.next, ...plan.kept]);
    this.releaseRecalcFills();
    return {
      painted: plan.next.length,
      restored: plan.restores.length,
      protectedSheets: [...plan.protectedSheets],
      missingSheets: [...plan.missingSheets],
      messages: [...[...plan.protectedSheets].map(MSG.protectedSkipped), ...[...plan.missingSheets].map(MSG.missingSkipped)],
    };
  }

  clearMarks(): Promise<void> {
    return this.serial.run(() => this.clearMarksNow());
  }

  private async clearMarksNow(): Promise<void> {
    const prev = await this.loadMarks();
    if (!prev.length) return;
    const kept = this.guard((sheets) => {
      const info = this.sheetInfo(sheets, prev.map((e) => e.sheet));
      const kept: MarkEntry<WpsFill>[] = [];
      for (const [sheet, list] of groupBy(prev, (e) => e.sheet)) {
        const s = info.get(sheet)!;
        if (!s.ws) continue;
        if (s.protected) kept.push(...list);
        else restoreCells(s.ws, list.map((e) => ({ cell: e.cell, fill: e.original })));
      }
      return kept;
    }, true);
    await this.saveMarks(kept);
    this.releaseRecalcFills();
    throwIfMarksKept(kept);
  }

  hasMarks(): Promise<boolean> {
    return this.serial.run(() => this.hasMarksNow());
  }

  private async hasMarksNow(): Promise<boolean> {
    return (await this.loadMarks()).length > 0;
  }

  // ---- navigation -----------------------------------------------------------------------

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.serial.run(() => this.selectCellNow(sheet, cell));
  }

  private async selectCellNow(sheet: string, cell: string): Promise<void> {
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

  canUndoRecalc(): boolean {
    return this.recalc !== null && this.recalc.length > 0;
  }

  private writableSheets(sheets: WpsWorksheets, names: readonly string[]): Map<string, WpsWorksheet> {
    const out = new Map<string, WpsWorksheet>();
    for (const [name, s] of this.sheetInfo(sheets, names)) {
      if (!s.ws) throw new HostError('sheet-missing', MSG.missingSheet(name), undefined, undefined, name);
      if (s.protected) throw new HostError('protected-sheet', MSG.protectedWrite(name), undefined, undefined, name);
      out.set(name, s.ws);
    }
    return out;
  }

  applyRecalc(changes: readonly RecalcChange[]): Promise<void> {
    return this.serial.run(() => this.applyRecalcNow(changes));
  }

  private async applyRecalcNow(changes: readonly RecalcChange[]): Promise<void> {
    if (!changes.length) return;
    const marks = await this.loadMarks();
    const marked = new Set(marks.map((e) => cellKey(e.sheet, e.cell)));
    const { entries, ws } = this.guard((sheets) => {
      const ws = this.writableSheets(sheets, changes.map((c) => c.sheet));
      const entries = changes.map((c): RecalcEntry<WpsFill> => {
        const range = ws.get(c.sheet)!.Range(c.cell);
        const f = get(range, 'Formula');
        const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
        const v = get(range, 'Value2');
        return {
          sheet: c.sheet,
          cell: c.cell,
          formula,
          value: formula !== null ? null : constantOf(v),
          numFmt: normalizeFormat(get(range, 'NumberFormat')),
          fill: snapshotInterior(get<WpsInterior>(range, 'Interior')),
          addedToMarks: !marked.has(cellKey(c.sheet, c.cell)),
        };
      });
      return { entries, ws };
    });
    const added = entries
      .filter((e) => e.addedToMarks)
      .map((e): MarkEntry<WpsFill> => ({ sheet: e.sheet, cell: e.cell, painted: RECALC_FILL, original: e.fill! }));
    if (added.length) await this.saveMarks([...marks, ...added]);
    this.guard(() => {
      changes.forEach((c, i) => set(ws.get(c.sheet)!.Range(c.cell), 'Value2', cellWrite(c, entries[i]!.numFmt).value));
      for (const [sheet, list] of groupBy(changes, (c) => c.sheet)) paintCells(ws.get(sheet)!, list.map((c) => c.cell), RECALC_FILL);
    }, true);
    this.recalc = entries;
  }

  undoRecalc(): Promise<void> {
    return this.serial.run(() => this.undoRecalcNow());
  }

  private async undoRecalcNow(): Promise<void> {
    const entries = this.recalc;
    if (!entries || !entries.length) throw new HostError('nothing-to-undo', MSG.nothingToUndo());
    this.guard((sheets) => {
      const ws = this.writableSheets(sheets, entries.map((e) => e.sheet));
      for (const e of entries) {
        const range = ws.get(e.sheet)!.Range(e.cell);
        set(range, 'NumberFormat', e.numFmt);
        if (e.formula !== null) set(range, 'Formula', e.formula);
        else set(range, 'Value2', constantToWrite(e.value, e.numFmt));
      }
      for (const [sheet, list] of groupBy(entries.filter((e) => e.fill !== null), (e) => e.sheet)) {
        restoreCells(ws.get(sheet)!, list.map((e) => ({ cell: e.cell, fill: e.fill! })));
      }
    }, true);
    const added = new Set(entries.filter((e) => e.addedToMarks).map((e) => cellKey(e.sheet, e.cell)));
    if (added.size) {
      const marks = await this.loadMarks();
      await this.saveMarks(marks.filter((m) => !added.has(cellKey(m.sheet, m.cell))));
    }
    this.recalc = null;
  }
}

/** A cell's constant as we keep it for undo: error codes as their text (`#DIV/0!` types back in). */
function constantOf(v: unknown): number | string | boolean | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return COM_ERRORS.get(v) ?? v;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

