/**
 * Time targets (docs/rules-domain.md: `1年`, `12月底前`, `按时`): met when 完成值 is not later than
 * 指标值. Durations in time units are ordinary "lower is better" figures (see indicator.ts);
 * this module reads the deadline texts that are not figures.
 */
import type { Parsed } from './value';
import { compactLabel } from './value';

export type Deadline = { readonly kind: 'on-time' } | { readonly kind: 'month'; readonly year: number | null; readonly month: number };

const ON_TIME = /^(按时|按期|及时|如期|提前)(完成|办结|完工)?$|^(已完成|已办结|完成)$/;
const MONTH = /^(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:\d{1,2}日)?(?:底|末|下旬)?(?:前|之前|以前|内|完成)*$/;

export function parseDeadline(p: Parsed): Deadline | null {
  if (p.kind !== 'text' && p.kind !== 'number') return null;
  // A figure is a deadline only with a calendar unit (`12月`, `12月底前`); skip the rest cheaply.
  if (p.kind === 'number' && (p.unit === null || !p.unit.startsWith('月'))) return null;
  const t = compactLabel(p.text);
  if (ON_TIME.test(t)) return { kind: 'on-time' };
  const m = MONTH.exec(t);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { kind: 'month', year: m[1] ? Number(m[1]) : null, month };
}

/**
 * Whether the completion is not later than the deadline; null when they cannot be compared.
 * A month without a year is in `year`, the year the table reports on (`12月底前` in a 2023
 * table is December 2023, so `2024年1月` is late); without it, only months compare.
 */
export function deadlineMet(target: Deadline, actual: Deadline, year: number | null = null): boolean | null {
  if (target.kind === 'on-time') return actual.kind === 'on-time' ? true : null;
  if (actual.kind === 'on-time') return true; // "按时完成" against a dated deadline
  const ty = target.year ?? year;
  const ay = actual.year ?? year;
  if (ty !== null && ay !== null && ty !== ay) return ay < ty;
  return actual.month <= target.month;
}
