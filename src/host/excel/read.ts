/// <reference types="office-js" />
/**
 * Reading the workbook in a constant number of round-trips: one sync for the sheet list,
 * one for every sheet's used range (values, valueTypes, numberFormat, text, formulas,
 * address) and merged areas — two whatever the size. Conversion to the Grid is pure.
 */
import type { Cell, RawValue, Rect, SheetGrid, WorkbookGrid } from '../../template/grid';
import { parseRect, rectToA1 } from '../../template/grid';
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

interface PendingSheet {
  readonly name: string;
  readonly isProtected: boolean;
  readonly used: Excel.Range;
  merged: Excel.RangeAreas[];
}

/**
 * Reads every worksheet in three syncs, whatever its size: sheet list; used ranges; merged
 * areas (banded over each used range, which the second sync told us).
 */
export async function readWorkbookBatch(ctx: Excel.RequestContext, sync: Sync, caps: ExcelCaps): Promise<WorkbookGrid> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  await sync();
  const pending: PendingSheet[] = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,values,valueTypes,numberFormat,text,formulas');
    return { name: ws.name, isProtected: ws.protection.protected, used, merged: [] };
  });
  await sync();
  if (caps.mergedAreas) {
    let queued = 0;
    for (const p of pending) {
      if (p.used.isNullObject) continue;
      const ws = ctx.workbook.worksheets.getItem(p.name);
      p.merged = mergeBands(parseRect(addressWithoutSheet(p.used.address))).map((band) => {
        const areas = ws.getRange(band).getMergedAreasOrNullObject();
        // Each area's own address: RangeAreas.address has been seen listing top-left cells only (office-js #1590).
        areas.load('areas/items/address');
        queued++;
        return areas;
      });
    }
    if (queued) await sync();
  }
  return {
    sheets: pending.map((p) => {
      const used: UsedRangeData | null = p.used.isNullObject
        ? null
        : {
            address: p.used.address,
            values: p.used.values,
            valueTypes: p.used.valueTypes as string[][],
            numberFormat: p.used.numberFormat,
            text: p.used.text,
            formulas: p.used.formulas,
          };
      const mergeAddresses = new Set<string>();
      for (const m of p.merged) {
        if (m.isNullObject) continue;
        for (const r of m.areas.items) mergeAddresses.add(addressWithoutSheet(r.address));
      }
      return sheetGridFromUsedRange(p.name, used, [...mergeAddresses], p.isProtected);
    }),
  };
}
