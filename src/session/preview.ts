/** The 一键重算 preview a session shows before anything is written. */
import type { RecalcChange } from '../host/types';
import { cellKey } from '../grid/grid';
import { blockedReason, type Cap, type OpeningTick } from './recalc-choice';

/** One line of the 一键重算 preview: a cell of the first (all ticked) plan, or one a smaller plan added. */
export interface PreviewRow {
  /** `Sheet!A1`. */
  readonly key: string;
  readonly sheet: string;
  readonly cell: string;
  /** The indicator's name or the row label (core/recalc-labels). */
  readonly label: string;
  readonly entered: string | null;
  readonly percent: boolean;
  readonly ticked: boolean;
  /** Why this line can never be ticked (over its 分值 or the form's points); null when it may be. */
  readonly blocked: string | null;
  /** Why it started unticked (警告, 已说明), shown under it; null for a line that started ticked. */
  readonly note: string | null;
  /** The value the plan over the ticked cells writes here; null when this cell needs no change any more. */
  readonly display: string | null;
}

export interface RecalcPreview {
  readonly rows: readonly PreviewRow[];
  /** What 确认写入 writes: the plan over the ticked cells only. */
  readonly changes: readonly RecalcChange[];
}

/** The preview's lines: the first plan's cells in order, then any the ticked plan adds. */
export function previewOf(
  first: readonly RecalcChange[],
  current: readonly RecalcChange[],
  skip: ReadonlySet<string>,
  labels: ReadonlyMap<string, string>,
  opening: ReadonlyMap<string, OpeningTick>,
  caps: ReadonlyMap<string, Cap>,
): RecalcPreview {
  const now = new Map(current.map((c) => [cellKey(c.sheet, c.cell), c]));
  const firstKeys = new Set(first.map((c) => cellKey(c.sheet, c.cell)));
  const rows = [...first, ...current.filter((c) => !firstKeys.has(cellKey(c.sheet, c.cell)))].map((c): PreviewRow => {
    const key = cellKey(c.sheet, c.cell);
    return {
      key,
      sheet: c.sheet,
      cell: c.cell,
      label: labels.get(key) ?? key,
      entered: c.entered,
      percent: c.percent,
      ticked: !skip.has(key),
      blocked: opening.get(key)?.blocked ?? blockedReason(c, caps),
      note: opening.get(key)?.note ?? null,
      display: now.get(key)?.display ?? null,
    };
  });
  return { rows, changes: current };
}
