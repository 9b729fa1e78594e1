/// <reference types="office-js" />
/**
 * The Office.js adapter: SpreadsheetHost over Excel. Every method is one `Excel.run` with a
 * small, constant number of `context.sync()` round-trips whatever the number of findings
 * (read: 3 up to the chunk size, then one more per chunk of rows; paint: 2, or 3 when earlier
 * marks are to be taken off; clear: 3; select: 1; recalc: 2; undo: 2, or 3 with its green).
 * Marks are conditional formats above the cells' own formats (see marks.ts).
 */
import type { WorkbookGrid } from '../../grid/grid';
import { MSG } from '../messages';
import { OUTLINE_BORDER, OUTLINE_FILL, RECALC_FILL, type MarkEntry, type MarkTarget } from '../marks';
import { cellKey } from '../../grid/grid';
import { constantToWrite, stillWritten, type RecalcEntry } from '../snapshots';
import { groupBy } from '../addresses';
import { cellWrite } from '../../core/recalc-plan';
import { HostError, type RecalcChange, type SnapshotStore, type Unwatch } from '../types';
import { planPaint, SnapshotHost, type PaintPlan, type SheetState, type Unwritten } from '../snapshot-host';
import { capLimitations, globalExcelApi, probeCaps, runBatch, type ExcelApi, type ExcelCaps } from './api';
import { LAYER, MARK_FORMULA, RECALC_FORMULA, isRecalcLayer, oursAmong, queueLayer, queueOutline, queueSheetFormats, type ExcelMark } from './marks';
import { readWorkbookBatch, type ReadStats } from './read';
import { writeAckSheet } from './ack-sheet';
import { watchSheets } from './watch';
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

export class ExcelHost extends SnapshotHost<ExcelMark> {
  readonly kind = 'excel' as const;
  readonly meter: SyncMeter;
  private readonly timeoutMs: number;
  private readonly api: ExcelApi;
  private capsCache: ExcelCaps | null = null;
  /** Sheet names seen by the last batch: lets paint and recalc probe cells in the first sync. */
  private knownSheets: Set<string> | null = null;
  /** Chunks and payloads of the last read (for the benchmark). */
  lastRead: ReadStats | null = null;

  constructor(opts: ExcelHostOptions = {}) {
    // 'excel.cf': marks are conditional formats; a snapshot of another kind is never taken for ours.
    super('excel.cf', opts.store ?? new OfficeSettingsStore());
    this.timeoutMs = opts.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
    this.meter = opts.meter ?? new SyncMeter();
    this.api = opts.api ?? globalExcelApi();
  }

  private get caps(): ExcelCaps {
    return (this.capsCache ??= probeCaps(this.api));
  }

  override limitations(): Promise<readonly string[]> {
    return Promise.resolve(capLimitations(this.caps));
  }

  private async run<T>(body: (ctx: Excel.RequestContext, sync: Sync) => Promise<T>, opts: { undoGroup?: boolean } = {}): Promise<T> {
    try {
      return await runBatch(this.api, this.caps, (ctx) => body(ctx, timedSync(ctx, this.timeoutMs, this.meter)), opts);
    } catch (e) {
      throw toHostError(e);
    }
  }

  protected async read(): Promise<WorkbookGrid> {
    const { grid, stats } = await this.run((ctx, sync) => readWorkbookBatch(ctx, sync, this.caps));
    this.lastRead = stats;
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
      coll.load(this.caps.protection ? 'items/name,items/protection/protected' : 'items/name');
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
      const info: SheetInfo = new Map(coll.items.map((ws) => [ws.name, this.caps.protection ? ws.protection.protected : false]));
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

  /** Sheets as pseudo-cells, to load their conditional formats alongside the sheet list. */
  private static sheetsOf(entries: ReadonlyArray<{ readonly sheet: string }>): Located[] {
    return [...new Set(entries.map((e) => e.sheet))].map((sheet) => ({ sheet, cell: '', key: sheet }));
  }

  // ---- marks: conditional formats ----------------------------------------------------------

  protected paint(
    targets: readonly MarkTarget[],
    prev: readonly MarkEntry<ExcelMark>[],
    beforeWrite: (plan: PaintPlan<ExcelMark>) => Promise<void>,
  ): Promise<PaintPlan<ExcelMark>> {
    return this.run(async (ctx, sync) => {
      // Below ExcelApi 1.6 there is no way to colour a cell and give it back exactly: list only.
      const layered = this.caps.conditionalFormats;
      const { info, probes } = await this.sheetsAndProbes(ctx, sync, layered ? ExcelHost.sheetsOf(prev) : [], (ws) => queueSheetFormats(ws));
      const state = stateIn(info);
      const plan = planPaint(layered ? targets : [], prev, state, () => LAYER);
      if (!layered) return { ...plan, notes: targets.length ? [capLimitations(this.caps)[0]!] : [] };
      const writable = new Map([...probes].filter(([sheet]) => state(sheet) === 'writable'));
      const old = await oursAmong(sync, writable);
      await beforeWrite(plan);
      // Earlier marks on writable sheets all go (also those a finding still needs: re-added in
      // its current colour); marks on protected sheets stay, as the plan keeps them on record.
      for (const f of old) f.format.delete();
      for (const [sheet, list] of groupBy(plan.next, (e) => e.sheet)) {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        for (const [color, same] of groupBy(list, (e) => e.painted)) {
          // The outline of a selected finding's inputs is dashed borders, not a fill.
          if (color === OUTLINE_FILL) queueOutline(ws, same.map((e) => e.cell), OUTLINE_BORDER, this.caps);
          else queueLayer(ws, same.map((e) => e.cell), color, color === RECALC_FILL ? RECALC_FORMULA : MARK_FORMULA, this.caps);
        }
      }
      if (old.length || plan.next.length) await sync();
      return plan;
    });
  }

  protected restore(marks: readonly MarkEntry<ExcelMark>[]): Promise<MarkEntry<ExcelMark>[]> {
    return this.run(async (ctx, sync) => {
      const layered = this.caps.conditionalFormats;
      const { info, probes } = await this.sheetsAndProbes(ctx, sync, layered ? ExcelHost.sheetsOf(marks) : [], (ws) => queueSheetFormats(ws));
      const state = stateIn(info);
      const writable = new Map([...probes].filter(([sheet]) => state(sheet) === 'writable'));
      const ours = await oursAmong(sync, writable);
      for (const f of ours) f.format.delete();
      if (ours.length) await sync();
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

  // ---- 一键重算: two syncs to write, two or three to undo -----------------------------------

  protected writeRecalc(
    changes: readonly RecalcChange[],
    marked: ReadonlySet<string>,
    beforeWrite: (entries: RecalcEntry<ExcelMark>[]) => Promise<void>,
  ): Promise<RecalcEntry<ExcelMark>[]> {
    const cells: Located[] = changes.map((c) => ({ sheet: c.sheet, cell: c.cell, key: cellKey(c.sheet, c.cell) }));
    const layered = this.caps.conditionalFormats;
    return this.run(
      async (ctx, sync) => {
        const { info, probes } = await this.sheetsAndProbes(ctx, sync, cells, (ws, cell) => ws.getRange(cell).load('values,formulas,numberFormat'));
        assertWritable(changes.map((c) => c.sheet), info);
        const entries: RecalcEntry<ExcelMark>[] = cells.map((c, i) => {
          const p = probes.get(c.key)!;
          const f = p.formulas[0]?.[0];
          const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
          const v = p.values[0]?.[0];
          const numFmt = String(p.numberFormat[0]?.[0] ?? 'General');
          return {
            sheet: c.sheet,
            cell: c.cell,
            formula,
            value: formula !== null || v === '' || v === undefined ? null : (v as number | string | boolean),
            numFmt,
            // The green is a layer of its own (one format per cell), so undo can take off exactly it.
            fill: layered ? LAYER : null,
            addedToMarks: layered && !marked.has(c.key),
            written: cellWrite(changes[i]!, numFmt).value,
          };
        });
        await beforeWrite(entries);
        for (const e of entries) ctx.workbook.worksheets.getItem(e.sheet).getRange(e.cell).values = [[e.written]];
        if (layered) {
          for (const e of entries) queueLayer(ctx.workbook.worksheets.getItem(e.sheet), [e.cell], RECALC_FILL, RECALC_FORMULA, this.caps);
        }
        await sync();
        return entries;
      },
      { undoGroup: true },
    );
  }

  protected unwriteRecalc(entries: readonly RecalcEntry<ExcelMark>[]): Promise<Unwritten> {
    const cells: Located[] = entries.map((e) => ({ sheet: e.sheet, cell: e.cell, key: cellKey(e.sheet, e.cell) }));
    // After a pane reload nothing has been read yet: probe the snapshot's sheets in the first
    // sync anyway (a sheet gone since costs the ItemNotFound fallback), so undo stays 2 syncs.
    this.knownSheets ??= new Set(entries.map((e) => e.sheet));
    const greens = ExcelHost.sheetsOf(entries.filter((e) => e.fill !== null)).map((s) => ({ ...s, key: `\u0000${s.sheet}` }));
    return this.run(
      async (ctx, sync) => {
        const { info, probes } = await this.sheetsAndProbes<Excel.Range | Excel.ConditionalFormatCollection>(ctx, sync, [...cells, ...greens], (ws, cell) =>
          cell === '' ? queueSheetFormats(ws) : ws.getRange(cell).load('values,formulas'),
        );
        const sheetsGone = [...new Set(entries.map((e) => e.sheet))].filter((s) => !info.has(s));
        const present = entries.filter((e) => info.has(e.sheet));
        assertWritable(present.map((e) => e.sheet), info);
        const editedSince: string[] = [];
        const undone = present.filter((e) => {
          const now = probes.get(cellKey(e.sheet, e.cell)) as Excel.Range;
          const f = now.formulas[0]?.[0];
          const kept = !(typeof f === 'string' && f.startsWith('=')) && stillWritten(now.values[0]?.[0], e.written);
          if (!kept) editedSince.push(cellKey(e.sheet, e.cell));
          return kept;
        });
        // The green formats on the undone cells whose green is still ours to take off.
        const unpaint = new Set(undone.filter((e) => e.fill !== null).map((e) => cellKey(e.sheet, e.cell)));
        const collections = new Map<string, Excel.ConditionalFormatCollection>();
        for (const g of greens) {
          const coll = probes.get(g.key);
          if (coll && info.has(g.sheet)) collections.set(g.sheet, coll as Excel.ConditionalFormatCollection);
        }
        const found = unpaint.size ? await oursAmong(sync, collections, true) : [];
        for (const e of undone) {
          const range = ctx.workbook.worksheets.getItem(e.sheet).getRange(e.cell);
          range.numberFormat = [[e.numFmt]];
          if (e.formula !== null) range.formulas = [[e.formula]];
          else range.values = [[constantToWrite(e.value, e.numFmt)]];
        }
        for (const f of found) {
          if (isRecalcLayer(f.formula) && f.address !== null && unpaint.has(cellKey(f.sheet, addressCell(f.address)))) f.format.delete();
        }
        if (undone.length) await sync();
        return { editedSince, sheetsGone };
      },
      { undoGroup: true },
    );
  }

  // ---- following the clerk's edits: Worksheet.onChanged (ExcelApi 1.7) -------------------

  watchChanges(sheets: readonly string[], onChange: () => void): Promise<Unwatch | null> {
    if (!this.api.isSetSupported('1.7')) return Promise.resolve(null);
    return this.run((ctx, sync) => watchSheets(this.api, ctx, sync, sheets, onChange));
  }

  // ---- 已说明: two syncs ----------------------------------------------------------------

  protected writeAckRows(rows: readonly (readonly string[])[] | null): Promise<void> {
    return this.run((ctx, sync) => writeAckSheet(ctx, sync, rows, this.caps));
  }
}

/** `'附件3'!$H$9` → `H9`. */
function addressCell(address: string): string {
  const i = address.lastIndexOf('!');
  return (i >= 0 ? address.slice(i + 1) : address).replace(/\$/g, '').toUpperCase();
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
