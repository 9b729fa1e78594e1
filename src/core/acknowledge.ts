/**
 * 已说明: a clerk's explanation of a warning or info finding, kept in the workbook itself so
 * it travels with the file — through save and reopen, a copy of the file, our annotated copy —
 * and every door shows it (pane, page, CLI, annotated copy).
 *
 * Where: a very hidden worksheet `_selfeval` (one row per explanation, every cell text), the
 * same kind of place as the WPS marks snapshot. A sheet, unlike Excel's add-in document
 * settings or a custom XML part, is read by every reader we have (Office.js, WPS, ExcelJS,
 * SheetJS) as part of the Grid, so applying explanations is pure and happens in the engine.
 *
 * An explanation is about the figures as they were: it stores the finding's rule, cell and the
 * values of the finding's cell and its input cells as read. When any of them changes, the
 * explanation no longer applies (voided) and the finding shows again. Errors are never
 * acknowledged: a wrong computation is corrected, not explained.
 */
import type { Finding, RuleId } from './finding';
import type { Cell, RawValue, SheetGrid, WorkbookGrid } from '../grid/grid';
import { cellKey, isCellError, normCell, parseA1 } from '../grid/grid';
import { hasVisibleText } from './visible-text';

/** The very hidden sheet holding explanations. */
export const ACK_SHEET = '_selfeval';

/** Row 1's first cell: says what the sheet is, should someone unhide it. */
export const ACK_HEADER = ['selfeval-check 已说明（请勿修改）', 'v1', '单元格', '说明', '时间', '所依据的单元格值'] as const;

/** Longest reason kept (a cell holds 32,767 characters; a reason is a sentence or two). */
export const MAX_REASON = 500;

export interface Acknowledgement {
  readonly ruleId: RuleId;
  readonly sheet: string;
  readonly cell: string;
  readonly reason: string;
  /** ISO 8601 time the clerk explained it. */
  readonly at: string;
  /** `Sheet!A1` → the cell's value as read, for the finding's cell and every input. */
  readonly values: Readonly<Record<string, string>>;
}

/** The key matching an explanation to a finding: rule and cell. */
export function ackKey(a: { readonly ruleId: string; readonly sheet: string; readonly cell: string }): string {
  return `${a.ruleId}@${cellKey(a.sheet, a.cell)}`;
}

/** Whether the clerk may explain this finding (warnings and infos; never errors). */
export function canAcknowledge(f: Finding): boolean {
  return f.severity !== 'error';
}

/** The error message when an acknowledgement is refused, or null when it may be stored. */
export function refuseAcknowledgement(f: Finding, reason: string): string | null {
  if (!canAcknowledge(f)) return '错误不能标为“已说明”：请改正该单元格。';
  if (!hasVisibleText(reason)) return '请填写说明理由。';
  if (reason.trim().length > MAX_REASON) return `说明理由请勿超过 ${MAX_REASON} 个字。`;
  return null;
}

function cellText(c: Cell | undefined): string {
  const v: RawValue = c?.value ?? null;
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).trim();
}

function sheetByName(grid: WorkbookGrid, name: string): SheetGrid | undefined {
  return grid.sheets.find((s) => s.name === name);
}

/** The value of `Sheet!A1` as a fingerprint string ('' for blank or a missing sheet). */
function valueAt(grid: WorkbookGrid, ref: string): string {
  const i = ref.lastIndexOf('!');
  const sheet = sheetByName(grid, ref.slice(0, i));
  if (!sheet) return '';
  try {
    const { row, col } = parseA1(ref.slice(i + 1));
    return cellText(sheet.rows[row]?.[col]);
  } catch {
    return '';
  }
}

/** The cells an explanation depends on: the finding's own cell and its inputs. */
function dependsOn(f: Finding): string[] {
  return [...new Set([cellKey(f.sheet, f.cell), ...f.inputs.map((r) => normRef(r))])];
}

function normRef(ref: string): string {
  const i = ref.lastIndexOf('!');
  return i < 0 ? ref : cellKey(ref.slice(0, i), ref.slice(i + 1));
}

/** A new explanation of `f` on `grid`'s current values. */
export function acknowledge(grid: WorkbookGrid, f: Finding, reason: string, at: Date = new Date()): Acknowledgement {
  const refused = refuseAcknowledgement(f, reason);
  if (refused) throw new Error(refused);
  const values: Record<string, string> = {};
  for (const ref of dependsOn(f)) values[ref] = valueAt(grid, ref);
  return { ruleId: f.ruleId, sheet: f.sheet, cell: normCell(f.cell), reason: reason.trim(), at: at.toISOString(), values };
}

/** Most explanations read from the sheet: one per finding of a form is a few hundred at most. */
export const MAX_ACKNOWLEDGEMENTS = 5_000;
/** Most cells one explanation depends on (a finding's cell and its inputs). */
const MAX_VALUES = 2_000;

/**
 * Reads the explanations stored in the workbook (none when the sheet is absent or unreadable).
 * The sheet is the workbook's, so anyone may have planted or edited it: only rows the add-in
 * itself could have written are taken — a rule ID of our form, a plain cell address, a reason
 * with visible text within MAX_REASON (an invisible reason would silence a warning and count
 * for --max-warnings), a short time, and the values as an object of texts. Every cell is read as
 * its value, never as a formula.
 */
export function readAcknowledgements(grid: WorkbookGrid): Acknowledgement[] {
  const sheet = sheetByName(grid, ACK_SHEET);
  if (!sheet) return [];
  const out: Acknowledgement[] = [];
  sheet.rows.forEach((row, i) => {
    if (i === 0 || !row || out.length >= MAX_ACKNOWLEDGEMENTS) return;
    if (row.slice(0, 6).some((c) => c?.formula !== undefined)) return;
    const [ruleId, where, reason, at, values] = [0, 2, 3, 4, 5].map((c) => cellText(row[c]));
    const sheetName = cellText(row[1]);
    if (!ruleId || !sheetName || !where || !reason) return;
    if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(ruleId) || sheetName.length > 255) return;
    if (!hasVisibleText(reason) || reason.length > MAX_REASON) return;
    if ((at ?? '').length > 64) return;
    let cell: string;
    try {
      cell = normCell(where!);
      parseA1(cell);
    } catch {
      return;
    }
    let parsed: Record<string, string>;
    try {
      const v = JSON.parse(values!) as unknown;
      if (!v || typeof v !== 'object' || Array.isArray(v)) return;
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length > MAX_VALUES || entries.some(([, x]) => typeof x !== 'string')) return;
      parsed = v as Record<string, string>;
    } catch {
      return;
    }
    out.push({ ruleId: ruleId as RuleId, sheet: sheetName, cell, reason: reason!, at: at!, values: parsed });
  });
  return out;
}

/** The sheet's rows for a list of explanations (header first), every cell text. */
export function ackRows(list: readonly Acknowledgement[]): string[][] {
  return [[...ACK_HEADER], ...list.map((a) => [a.ruleId, a.sheet, a.cell, a.reason, a.at, JSON.stringify(a.values)])];
}

export interface AppliedAcknowledgements {
  /** The findings, those still explained carrying `acknowledged`. */
  readonly findings: Finding[];
  /** Explanations that still apply (to a finding of this check, on unchanged values). */
  readonly valid: Acknowledgement[];
  /** Explanations whose cells changed since: they no longer apply. */
  readonly voided: Acknowledgement[];
}

/**
 * Matches the stored explanations to this check's findings. One applies when the same rule
 * reports on the same cell, the finding is not an error, and every cell it depended on holds
 * the value it held then. Explanations of findings that are gone (fixed) are dropped silently.
 */
export function applyAcknowledgements(grid: WorkbookGrid, findings: readonly Finding[]): AppliedAcknowledgements {
  const stored = readAcknowledgements(grid);
  if (!stored.length) return { findings: [...findings], valid: [], voided: [] };
  const byKey = new Map(stored.map((a) => [ackKey(a), a]));
  const valid: Acknowledgement[] = [];
  const voided: Acknowledgement[] = [];
  const out = findings.map((f) => {
    const a = byKey.get(ackKey(f));
    if (!a || !canAcknowledge(f)) return f;
    const same = dependsOn(f).every((ref) => (a.values[ref] ?? null) === valueAt(grid, ref)) && Object.keys(a.values).length === dependsOn(f).length;
    if (!same) {
      voided.push(a);
      return f;
    }
    valid.push(a);
    return { ...f, acknowledged: { reason: a.reason, at: a.at } };
  });
  return { findings: out, valid, voided };
}

/** The list to store after explaining `f` (replacing an earlier explanation of it). */
export function withAcknowledgement(current: readonly Acknowledgement[], a: Acknowledgement): Acknowledgement[] {
  return [...current.filter((x) => ackKey(x) !== ackKey(a)), a];
}

/** The list to store after withdrawing the explanation of `f`. */
export function withoutAcknowledgement(current: readonly Acknowledgement[], f: Pick<Finding, 'ruleId' | 'sheet' | 'cell'>): Acknowledgement[] {
  return current.filter((x) => ackKey(x) !== ackKey(f));
}

/** How many findings are explained. */
export function countAcknowledged(findings: readonly Finding[]): number {
  return findings.filter((f) => f.acknowledged).length;
}
