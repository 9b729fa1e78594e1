/**
 * What the adapters keep in the workbook's store so 清除标记 and 撤销重算 survive a reloaded
 * pane: tagged snapshots, and per cell what 一键重算 replaced and wrote. Pure.
 */

/** The store key of the marks snapshot; one per workbook. */
export const MARKS_KEY = 'selfeval-check.marks';

/** The store key of what the last 一键重算 changed, so 撤销重算 survives a reloaded pane. */
export const RECALC_KEY = 'selfeval-check.recalc';

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

