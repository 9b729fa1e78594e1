/// <reference types="office-js" />
/**
 * Reading the workbook in few round-trips and bounded payloads: one sync for the sheet list,
 * one for every sheet's used-range address, then the cells (values, valueTypes, numberFormat,
 * text, formulas) and merged areas in row chunks of at most CHUNK_CELLS cells, as many chunks
 * per sync as fit in CHUNK_CELLS — so a form of up to 2,000 rows × 12 columns is three syncs,
 * and no request or response comes near Excel on the web's 5 MB (a 10,000 × 9 sheet with all
 * five properties is about 3.4–3.9 MB of JSON: docs/hosts.md). Should a response still exceed it
 * (very long texts), that sync's chunks are halved and read again. Conversion to the Grid is pure.
 */
import { boundedReadRect } from '../read-bounds';
import type { Cell, RawValue, Rect, SheetGrid, WorkbookGrid } from '../../grid/grid';
import { parseRect, rectToA1 } from '../../grid/grid';
import type { ExcelCaps } from './api';
import type { Sync } from './sync';

const ERROR_TEXT = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** The part of an Office.js address after the sheet name: `'My Sheet'!B2:H40` → `B2:H40`. */
export function addressWithoutSheet(address: string): string {
  const i = address.lastIndexOf('!');
  return (i >= 0 ? address.slice(i + 1) : address).replace(/\$/g, '').trim();
}

/**
 * Splits a RangeAreas address (`Sheet1!A1:B2, 'a, b'!C3`) into its areas without sheet names.
 * Quoted sheet names may hold commas and doubled quotes.
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = address.length;
  while (i < n) {
    while (i < n && (address[i] === ' ' || address[i] === ',')) i++;
    if (i >= n) break;
    let start = i;
    if (address[i] === "'") {
      i++;
      while (i < n) {
        if (address[i] === "'" && address[i + 1] === "'") i += 2;
        else if (address[i] === "'") {
          i++;
          break;
        } else i++;
      }
      start = i;
    }
    let j = address.indexOf(',', i);
    if (j < 0) j = n;
    out.push(addressWithoutSheet(address.slice(start, j)));
    i = j + 1;
  }
  return out.filter(Boolean);
}

export interface UsedRangeData {
  readonly address: string;
  readonly values: unknown[][];
  readonly valueTypes?: string[][];
  readonly numberFormat?: unknown[][];
  readonly text?: unknown[][];
  readonly formulas?: unknown[][];
}

function rawValue(v: unknown, type: string | undefined): RawValue {
  if (type === 'Error') return { error: String(v) };
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === null || v === undefined || v === '') return null;
  const s = String(v);
  if (type === undefined && ERROR_TEXT.test(s)) return { error: s };
  return s;
}

/** Converts one sheet's loaded used range into a SheetGrid (rows offset by the range's position). */
export function sheetGridFromUsedRange(
  name: string,
  used: UsedRangeData | null,
  mergeAddresses: readonly string[],
  isProtected: boolean,
): SheetGrid {
  const merges: Rect[] = mergeAddresses.map((a) => parseRect(a));
  if (!used) return { name, rows: [], merges, isProtected };
  const origin = parseRect(addressWithoutSheet(used.address));
  const rows: Array<Array<Cell | undefined> | undefined> = new Array(origin.top).fill(undefined);
  used.values.forEach((vals, i) => {
    const row: Array<Cell | undefined> = new Array(origin.left).fill(undefined);
    vals.forEach((v, j) => {
      const type = used.valueTypes?.[i]?.[j];
      const f = used.formulas?.[i]?.[j];
      const formula = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
      const value = rawValue(v, type);
      if (value === null && formula === undefined) {
        row.push(undefined);
        return;
      }
      const cell: { value: RawValue; numFmt?: string; text?: string; formula?: string } = { value };
      const nf = used.numberFormat?.[i]?.[j];
      if (typeof nf === 'string' && nf !== '') cell.numFmt = nf;
      const tx = used.text?.[i]?.[j];
      if (typeof tx === 'string') cell.text = tx;
      if (formula !== undefined) cell.formula = formula;
      row.push(cell);
    });
    rows.push(row);
  });
  return { name, rows, merges, isProtected };
}

/**
 * Rows per getMergedAreasOrNullObject call. Excel fails that call above 512 merged areas in
 * the range, and reports only areas whose top-left cell lies in it (office-js #3611) — so
 * bands of the used range see every merge exactly once, and ≤ 8 merges per row stay legal.
 */
export const MERGE_BAND_ROWS = 64;

/** Row bands covering a rect: `B1:H64`, `B65:H128`, … */
export function mergeBands(r: Rect, bandRows = MERGE_BAND_ROWS): string[] {
  const out: string[] = [];
  for (let top = r.top; top <= r.bottom; top += bandRows) {
    out.push(rectToA1({ top, left: r.left, bottom: Math.min(r.bottom, top + bandRows - 1), right: r.right }));
  }
  return out;
}

/** Cells per chunk and per sync: about 1 MB of JSON for ordinary forms, a fifth of the limit. */
export const CHUNK_CELLS = 25_000;

/** How the last read went: its syncs for the cells and how many row chunks they carried. */
export interface ReadStats {
  readonly chunks: number;
  readonly cellSyncs: number;
}

interface SheetPlan {
  readonly name: string;
  readonly isProtected: boolean;
  /** The used range, or null for an empty sheet. */
  readonly rect: Rect | null;
  readonly address: string;
}

interface Chunk {
  readonly sheet: number;
  readonly rect: Rect;
}

interface ChunkData {
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
  text: unknown[][];
  formulas: unknown[][];
  merges: string[];
}

/** Row bands of a rect, each of at most `maxCells` cells (at least one row). */
export function rowChunks(r: Rect, maxCells = CHUNK_CELLS): Rect[] {
  const cols = r.right - r.left + 1;
  const rows = Math.max(1, Math.floor(maxCells / cols));
  const out: Rect[] = [];
  for (let top = r.top; top <= r.bottom; top += rows) out.push({ top, left: r.left, bottom: Math.min(r.bottom, top + rows - 1), right: r.right });
  return out;
}

const cellsIn = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function isPayloadTooLarge(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * Reads every worksheet: sheet list; used-range addresses; then the cells in row chunks (one
 * sync up to CHUNK_CELLS cells in all, one more per further CHUNK_CELLS).
 */
export async function readWorkbookBatch(ctx: Excel.RequestContext, sync: Sync, caps: ExcelCaps): Promise<{ grid: WorkbookGrid; stats: ReadStats }> {
  const sheets = ctx.workbook.worksheets;
  sheets.load(caps.protection ? 'items/name,items/protection/protected' : 'items/name');
  await sync();
  const used = sheets.items.map((ws) => {
    // Below 1.4 there is no null object: an empty sheet's used range is its A1, read as empty.
    const r = caps.nullObjects ? ws.getUsedRangeOrNullObject(true) : caps.protection ? ws.getUsedRange(true) : ws.getUsedRange();
    r.load('address');
    return { ws, r };
  });
  await sync();
  const plans: SheetPlan[] = used.map(({ ws, r }) => {
    const empty = caps.nullObjects && r.isNullObject;
    const address = empty ? '' : r.address;
    // Never more than PANE_READ_LIMITS of a used range a stray cell stretched to XFD1048576.
    const rect = empty ? null : boundedReadRect(parseRect(addressWithoutSheet(address))).rect;
    return { name: ws.name, isProtected: caps.protection ? ws.protection.protected : false, rect, address };
  });

  const chunks: Chunk[] = plans.flatMap((p, i) => (p.rect ? rowChunks(p.rect).map((rect) => ({ sheet: i, rect })) : []));
  const data = new Map<Chunk, ChunkData>();
  let cellSyncs = 0;
  let chunkCount = 0;
  // Chunks grouped into syncs of at most CHUNK_CELLS cells.
  const groups: Chunk[][] = [];
  let cur: Chunk[] = [];
  let n = 0;
  for (const c of chunks) {
    if (cur.length && n + cellsIn(c.rect) > CHUNK_CELLS) {
      groups.push(cur);
      cur = [];
      n = 0;
    }
    cur.push(c);
    n += cellsIn(c.rect);
  }
  if (cur.length) groups.push(cur);

  /** Reads the chunks of one sync; a response over the limit is read again as halves. */
  const readGroup = async (group: readonly Chunk[]): Promise<ChunkData[]> => {
    const queued = group.map((c) => {
      const ws = ctx.workbook.worksheets.getItem(plans[c.sheet]!.name);
      const range = ws.getRange(rectToA1(c.rect));
      range.load('values,valueTypes,numberFormat,text,formulas');
      const merged = caps.mergedAreas
        ? mergeBands(c.rect).map((band) => {
            const areas = ws.getRange(band).getMergedAreasOrNullObject();
            // Each area's own address: RangeAreas.address has been seen listing top-left cells only (office-js #1590).
            areas.load('areas/items/address');
            return areas;
          })
        : [];
      return { range, merged };
    });
    cellSyncs++;
    try {
      await sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || group.every((c) => c.rect.top === c.rect.bottom)) throw e;
      const out: ChunkData[] = [];
      for (const c of group) {
        if (c.rect.top === c.rect.bottom) {
          out.push(...(await readGroup([c])));
          continue;
        }
        const mid = (c.rect.top + c.rect.bottom) >> 1;
        const top = await readGroup([{ sheet: c.sheet, rect: { ...c.rect, bottom: mid } }]);
        const bottom = await readGroup([{ sheet: c.sheet, rect: { ...c.rect, top: mid + 1 } }]);
        out.push(joinChunks([...top, ...bottom]));
      }
      return out;
    }
    chunkCount += group.length;
    return queued.map((q) => {
      const merges: string[] = [];
      for (const m of q.merged) {
        if (m.isNullObject) continue;
        for (const r of m.areas.items) merges.push(addressWithoutSheet(r.address));
      }
      return {
        values: q.range.values,
        valueTypes: q.range.valueTypes as string[][],
        numberFormat: q.range.numberFormat,
        text: q.range.text,
        formulas: q.range.formulas,
        merges,
      };
    });
  };
  for (const g of groups) {
    const got = await readGroup(g);
    g.forEach((c, i) => data.set(c, got[i]!));
  }

  const grid: WorkbookGrid = {
    sheets: plans.map((p, i) => {
      if (!p.rect) return sheetGridFromUsedRange(p.name, null, [], p.isProtected);
      const parts = chunks.filter((c) => c.sheet === i).map((c) => data.get(c)!);
      const all = joinChunks(parts);
      return sheetGridFromUsedRange(
        p.name,
        { address: p.address, values: all.values, valueTypes: all.valueTypes, numberFormat: all.numberFormat, text: all.text, formulas: all.formulas },
        [...new Set(all.merges)],
        p.isProtected,
      );
    }),
  };
  return { grid, stats: { chunks: chunkCount, cellSyncs } };
}

function joinChunks(parts: readonly ChunkData[]): ChunkData {
  if (parts.length === 1) return parts[0]!;
  return {
    values: parts.flatMap((p) => p.values),
    valueTypes: parts.flatMap((p) => p.valueTypes),
    numberFormat: parts.flatMap((p) => p.numberFormat),
    text: parts.flatMap((p) => p.text),
    formulas: parts.flatMap((p) => p.formulas),
    merges: parts.flatMap((p) => p.merges),
  };
}
