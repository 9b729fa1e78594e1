/**
 * Which cells get which colour when findings are marked on the sheets, and the record of what
 * a mark painted over (for 清除标记). Pure: nothing here touches a host object model.
 */
import type { Finding, Severity } from '../core/finding';
import { SEVERITY_FILL, stronger } from '../report/severity';
import { cellKey, normCell } from '../grid/grid';

/** The fill of a cell 一键重算 wrote (Excel's "Good" green), until 撤销重算 or 清除标记. */
export const RECALC_FILL = '#C6EFCE';

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

/** One painted cell: where, the colour we put there, and the fill it had before (host-specific). */
export interface MarkEntry<F> {
  readonly sheet: string;
  readonly cell: string;
  readonly painted: string;
  readonly original: F;
}

