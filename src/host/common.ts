/**
 * Pure pieces both host adapters share: which cells get which colour, the snapshot records
 * kept for 清除标记 and 撤销重算, and the Chinese messages. (What 一键重算 writes is planned
 * in core/recalc-plan.)
 * Nothing here touches a host object model.
 */
import type { Finding, Severity } from '../core/finding';
import { SEVERITY_RANK } from '../core/finding';
import { cellKey, normCell, parseA1 } from '../template/grid';
import { HostError } from './types';

/** Severity colours of docs/conventions.md, as #RRGGBB. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#BDD7EE',
};

/** The fill of a cell 一键重算 wrote (Excel's "Good" green), until 撤销重算 or 清除标记. */
export const RECALC_FILL = '#C6EFCE';

/** The store key of the marks snapshot; one per workbook. */
export const MARKS_KEY = 'selfeval-check.marks';

/** The store key of what the last 一键重算 changed, so 撤销重算 survives a reloaded pane. */
export const RECALC_KEY = 'selfeval-check.recalc';

export interface MarkTarget {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: Severity;
  readonly color: string;
}

export { cellKey, normCell } from '../template/grid';

/** One target per cell, coloured by its most severe finding; in finding order. */
export function markTargets(findings: readonly Finding[]): MarkTarget[] {
  const byCell = new Map<string, MarkTarget>();
  for (const f of findings) {
    const key = cellKey(f.sheet, f.cell);
    const prev = byCell.get(key);
    if (!prev || SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev.severity]) {
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

/** What the store holds under a key: tagged with the host, so one never reads another's fill records. */
interface Snapshot<E> {
  readonly version: 1;
  readonly host: string;
  readonly entries: readonly E[];
}

export function serializeSnapshot<E>(host: string, entries: readonly E[]): string {
  const snap: Snapshot<E> = { version: 1, host, entries };
  return JSON.stringify(snap);
}

/** Reads a stored snapshot; anything unreadable or of another host counts as none. */
export function parseSnapshot<E>(host: string, json: string | null): E[] {
  if (!json) return [];
  try {
    const snap = JSON.parse(json) as Partial<Snapshot<E>>;
    if (snap.version !== 1 || snap.host !== host || !Array.isArray(snap.entries)) return [];
    return [...snap.entries];
  } catch {
    return [];
  }
}

/** What one cell held before 一键重算 wrote into it. */
export interface RecalcEntry<F> {
  readonly sheet: string;
  readonly cell: string;
  /** The formula with its leading `=`, or null when the cell held a constant. */
  readonly formula: string | null;
  /** The constant it held (ignored when `formula` is set); null for blank. */
  readonly value: number | string | boolean | null;
  readonly numFmt: string;
  /** Its fill before; null once a later paint or clear made the fill ours to manage again. */
  readonly fill: F | null;
  /** Whether applyRecalc added this cell to the marks snapshot (it was not marked before). */
  readonly addedToMarks: boolean;
  /** What 一键重算 wrote: undo leaves a cell alone that no longer holds it (edited since). */
  readonly written: number | string;
}

/**
 * Whether a cell still holds what 一键重算 wrote. The host may have turned written text into
 * a number as typing would (`98.99%` → 0.9899), so figures compare by value.
 */
export function stillWritten(current: unknown, written: number | string): boolean {
  if (current === written) return true;
  const a = asFigure(current);
  const b = asFigure(written);
  return a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function asFigure(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*([+-]?\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(v);
  if (!m) return null;
  return Number(m[1]) / (m[2] ? 100 : 1);
}

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Sorts A1 addresses in reading order (row, then column). */
export function byReadingOrder(a: string, b: string): number {
  const pa = parseA1(a);
  const pb = parseA1(b);
  return pa.row - pb.row || pa.col - pb.col;
}

/**
 * Splits cell addresses into comma-joined chunks that stay well below the hosts' limits
 * (Excel: 8,192 characters and ~500 areas per getRanges; VBA-style Range(): 255 characters).
 */
export function chunkAddresses(cells: readonly string[], maxChars: number, maxAreas: number): string[] {
  const chunks: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const c of cells) {
    const add = (cur.length ? 1 : 0) + c.length;
    if (cur.length && (len + add > maxChars || cur.length >= maxAreas)) {
      chunks.push(cur.join(','));
      cur = [];
      len = 0;
    }
    len += (cur.length ? 1 : 0) + c.length;
    cur.push(c);
  }
  if (cur.length) chunks.push(cur.join(','));
  return chunks;
}

/**
 * The value to write back so the cell holds exactly the constant it had. Text that Excel would
 * read as a number, percentage, date or formula gets the apostrophe text prefix.
 */
export function constantToWrite(value: number | string | boolean | null, numFmt: string): number | string | boolean {
  if (value === null) return '';
  if (typeof value !== 'string' || numFmt.trim() === '@') return value;
  const wouldConvert = /^[=+\-@']/.test(value) || /^\s*[\d.,]+\s*%?\s*$/.test(value) || /^\d{1,4}[-/.年]\d{1,2}/.test(value);
  return wouldConvert ? `'${value}` : value;
}

/**
 * Runs host operations one after another: a second 核对 clicked while the first still paints
 * must not snapshot the first one's colours as "original" fills.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

// ---- Chinese messages -------------------------------------------------------------------

export const MSG = {
  protectedSkipped: (sheet: string) => `工作表“${sheet}”受保护，未在表内标记；请在核对结果列表中查看该表的问题。`,
  missingSkipped: (sheet: string) => `找不到工作表“${sheet}”（可能已改名或删除），其问题未在表内标记。`,
  protectedWrite: (sheet: string) => `工作表“${sheet}”受保护，无法写入。请先在“审阅”中撤销工作表保护，再重试。`,
  protectedRestore: (sheet: string) => `工作表“${sheet}”受保护，无法恢复其单元格原有填充色。请先撤销工作表保护，再点“清除标记”。`,
  missingSheet: (sheet: string) => `找不到工作表“${sheet}”，可能已改名或删除。请重新核对。`,
  nothingToUndo: () => '没有可撤销的重算。',
  noWorkbook: () => '没有打开的工作簿。请先打开要核对的自评表。',
  cellEdit: () => '表格正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。',
  timeout: (seconds: number) => `表格在 ${seconds} 秒内没有响应，操作已中止。请稍后重试；如表格很大，可先关闭其他工作簿。`,
  hostFailed: (host: string, code: string, message: string) => `${host} 操作失败（${code}）：${message}`,
} as const;

/** Marks left on sheets that became protected cannot be cleared: say which, after clearing the rest. */
export function throwIfMarksKept(kept: ReadonlyArray<{ readonly sheet: string }>): void {
  if (kept.length === 0) return;
  const sheets = [...new Set(kept.map((e) => e.sheet))];
  throw new HostError('protected-sheet', sheets.map(MSG.protectedRestore).join('\n'), undefined, undefined, sheets[0]);
}
