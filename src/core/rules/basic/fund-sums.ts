/** Turns 经费控制情况 rows into one "total = Σ parts" check per year column. */
import type { FundRow, FundsBlock } from '../../../template/tables';
import type { SumSpec } from '../sum';

/** Part names for messages: `1、公务用车购置和维护经费` → `公务用车购置和维护经费`. */
export function partName(row: FundRow): string {
  return row.label.replace(/^[\d一二三四五六七八九十]+[、.．)）]/, '').replace(/^其中[:：]?/, '').replace(/[:：]$/, '');
}

export function fundRowsSum(funds: FundsBlock, total: FundRow | null, parts: ReadonlyArray<FundRow | null>, name: string): SumSpec[] {
  if (!total || parts.every((p) => p === null)) return [];
  const present = parts.filter((p): p is FundRow => p !== null);
  const out: SumSpec[] = [];
  for (const col of funds.columns) {
    const t = total.values[col];
    if (!t) continue;
    out.push({
      total: t,
      parts: present.flatMap((p) => (p.values[col] ? [{ name: partName(p), field: p.values[col]! }] : [])),
      totalName: `${name}（${funds.headers[col] ?? col}）`,
    });
  }
  return out;
}
