/**
 * Finds the 基础数据表 and the 自评表 by what they say, never by sheet name or position:
 * sheet names vary (`附件2`, `基础数据表`, `Sheet1`…) and sheets come in any order.
 */
import { SheetView } from './sheet-view';
import { isExecutionRowLabel } from './placeholder';
import { INDICATOR_ROLES, STATED_TOTAL_WORDS, TOTAL_ROW_WORDS, bestRole, headerKey, isWord, type IndicatorRole } from './roles';

export interface AnchorSet {
  readonly name: string;
  /** Each anchor: a Chinese name for messages and a test on compact labels. */
  readonly anchors: ReadonlyArray<{ readonly name: string; readonly test: (label: string) => boolean }>;
  /** How many anchors must be present for the sheet to count as this table. */
  readonly needed: number;
}

const has = (s: string) => (label: string) => label.includes(s);

export const BASIC_ANCHORS: AnchorSet = {
  name: '基础数据表',
  anchors: [
    { name: '财政供养人员情况', test: has('财政供养人员') },
    { name: '编制数', test: has('编制数') },
    { name: '三公经费', test: (l) => /^三公经费/.test(l) },
    { name: '公用经费', test: (l) => /^公用经费/.test(l) },
    { name: '经费控制情况', test: has('经费控制情况') },
    { name: '楼堂馆所控制情况', test: has('楼堂馆所') },
  ],
  needed: 3,
};

/**
 * A header playing one of the indicator table's roles (roles.ts), whatever its wording. Asked of
 * every text cell of every sheet: a label with none of the characters those wordings share is
 * turned away before the vocabulary is searched.
 */
const plays = (roles: readonly IndicatorRole[], shared: RegExp) => (label: string) => {
  if (!shared.test(label)) return false;
  const r = bestRole(INDICATOR_ROLES, headerKey(label))?.role;
  return r !== undefined && roles.includes(r);
};

export const SELF_EVAL_ANCHORS: AnchorSet = {
  name: '自评表',
  anchors: [
    { name: '年度资金总额', test: isExecutionRowLabel },
    { name: '一级指标', test: (l) => l === '一级指标' },
    { name: '三级指标', test: plays(['name'], /指标|三级/) },
    { name: '总分', test: (l) => isWord(TOTAL_ROW_WORDS, headerKey(l)) || isWord(STATED_TOTAL_WORDS, headerKey(l)) },
    { name: '执行率', test: (l) => l === '执行率' || l.startsWith('执行率') || headerKey(l).endsWith('执行率') },
    { name: '完成值', test: plays(['actual'], /完成|实际/) },
  ],
  needed: 3,
};

export interface Detection {
  readonly sheet: SheetView | null;
  /** Anchors of the best candidate that were not found (all of them when no sheet came close). */
  readonly missing: readonly string[];
}

function score(view: SheetView, set: AnchorSet): string[] {
  const found = new Set<string>();
  // Stops at the first label that completes the set: a long table is not scanned to its end.
  view.findFirst((label) => {
    for (const a of set.anchors) if (!found.has(a.name) && a.test(label)) found.add(a.name);
    return found.size === set.anchors.length;
  });
  return set.anchors.filter((a) => found.has(a.name)).map((a) => a.name);
}

/** Picks the sheet with most anchors of the set; ties go to the earlier sheet. */
export function detectSheet(views: readonly SheetView[], set: AnchorSet, exclude?: SheetView | null): Detection {
  let best: SheetView | null = null;
  let bestFound: string[] = [];
  for (const v of views) {
    if (v === exclude) continue;
    const found = score(v, set);
    if (found.length > bestFound.length) {
      best = v;
      bestFound = found;
    }
  }
  const missing = set.anchors.map((a) => a.name).filter((n) => !bestFound.includes(n));
  if (!best || bestFound.length < set.needed) return { sheet: null, missing: set.anchors.map((a) => a.name) };
  return { sheet: best, missing };
}
