/**
 * Which lines of the 一键重算 preview start ticked, and which can never be ticked — decided
 * here, purely, so the dialog cannot mislead a clerk whatever the plan proposes:
 *
 * * an error is ticked: it is a computation the form got wrong;
 * * a warning or a 提示 is offered unticked (it may be a deliberate deduction), one click
 *   (全部勾选) away;
 * * a cell whose finding the clerk explained (已说明) is never ticked at first: the clerk said
 *   the figure stands;
 * * a value above its row's 分值, a 总分 above the form's points, or any change to the 总分's
 *   分值 (the form's scale, docs/rules-domain.md "The form's points are fixed") cannot be ticked at all, and
 *   the line says why. The plan should not propose these (core/recalc-plan); this is the
 *   dialog's own guard, so a wrong plan still cannot be written.
 */
import Decimal from 'decimal.js';
import type { Finding } from '../core/finding';
import type { PlannedWrite } from '../core/recalc-plan';
import type { Report } from '../core/report';
import type { Field, LocatedWorkbook } from '../template/tables';
import { cellKey, normCell } from '../grid/grid';

/** The points of every family's form (docs/rules-domain.md): the 总分 row's 分值. */
export const FORM_POINTS = new Decimal(100);

/** What a cell may hold at most, and how the preview says so. */
export interface Cap {
  /** The largest value 一键重算 may write; null: the cell is never written (the form's scale). */
  readonly max: Decimal | null;
  /** Why, in Chinese: `分值为 10`, `满分 100`. */
  readonly reason: string;
}

/** `Sheet!A1` → its cap, for every score and 分值 cell of the located tables. */
export function scoreCaps(tables: LocatedWorkbook): Map<string, Cap> {
  const caps = new Map<string, Cap>();
  const put = (field: Field | null | undefined, cap: Cap) => {
    if (field) caps.set(cellKey(field.sheet, field.cell), cap);
  };
  const byWeight = (score: Field | null | undefined, weight: Field | null | undefined) => {
    const w = weight?.parsed;
    if (w && w.kind === 'number' && !w.percent) put(score, { max: w.value, reason: `分值为 ${w.text}` });
  };
  const total = (t: { readonly weight: Field | null; readonly score: Field | null } | null | undefined) => {
    if (!t) return;
    put(t.weight, { max: null, reason: `总分的分值是本表的满分 ${FORM_POINTS.toString()}，不由重算改写` });
    put(t.score, { max: FORM_POINTS, reason: `满分 ${FORM_POINTS.toString()}` });
  };
  const se = tables.selfEval;
  if (se) {
    for (const r of se.indicators) byWeight(r.score, r.weight);
    if (se.execution) byWeight(se.execution.score, se.execution.weight);
    total(se.total);
  }
  const st = tables.scoreTable;
  if (st) {
    for (const r of st.rows) byWeight(r.score, r.weight);
    total(st.total);
  }
  return caps;
}

/** Why a planned write can never be ticked, or null when it may be. */
export function blockedReason(write: Pick<PlannedWrite, 'sheet' | 'cell' | 'value' | 'percent'>, caps: ReadonlyMap<string, Cap>): string | null {
  const cap = caps.get(cellKey(write.sheet, normCell(write.cell)));
  if (!cap) return null;
  if (cap.max === null) return cap.reason;
  if (write.percent) return null;
  let value: Decimal;
  try {
    value = new Decimal(write.value);
  } catch {
    return null;
  }
  return value.gt(cap.max) ? `重算值 ${write.value} 超过${cap.reason}，不写入` : null;
}

/** How one planned cell starts in the preview. */
export interface OpeningTick {
  readonly ticked: boolean;
  /** Why it cannot be ticked at all; null when the clerk may tick it. */
  readonly blocked: string | null;
  /** Why it starts unticked although it may be ticked (警告, 已说明); null when ticked. */
  readonly note: string | null;
}

/**
 * Per planned cell (`Sheet!A1`), how the preview opens: errors ticked; warnings and 提示
 * offered unticked; 已说明 never ticked; anything over its cap blocked.
 */
export function openingTicks(plan: readonly PlannedWrite[], findings: readonly Finding[], caps: ReadonlyMap<string, Cap>): Map<string, OpeningTick> {
  const explained = new Set(findings.filter((f) => f.acknowledged).map((f) => cellKey(f.sheet, normCell(f.cell))));
  const out = new Map<string, OpeningTick>();
  for (const w of plan) {
    const k = cellKey(w.sheet, normCell(w.cell));
    const blocked = blockedReason(w, caps);
    if (blocked) out.set(k, { ticked: false, blocked, note: null });
    else if (explained.has(k)) out.set(k, { ticked: false, blocked: null, note: '已说明，保留填报值' });
    else if (w.severity !== 'error') out.set(k, { ticked: false, blocked: null, note: w.severity === 'warning' ? '警告：可能是有意扣分，需要时勾选' : '提示：需要时勾选' });
    else out.set(k, { ticked: true, blocked: null, note: null });
  }
  return out;
}

/** The keys the plan must leave out at first (every line not ticked). */
export function openingSkip(ticks: ReadonlyMap<string, OpeningTick>): Set<string> {
  return new Set([...ticks].filter(([, t]) => !t.ticked).map(([k]) => k));
}

/** What 全部勾选 ticks: every line but those that can never be ticked. */
export function tickAllKeys(rows: ReadonlyArray<{ readonly key: string; readonly blocked: string | null }>): string[] {
  return rows.filter((r) => r.blocked === null).map((r) => r.key);
}

/**
 * The plan over the ticked cells, never over a cap: `plan` is planRecalc over a skip set; a
 * write the chain adds above its cap (a 总分 summed over too many points) is skipped and the
 * plan made again, so what 确认写入 writes stays within every cap.
 */
export function planWithinCaps(plan: (skip: ReadonlySet<string>) => PlannedWrite[], skip: ReadonlySet<string>, caps: ReadonlyMap<string, Cap>): PlannedWrite[] {
  const leftOut = new Set(skip);
  for (const [k, cap] of caps) if (cap.max === null) leftOut.add(k);
  for (let i = 0; i < 4; i++) {
    const writes = plan(leftOut);
    const over = writes.filter((w) => blockedReason(w, caps) !== null);
    if (over.length === 0) return writes;
    for (const w of over) leftOut.add(cellKey(w.sheet, normCell(w.cell)));
  }
  return plan(leftOut).filter((w) => blockedReason(w, caps) === null);
}

/**
 * Why 一键重算 cannot be used now, in Chinese, or null when it can: the pane says this beside
 * the greyed button rather than leaving the clerk to guess.
 */
export function recalcUnavailable(report: Report | null, protectedSheets: readonly string[]): string | null {
  if (!report) return '请先点“核对”：核对后才知道哪些单元格可以重算。';
  if (report.status !== 'checked') return '未识别出可核对的表格，无法重算。';
  const suggested = report.findings.filter((f) => f.suggestion);
  if (suggested.length === 0) {
    return report.findings.length === 0 ? '未发现问题，无需重算。' : '发现的问题都需要人工判断或补填，没有可以按规则自动重算的单元格。';
  }
  const open = suggested.filter((f) => !protectedSheets.includes(f.sheet));
  if (open.length === 0) return `可重算的单元格所在的工作表受保护（${[...new Set(suggested.map((f) => f.sheet))].join('、')}），无法写入；撤销保护后再核对。`;
  return null;
}
