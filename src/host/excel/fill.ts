/// <reference types="office-js" />
/**
 * Fill snapshots. "No Fill" reads back as #FFFFFF like solid white; only its tintAndShade is
 * null (and its pattern null/None). So a snapshot records `none` explicitly, restored with
 * `fill.clear()`; anything else is restored with `setCellProperties` (ExcelApi 1.9).
 * Without 1.9 we can load only `fill.color`, and treat #FFFFFF as No Fill (documented loss:
 * a deliberate solid-white fill comes back as No Fill).
 */
import { chunkAddresses } from '../common';
import type { ExcelCaps } from './api';

export type ExcelFill =
  | { readonly none: true }
  | {
      readonly none: false;
      readonly color: string;
      readonly pattern: string;
      readonly patternColor: string | null;
      readonly tintAndShade: number;
      readonly patternTintAndShade: number | null;
    };

export const FILL_PROPS: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } },
};

export function fillFromCellProperties(p: Excel.CellProperties | undefined): ExcelFill {
  const f = p?.format?.fill;
  if (!f || f.tintAndShade === null || f.tintAndShade === undefined || f.pattern === null || f.pattern === undefined || f.pattern === 'None') {
    return { none: true };
  }
  return {
    none: false,
    color: f.color ?? '#FFFFFF',
    pattern: f.pattern,
    patternColor: f.patternColor ?? null,
    tintAndShade: f.tintAndShade,
    patternTintAndShade: f.patternTintAndShade ?? null,
  };
}

/** For hosts below ExcelApi 1.9: only the colour is known. */
export function fillFromColor(color: string | null | undefined): ExcelFill {
  if (!color || color.toUpperCase() === '#FFFFFF') return { none: true };
  return { none: false, color, pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: null };
}

/** A queued read of one cell's fill, answered after the next sync. */
export interface FillProbe {
  result(): ExcelFill;
}

export function probeFill(ws: Excel.Worksheet, cell: string, caps: ExcelCaps): FillProbe {
  const range = ws.getRange(cell);
  if (caps.cellProperties) {
    const props = range.getCellProperties(FILL_PROPS);
    return { result: () => fillFromCellProperties(props.value[0]?.[0]) };
  }
  range.format.fill.load('color');
  return { result: () => fillFromColor(range.format.fill.color) };
}

// Stay far below Excel's 8,192-character / ~500-area limits of getRanges.
const MAX_CHARS = 2000;
const MAX_AREAS = 100;

/** Queues: paint `cells` of one sheet with a solid `color` (patterns and tints cleared first). */
export function queuePaint(ws: Excel.Worksheet, cells: readonly string[], color: string, caps: ExcelCaps): void {
  if (caps.cellProperties) {
    for (const chunk of chunkAddresses(cells, MAX_CHARS, MAX_AREAS)) {
      const fill = ws.getRanges(chunk).format.fill;
      fill.clear();
      fill.color = color;
    }
    return;
  }
  for (const c of cells) {
    const fill = ws.getRange(c).format.fill;
    fill.clear();
    fill.color = color;
  }
}

/** Queues: give `cell` back the fill it had. */
export function queueRestore(ws: Excel.Worksheet, cells: ReadonlyArray<{ cell: string; fill: ExcelFill }>, caps: ExcelCaps): void {
  const none = cells.filter((c) => c.fill.none).map((c) => c.cell);
  if (caps.cellProperties) {
    for (const chunk of chunkAddresses(none, MAX_CHARS, MAX_AREAS)) ws.getRanges(chunk).format.fill.clear();
  } else {
    for (const c of none) ws.getRange(c).format.fill.clear();
  }
  for (const { cell, fill } of cells) {
    if (fill.none) continue;
    if (caps.cellProperties) {
      const set: Excel.CellPropertiesFill = { color: fill.color, pattern: fill.pattern as Excel.FillPattern, tintAndShade: fill.tintAndShade };
      if (fill.patternColor !== null) set.patternColor = fill.patternColor;
      if (fill.patternTintAndShade !== null) set.patternTintAndShade = fill.patternTintAndShade;
      ws.getRange(cell).setCellProperties([[{ format: { fill: set } }]]);
    } else {
      const f = ws.getRange(cell).format.fill;
      f.clear();
      f.color = fill.color;
    }
  }
}
