/// <reference types="office-js" />
/**
 * Marks as conditional formats (ExcelApi 1.6): a custom format whose rule is always true and
 * whose fill is the severity colour. It sits above the cell's own format, so the clerk's fill,
 * pattern, theme tint, borders and number format are never read, written or restored — 清除标记
 * deletes exactly the formats we added and the sheet is as it was.
 *
 * Ours are recognised by their rule formula, `=ISTEXT("自评表核对")` (true for every cell, and
 * readable by a clerk in 条件格式 › 管理规则), not by id: a format's id is not documented to
 * survive closing and reopening the workbook, while its formula is saved in the file. So a
 * reloaded pane, or the workbook opened a week later, still finds its marks.
 */
import { chunkAddresses, groupBy } from '../addresses';
import { parseA1, rectToA1 } from '../../grid/grid';
import type { ExcelCaps } from './api';
import type { Sync } from './sync';

/** The rule formula of a mark (a severity colour). */
export const MARK_FORMULA = '=ISTEXT("自评表核对")';
/** The rule formula of 一键重算's green on a written cell (its own, so 撤销重算 removes only it). */
export const RECALC_FORMULA = '=ISTEXT("自评表核对·重算")';

/** The rule formula of the outline round a selected finding's input cells (dashed borders, no fill). */
export const OUTLINE_FORMULA = '=ISTEXT("自评表核对·依据")';

/** What a mark entry keeps of a cell: nothing of its own format — the mark is a layer above it. */
export interface ExcelMark {
  readonly layer: 'cf';
}
export const LAYER: ExcelMark = { layer: 'cf' };

// Stay far below Excel's 8,192-character / ~500-area limits of getRanges.
const MAX_CHARS = 2000;
const MAX_AREAS = 100;

/**
 * Cells as rectangles: vertical runs of one column (`H10:H40`), so a column of 10,000 marked
 * 得分 cells is one area, not 10,000 formats.
 */
export function cellRuns(cells: readonly string[]): string[] {
  const byCol = groupBy(
    cells.map((c) => parseA1(c)),
    (p) => String(p.col),
  );
  const out: string[] = [];
  for (const list of byCol.values()) {
    const rows = [...new Set(list.map((p) => p.row))].sort((a, b) => a - b);
    const col = list[0]!.col;
    let start = rows[0]!;
    let prev = start;
    const flush = () => out.push(rectToA1({ top: start, left: col, bottom: prev, right: col }));
    for (const r of rows.slice(1)) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      flush();
      start = prev = r;
    }
    flush();
  }
  return out;
}

/** Queues: one always-true custom format in `color` over `cells` of one sheet (per chunk of areas, or per run below 1.9). */
export function queueLayer(ws: Excel.Worksheet, cells: readonly string[], color: string, formula: string, caps: ExcelCaps): void {
  const runs = cellRuns(cells);
  const add = (target: Excel.Range | Excel.RangeAreas) => {
    const cf = target.conditionalFormats.add('Custom');
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = color;
  };
  if (caps.rangeAreas) for (const chunk of chunkAddresses(runs, MAX_CHARS, MAX_AREAS)) add(ws.getRanges(chunk));
  else for (const run of runs) add(ws.getRange(run));
}

/**
 * Queues: one always-true custom format drawing a dashed box round each of `cells` (conditional
 * borders apply per cell), no fill — a mark's colour underneath still shows.
 */
export function queueOutline(ws: Excel.Worksheet, cells: readonly string[], color: string, caps: ExcelCaps): void {
  const runs = cellRuns(cells);
  const add = (target: Excel.Range | Excel.RangeAreas) => {
    const cf = target.conditionalFormats.add('Custom');
    cf.custom.rule.formula = OUTLINE_FORMULA;
    const b = cf.custom.format.borders;
    for (const edge of [b.top, b.bottom, b.left, b.right]) {
      edge.style = 'Dash';
      edge.color = color;
    }
  };
  if (caps.rangeAreas) for (const chunk of chunkAddresses(runs, MAX_CHARS, MAX_AREAS)) add(ws.getRanges(chunk));
  else for (const run of runs) add(ws.getRange(run));
}

/** Loads, in the sync to come, the conditional formats of a whole sheet. */
export function queueSheetFormats(ws: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const coll = ws.getRange().conditionalFormats;
  coll.load('items/id,items/type');
  return coll;
}

/** One of our formats as found on a sheet: the format and, when asked for, its one-area address. */
export interface OurFormat {
  readonly sheet: string;
  readonly formula: string;
  readonly format: Excel.ConditionalFormat;
  readonly address: string | null;
}

/**
 * From loaded sheet collections: reads the formulas of the custom formats (one sync, only if
 * there is any) and returns those that are ours. With `withRange`, the address each applies to
 * (null when it spans several areas: never one of our single-cell recalc formats).
 */
export async function oursAmong(
  sync: Sync,
  collections: ReadonlyMap<string, Excel.ConditionalFormatCollection>,
  withRange = false,
): Promise<OurFormat[]> {
  const pending: Array<{ sheet: string; format: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule; range: Excel.Range | null }> = [];
  for (const [sheet, coll] of collections) {
    for (const format of coll.items) {
      if (format.type !== 'Custom') continue;
      const rule = format.custom.rule;
      rule.load('formula');
      let range: Excel.Range | null = null;
      if (withRange) {
        range = format.getRangeOrNullObject();
        range.load('address');
      }
      pending.push({ sheet, format, rule, range });
    }
  }
  if (!pending.length) return [];
  await sync();
  return pending
    .filter((p) => isOurs(p.rule.formula))
    .map((p) => ({
      sheet: p.sheet,
      formula: p.rule.formula,
      format: p.format,
      address: p.range && !p.range.isNullObject ? p.range.address : null,
    }));
}

/** Whether a rule formula is one of ours (Excel may hand it back with other spacing or case). */
export function isOurs(formula: string): boolean {
  const f = formula.replace(/\s+/g, '').toUpperCase();
  return f === MARK_FORMULA.toUpperCase() || f === RECALC_FORMULA.toUpperCase() || f === OUTLINE_FORMULA.toUpperCase();
}

export function isRecalcLayer(formula: string): boolean {
  return formula.replace(/\s+/g, '').toUpperCase() === RECALC_FORMULA.toUpperCase();
}
