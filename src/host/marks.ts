/**
 * Which cells get which colour when findings are marked on the sheets, and the record of what
 * a mark painted over (for 清除标记). Pure: nothing here touches a host object model.
 */
import type { Finding, Severity } from '../core/finding';
import { SEVERITY_FILL, stronger } from '../report/severity';
import { cellKey, normCell } from '../grid/grid';

/** The fill of a cell 一键重算 wrote (Excel's "Good" green), until 撤销重算 or 清除标记. */
export const RECALC_FILL = '#C6EFCE';

/**
 * What outlines a finding's input cells while it is selected in the pane (the page draws a dashed
 * outline). Excel: a layer of dashed borders in this colour (a conditional format of its own);
 * WPS: a pale purple fill, snapshotted like the marks (see src/host/wps/README.md).
 */
export const OUTLINE_FILL = '#E4DFEC';
/** The dashed border colour of Excel's outline layer (the pane's accent). */
export const OUTLINE_BORDER = '#5B3F99';

/** A cell by sheet and address. */
export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
}

/** `Sheet!A1` (a finding's inputs; a sheet name may hold `!`) → its sheet and cell. */
export function parseCellRef(ref: string): CellRef | null {
  const i = ref.lastIndexOf('!');
  if (i <= 0) return null;
  return { sheet: ref.slice(0, i).replace(/^'(.*)'$/, '$1'), cell: normCell(ref.slice(i + 1)) };
}

export interface MarkTarget {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: Severity;
  readonly color: string;
}

/** One target per cell, coloured by its most severe finding; in finding order. */
export function markTargets(findings: readonly Finding[]): MarkTarget[] {
  const byCell = new Map<string, MarkTarget>();
  for (const f of findings) {
    const key = cellKey(f.sheet, f.cell);
    const prev = byCell.get(key);
    if (!prev || stronger(f.severity, prev.severity)) {
      byCell.set(key, { sheet: f.sheet, cell: normCell(f.cell), severity: f.severity, color: SEVERITY_FILL[f.severity] });
    }
  }
  return [...byCell.values()];
}

/**
 * The marks with an outline: every mark kept as it is (finding colours, 一键重算's green), plus
 * `cells` not marked otherwise in the outline colour; earlier outlines are dropped.
 */
export function withOutline<F>(marks: readonly MarkEntry<F>[], cells: readonly CellRef[]): MarkTarget[] {
  const kept: MarkTarget[] = marks.filter((e) => e.painted !== OUTLINE_FILL).map((e) => ({ sheet: e.sheet, cell: e.cell, severity: 'info', color: e.painted }));
  const taken = new Set(kept.map((t) => cellKey(t.sheet, t.cell)));
  for (const c of cells) {
    const key = cellKey(c.sheet, c.cell);
    if (taken.has(key)) continue;
    taken.add(key);
    kept.push({ sheet: c.sheet, cell: normCell(c.cell), severity: 'info', color: OUTLINE_FILL });
  }
  return kept;
}

/** One painted cell: where, the colour we put there, and the fill it had before (host-specific). */
export interface MarkEntry<F> {
  readonly sheet: string;
  readonly cell: string;
  readonly painted: string;
  readonly original: F;
}

