/// <reference types="office-js" />
/**
 * The Office.js adapter: SpreadsheetHost over Excel. Every method is one `Excel.run` with a
 * constant number of `context.sync()` round-trips (read: 2, paint: 2, clear: 2, select: 1,
 * recalc: 2, undo: 2), whatever the number of sheets, rows or findings.
 */
import type { Finding } from '../../core/finding';
import type { WorkbookGrid } from '../../template/grid';
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
import { globalExcelApi, probeCaps, runBatch, type ExcelApi, type ExcelCaps } from './api';
import { probeFill, queuePaint, queueRestore, type ExcelFill, type FillProbe } from './fill';
import { readWorkbookBatch } from './read';
import { OfficeSettingsStore } from './store';
import { DEFAULT_SYNC_TIMEOUT_MS, SyncMeter, isItemNotFound, timedSync, toHostError, type Sync } from './sync';

export interface ExcelHostOptions {
  /** Where the marks snapshot persists; default: the document's add-in settings. */
  readonly store?: SnapshotStore;
  /** Time limit of one `context.sync()`; default 30 s. */
  readonly syncTimeoutMs?: number;
  /** Counts the round-trips this adapter makes. */
  readonly meter?: SyncMeter;
  /** The Office.js surface; default: the globals `Excel` and `Office`. */
  readonly api?: ExcelApi;
}

const HOST = 'excel';

type Located = { readonly sheet: string; readonly cell: string; readonly key: string };

/** Sheet name → protected, as loaded in the current batch. */
type SheetInfo = Map<string, boolean>;

export class ExcelHost implements SpreadsheetHost {
  readonly kind = 'excel' as const;
  readonly meter: SyncMeter;
  private readonly store: SnapshotStore;
  private readonly timeoutMs: number;
  private readonly api: ExcelApi;
  private capsCache: ExcelCaps | null = null;
  /** The marks snapshot; null until read from the store. */
  private marks: MarkEntry<ExcelFill>[] | null = null;
  private readonly serial = new Serial();
  private recalc: RecalcEntry<ExcelFill>[] | null = null;
  /** Sheet names seen by the last batch: lets paint and recalc probe cells in the first sync. */
  private knownSheets: Set<string> | null = null;

  constructor(opts: ExcelHostOptions = {}) {
    this.store = opts.store ?? new OfficeSettingsStore();
    this.timeoutMs = opts.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
    this.meter = opts.meter ?? new SyncMeter();
    this.api = opts.api ?? globalExcelApi();
  }

  private get caps(): ExcelCaps {
    return (this.capsCache ??= probeCaps(this.api));
  }

  private async run<T>(body: (ctx: Excel.RequestContext, sync: Sync) => Promise<T>, opts: { undoGroup?: boolean } = {}): Promise<T> {
    try {
      return await runBatch(this.api, this.caps, (ctx) => body(ctx, timedSync(ctx, this.timeoutMs, this.meter)), opts);
    } catch (e) {
      throw toHostError(e);
    }
  }

  // ---- reading --------------------------------------------------------------------------

  readWorkbook(): Promise<WorkbookGrid> {
    return this.serial.run(() => this.readWorkbookNow());
  }

  private async readWorkbookNow(): Promise<WorkbookGrid> {
    const grid = await this.run((ctx, sync) => readWorkbookBatch(ctx, sync, this.caps));
    this.knownSheets = new Set(grid.sheets.map((s) => s.name));
    return grid;
  }

  /**
   * Loads every sheet's name and protection and, in the same sync, queues `probe` for each
   * cell on a sheet believed to exist. If a sheet vanished since (ItemNotFound), or none is
   * known yet, it costs one more sync.
   */
  private async sheetsAndProbes<P>(
    ctx: Excel.RequestContext,
    sync: Sync,
    cells: readonly Located[],
    probe: (ws: Excel.Worksheet, cell: string) => P,
  ): Promise<{ info: SheetInfo; probes: Map<string, P> }> {
    const loadSheets = () => {
      const coll = ctx.workbook.worksheets;
      coll.load('items/name,items/protection/protected');
      return coll;
    };
    const queue = (exists: (sheet: string) => boolean) => {
      const probes = new Map<string, P>();
      for (const c of cells) {
        if (exists(c.sheet) && !probes.has(c.key)) probes.set(c.key, probe(ctx.workbook.worksheets.getItem(c.sheet), c.cell));
      }
      return probes;
    };
    const infoOf = (coll: Excel.WorksheetCollection): SheetInfo => {
      const info: SheetInfo = new Map(coll.items.map((ws) => [ws.name, ws.protection.protected]));
      this.knownSheets = new Set(info.keys());
      return info;
    };
    const known = this.knownSheets;
    if (known) {
      const coll = loadSheets();
      const probes = queue((s) => known.has(s));
      try {
        await sync();
        const info = infoOf(coll);
        // A sheet added since the read: probe its cells too (one more sync, rare).
        const late = cells.filter((c) => info.has(c.sheet) && !probes.has(c.key));
        if (late.length) {
          for (const c of late) if (!probes.has(c.key)) probes.set(c.key, probe(ctx.workbook.worksheets.getItem(c.sheet), c.cell));
          await sync();
        }
        return { info, probes };
      } catch (e) {
        if (!isItemNotFound(e)) throw e;
      }
    }
    const coll = loadSheets();
    await sync();
    const info = infoOf(coll);
    const probes = queue((s) => info.has(s));
    if (probes.size) await sync();
    return { info, probes };
  }

  // ---- marks ----------------------------------------------------------------------------

  private async loadMarks(): Promise<MarkEntry<ExcelFill>[]> {
    if (this.marks === null) this.marks = parseMarks<ExcelFill>(HOST, await this.store.get(MARKS_KEY));
    return this.marks;
  }

  private async saveMarks(entries: MarkEntry<ExcelFill>[]): Promise<void> {
    this.marks = entries;
    if (entries.length) await this.store.set(MARKS_KEY, serializeMarks(HOST, entries));
    else await this.store.remove(MARKS_KEY);
  }

  /** After a paint or clear, fills are the marks snapshot's business again, not 撤销重算's. */
  private releaseRecalcFills(): void {
    for (const e of this.recalc ?? []) {
      e.fill = null;
      e.addedToMarks = false;
    }
  }

  private queueRestores(ctx: Excel.RequestContext, entries: readonly MarkEntry<ExcelFill>[]): void {
    for (const [sheet, list] of groupBy(entries, (e) => e.sheet)) {
      queueRestore(
        ctx.workbook.worksheets.getItem(sheet),
        list.map((e) => ({ cell: e.cell, fill: e.original })),
        this.caps,
      );
    }
  }

  paintFindings(findings: readonly Finding[]): Promise<PaintResult> {
    return this.serial.run(() => this.paintFindingsNow(findings));
  }

  private async paintFindingsNow(findings: readonly Finding[]): Promise<PaintResult> {
    const targets = markTargets(findings);
    const prev = await this.loadMarks();
    const prevByKey = new Map(prev.map((e) => [cellKey(e.sheet, e.cell), e]));
    const cells: Located[] = targets.map((t) => ({ sheet: t.sheet, cell: t.cell, key: cellKey(t.sheet, t.cell) }));
    const toProbe = cells.filter((c) => !prevByKey.has(c.key));

    const result = await this.run(async (ctx, sync) => {
      const { info, probes } = await this.sheetsAndProbes<FillProbe>(ctx, sync, toProbe, (ws, cell) => probeFill(ws, cell, this.caps));
      const protectedSheets = new Set<string>();
      const missingSheets = new Set<string>();
      const next: MarkEntry<ExcelFill>[] = [];
      for (const t of targets) {
        const prot = info.get(t.sheet);
        if (prot === undefined) missingSheets.add(t.sheet);
        else if (prot) protectedSheets.add(t.sheet);
        else {
          const key = cellKey(t.sheet, t.cell);
          const original = prevByKey.get(key)?.original ?? probes.get(key)!.result();
          next.push({ sheet: t.sheet, cell: t.cell, painted: t.color, original });
        }
      }
      const nextKeys = new Set(next.map((e) => cellKey(e.sheet, e.cell)));
      const restores: MarkEntry<ExcelFill>[] = [];
      const kept: MarkEntry<ExcelFill>[] = [];
      for (const e of prev) {
        if (nextKeys.has(cellKey(e.sheet, e.cell))) continue;
        const prot = info.get(e.sheet);
        if (prot === undefined) continue; // the sheet is gone, and its cells with it
        if (prot) kept.push(e);
        else restores.push(e);
      }
      // Persist the union before writing: whatever happens to the writes, every cell that may
      // carry our colour has its original on record.
      const union = [...prev, ...next.filter((e) => !prevByKey.has(cellKey(e.sheet, e.cell)))];
      await this.saveMarks(union);

      this.queueRestores(ctx, restores);
      for (const [sheet, list] of groupBy(next, (e) => e.sheet)) {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        for (const [color, same] of groupBy(list, (e) => e.painted)) queuePaint(ws, same.map((e) => e.cell), color, this.caps);
      }
      if (restores.length || next.length) await sync();
      await this.saveMarks([...next, ...kept]);
      const messages = [...[...protectedSheets].map(MSG.protectedSkipped), ...[...missingSheets].map(MSG.missingSkipped)];
      return {
        painted: next.length,
        restored: restores.length,
        protectedSheets: [...protectedSheets],
        missingSheets: [...missingSheets],
        messages,
      };
    });
    this.releaseRecalcFills();
    return result;
  }

  clearMarks(): Promise<void> {
    return this.serial.run(() => this.clearMarksNow());
  }

  private async clearMarksNow(): Promise<void> {
    const prev = await this.loadMarks();
    if (!prev.length) return;
    const kept = await this.run(async (ctx, sync) => {
      const { info } = await this.sheetsAndProbes(ctx, sync, [], () => null);
      const restores = prev.filter((e) => info.get(e.sheet) === false);
      const kept = prev.filter((e) => info.get(e.sheet) === true);
      this.queueRestores(ctx, restores);
      if (restores.length) await sync();
      return kept;
    });
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
    await this.run(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      try {
        await sync();
      } catch (e) {
        if (isItemNotFound(e)) throw new HostError('sheet-missing', MSG.missingSheet(sheet), 'ItemNotFound', String((e as Error).message), sheet);
        throw e;
      }
    });
  }

  // ---- 一键重算 ---------------------------------------------------------------------------

  canUndoRecalc(): boolean {
    return this.recalc !== null && this.recalc.length > 0;
  }

  applyRecalc(changes: readonly RecalcChange[]): Promise<void> {
    return this.serial.run(() => this.applyRecalcNow(changes));
  }

  private async applyRecalcNow(changes: readonly RecalcChange[]): Promise<void> {
    if (!changes.length) return;
    const marks = await this.loadMarks();
    const marked = new Set(marks.map((e) => cellKey(e.sheet, e.cell)));
    const cells: Located[] = changes.map((c) => ({ sheet: c.sheet, cell: c.cell, key: cellKey(c.sheet, c.cell) }));
    const entries = await this.run(
      async (ctx, sync) => {
        const { info, probes } = await this.sheetsAndProbes(ctx, sync, cells, (ws, cell) => {
          const range = ws.getRange(cell);
          range.load('values,formulas,numberFormat');
          return { range, fill: probeFill(ws, cell, this.caps) };
        });
        assertWritable(changes.map((c) => c.sheet), info);
        const entries: RecalcEntry<ExcelFill>[] = cells.map((c) => {
          const p = probes.get(c.key)!;
          const f = p.range.formulas[0]?.[0];
          const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
          const v = p.range.values[0]?.[0];
          return {
            sheet: c.sheet,
            cell: c.cell,
            formula,
            value: formula !== null || v === '' || v === undefined ? null : (v as number | string | boolean),
            numFmt: String(p.range.numberFormat[0]?.[0] ?? 'General'),
            fill: p.fill.result(),
            addedToMarks: !marked.has(c.key),
          };
        });
        const added = entries
          .filter((e) => e.addedToMarks)
          .map((e): MarkEntry<ExcelFill> => ({ sheet: e.sheet, cell: e.cell, painted: RECALC_FILL, original: e.fill! }));
        if (added.length) await this.saveMarks([...marks, ...added]);

        changes.forEach((c, i) => {
          const w = cellWrite(c, entries[i]!.numFmt);
          ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell).values = [[w.value]];
        });
        for (const [sheet, list] of groupBy(changes, (c) => c.sheet)) {
          queuePaint(ctx.workbook.worksheets.getItem(sheet), list.map((c) => c.cell), RECALC_FILL, this.caps);
        }
        await sync();
        return entries;
      },
      { undoGroup: true },
    );
    this.recalc = entries;
  }

  undoRecalc(): Promise<void> {
    return this.serial.run(() => this.undoRecalcNow());
  }

  private async undoRecalcNow(): Promise<void> {
    const entries = this.recalc;
    if (!entries || !entries.length) throw new HostError('nothing-to-undo', MSG.nothingToUndo());
    await this.run(
      async (ctx, sync) => {
        const { info } = await this.sheetsAndProbes(ctx, sync, [], () => null);
        assertWritable(entries.map((e) => e.sheet), info);
        for (const e of entries) {
          const range = ctx.workbook.worksheets.getItem(e.sheet).getRange(e.cell);
          range.numberFormat = [[e.numFmt]];
          if (e.formula !== null) range.formulas = [[e.formula]];
          else range.values = [[constantToWrite(e.value, e.numFmt)]];
        }
        for (const [sheet, list] of groupBy(entries.filter((e) => e.fill !== null), (e) => e.sheet)) {
          queueRestore(ctx.workbook.worksheets.getItem(sheet), list.map((e) => ({ cell: e.cell, fill: e.fill! })), this.caps);
        }
        await sync();
      },
      { undoGroup: true },
    );
    const added = new Set(entries.filter((e) => e.addedToMarks).map((e) => cellKey(e.sheet, e.cell)));
    if (added.size) {
      const marks = await this.loadMarks();
      await this.saveMarks(marks.filter((m) => !added.has(cellKey(m.sheet, m.cell))));
    }
    this.recalc = null;
  }
}

function assertWritable(sheets: readonly string[], info: SheetInfo): void {
  for (const s of new Set(sheets)) {
    const prot = info.get(s);
    if (prot === undefined) throw new HostError('sheet-missing', MSG.missingSheet(s), undefined, undefined, s);
    if (prot) throw new HostError('protected-sheet', MSG.protectedWrite(s), undefined, undefined, s);
  }
}
