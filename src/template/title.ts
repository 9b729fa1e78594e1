import type { SheetView } from './sheet-view';
import type { Field } from './tables';

/**
 * The title of a form (`…绩效自评表`, `…基础数据表`) in rows 0…headerEnd, else the sheet's first
 * filled cell, else A1: where a part the form lacks was looked for (template.part-missing).
 */
export function titleField(view: SheetView, headerEnd = Math.min(view.rowCount - 1, 12)): Field {
  const p = view.findFirst((l) => /(自评表|评价表|基础数据表|评分表|绩效)/.test(l), { from: 0, to: headerEnd }) ?? view.findFirst(() => true);
  return p ? view.field(p.row, p.col) : view.field(0, 0);
}
