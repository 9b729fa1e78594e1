/// <reference types="office-js" />
/**
 * The Office.js adapter: SpreadsheetHost over Excel. Every method is one `Excel.run` with a
 * constant number of `context.sync()` round-trips (read: 2, paint: 2, clear: 2, select: 1,
 * recalc: 2, undo: 2), whatever the number of sheets, rows or findings.
 */
import type { WorkbookGrid } from '../../template/grid';
import { MSG, RECALC_FILL, cellKey, constantToWrite, groupBy, stillWritten, type MarkEntry, type MarkTarget, type RecalcEntry } from '../common';
import { cellWrite } from '../../core/recalc-plan';
import { HostError, type RecalcChange, type SnapshotStore } from '../types';
import { planPaint, SnapshotHost, type PaintPlan, type SheetState, type Unwritten } from '../snapshot-host';
import { globalExcelApi, probeCaps, runBatch, type ExcelApi, type ExcelCaps } from './api';
import { probeFill, queuePaint, queueRestore, type ExcelFill, type FillProbe } from './fill';
import { readWorkbookBatch } from './read';
import { writeAckSheet } from './ack-sheet';
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

type Located = { readonly sheet: string; readonly cell: string; readonly key: string };

/** Sheet name → protected, as loaded in the current batch. */
type SheetInfo = Map<string, boolean>;

export class ExcelHost extends SnapshotHost<ExcelFill> {
  readonly kind = 'excel' as const;
  readonly meter: SyncMeter;
  private readonly timeoutMs: number;
  private readonly api: ExcelApi;
  private capsCache: ExcelCaps | null = null;
  /** Sheet names seen by the last batch: lets paint and recalc probe cells in the first sync. */
  private knownSheets: Set<string> | null = null;

  constructor(opts: ExcelHostOptions = {}) {
    super('excel', opts.store ?? new OfficeSettingsStore());
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

  protected async read(): Promise<WorkbookGrid> {
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

  private queueRestores(ctx: Excel.RequestContext, entries: readonly MarkEntry<ExcelFill>[]): void {
    for (const [sheet, list] of groupBy(entries, (e) => e.sheet)) {
      queueRestore(
        ctx.workbook.worksheets.getItem(sheet),
        list.map((e) => ({ cell: e.cell, fill: e.original })),
        this.caps,
      );
    }
  }

  // ---- marks: two syncs (sheets + fills of new cells; restores + paints) -------------------

  protected paint(
    targets: readonly MarkTarget[],
    prev: readonly MarkEntry<ExcelFill>[],
    beforeWrite: (plan: PaintPlan<ExcelFill>) => Promise<void>,
  ): Promise<PaintPlan<ExcelFill>> {
    const marked = new Set(prev.map((e) => cellKey(e.sheet, e.cell)));
    const toProbe: Located[] = targets.map((t) => ({ sheet: t.sheet, cell: t.cell, key: cellKey(t.sheet, t.cell) })).filter((c) => !marked.has(c.key));
    return this.run(async (ctx, sync) => {
      const { info, probes } = await this.sheetsAndProbes<FillProbe>(ctx, sync, toProbe, (ws, cell) => probeFill(ws, cell, this.caps));
      const plan = planPaint(targets, prev, stateIn(info), (t) => probes.get(cellKey(t.sheet, t.cell))!.result());
      await beforeWrite(plan);
      this.queueRestores(ctx, plan.restores);
      for (const [sheet, list] of groupBy(plan.next, (e) => e.sheet)) {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        for (const [color, same] of groupBy(list, (e) => e.painted)) queuePaint(ws, same.map((e) => e.cell), color, this.caps);
      }
      if (plan.restores.length || plan.next.length) await sync();
      return plan;
    });
  }

  protected restore(marks: readonly MarkEntry<ExcelFill>[]): Promise<MarkEntry<ExcelFill>[]> {
    return this.run(async (ctx, sync) => {
      const { info } = await this.sheetsAndProbes(ctx, sync, [], () => null);
      const state = stateIn(info);
      const restores = marks.filter((e) => state(e.sheet) === 'writable');
      this.queueRestores(ctx, restores);
      if (restores.length) await sync();
      return marks.filter((e) => state(e.sheet) === 'protected');
    });
  }

  // ---- navigation -----------------------------------------------------------------------

  protected async select(sheet: string, cell: string): Promise<void> {
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

  // ---- 一键重算: two syncs each way ---------------------------------------------------------

  protected writeRecalc(
    changes: readonly RecalcChange[],
    marked: ReadonlySet<string>,
    beforeWrite: (entries: RecalcEntry<ExcelFill>[]) => Promise<void>,
  ): Promise<RecalcEntry<ExcelFill>[]> {
    const cells: Located[] = changes.map((c) => ({ sheet: c.sheet, cell: c.cell, key: cellKey(c.sheet, c.cell) }));
    return this.run(
      async (ctx, sync) => {
        const { info, probes } = await this.sheetsAndProbes(ctx, sync, cells, (ws, cell) => {
          const range = ws.getRange(cell);
          range.load('values,formulas,numberFormat');
          return { range, fill: probeFill(ws, cell, this.caps) };
        });
        assertWritable(changes.map((c) => c.sheet), info);
        const entries: RecalcEntry<ExcelFill>[] = cells.map((c, i) => {
          const p = probes.get(c.key)!;
          const f = p.range.formulas[0]?.[0];
          const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
          const v = p.range.values[0]?.[0];
          const numFmt = String(p.range.numberFormat[0]?.[0] ?? 'General');
          return {
            sheet: c.sheet,
            cell: c.cell,
            formula,
            value: formula !== null || v === '' || v === undefined ? null : (v as number | string | boolean),
            numFmt,
            fill: p.fill.result(),
            addedToMarks: !marked.has(c.key),
            written: cellWrite(changes[i]!, numFmt).value,
          };
        });
        await beforeWrite(entries);
        for (const e of entries) ctx.workbook.worksheets.getItem(e.sheet).getRange(e.cell).values = [[e.written]];
        for (const [sheet, list] of groupBy(changes, (c) => c.sheet)) {
          queuePaint(ctx.workbook.worksheets.getItem(sheet), list.map((c) => c.cell), RECALC_FILL, this.caps);
        }
        await sync();
        return entries;
      },
      { undoGroup: true },
    );
  }

  protected unwriteRecalc(entries: readonly RecalcEntry<ExcelFill>[]): Promise<Unwritten> {
    const cells: Located[] = entries.map((e) => ({ sheet: e.sheet, cell: e.cell, key: cellKey(e.sheet, e.cell) }));
    // After a pane reload nothing has been read yet: probe the snapshot's sheets in the first
    // sync anyway (a sheet gone since costs the ItemNotFound fallback), so undo stays 2 syncs.
    this.knownSheets ??= new Set(entries.map((e) => e.sheet));
    return this.run(
      async (ctx, sync) => {
        const { info, probes } = await this.sheetsAndProbes(ctx, sync, cells, (ws, cell) => ws.getRange(cell).load('values,formulas'));
        const sheetsGone = [...new Set(entries.map((e) => e.sheet))].filter((s) => !info.has(s));
        const present = entries.filter((e) => info.has(e.sheet));
        assertWritable(present.map((e) => e.sheet), info);
        const editedSince: string[] = [];
        const undone = present.filter((e) => {
          const now = probes.get(cellKey(e.sheet, e.cell))!;
          const f = now.formulas[0]?.[0];
          const kept = !(typeof f === 'string' && f.startsWith('=')) && stillWritten(now.values[0]?.[0], e.written);
          if (!kept) editedSince.push(cellKey(e.sheet, e.cell));
          return kept;
        });
        for (const e of undone) {
          const range = ctx.workbook.worksheets.getItem(e.sheet).getRange(e.cell);
          range.numberFormat = [[e.numFmt]];
          if (e.formula !== null) range.formulas = [[e.formula]];
          else range.values = [[constantToWrite(e.value, e.numFmt)]];
        }
        for (const [sheet, list] of groupBy(undone.filter((e) => e.fill !== null), (e) => e.sheet)) {
          queueRestore(ctx.workbook.worksheets.getItem(sheet), list.map((e) => ({ cell: e.cell, fill: e.fill! })), this.caps);
        }
        if (undone.length) await sync();
        return { editedSince, sheetsGone };
      },
      { undoGroup: true },
    );
  }

  // ---- 已说明: two syncs ----------------------------------------------------------------

  protected writeAckRows(rows: readonly (readonly string[])[] | null): Promise<void> {
    return this.run((ctx, sync) => writeAckSheet(ctx, sync, rows));
  }
}

function stateIn(info: SheetInfo): (sheet: string) => SheetState {
  return (sheet) => {
    const prot = info.get(sheet);
    return prot === undefined ? 'missing' : prot ? 'protected' : 'writable';
  };
}

function assertWritable(sheets: readonly string[], info: SheetInfo): void {
  for (const s of new Set(sheets)) {
    const prot = info.get(s);
    if (prot === undefined) throw new HostError('sheet-missing', MSG.missingSheet(s), undefined, undefined, s);
    if (prot) throw new HostError('protected-sheet', MSG.protectedWrite(s), undefined, undefined, s);
  }
}
