/**
 * What a located field holds as a figure, for rules and for points.ts. Kept apart from rule.ts
 * (which imports the finding model and so the rule registry) so that modules the rules themselves
 * import can read figures without closing an import cycle.
 */
import type { Field } from '../template/tables';
import type { Quantity } from '../values/value';

/** The figure a field holds, or null for blanks, "none" marks, text and error values. */
export function num(field: Field | null | undefined): Quantity | null {
  return field && field.parsed.kind === 'number' ? field.parsed : null;
}

/** For sums: blanks and "none" marks count as 0; text and errors make the sum unknowable (null). */
export function amount(field: Field | null | undefined): Quantity | null | 'unknown' {
  if (!field) return null;
  const p = field.parsed;
  if (p.kind === 'number') return p;
  if (p.kind === 'blank' || p.kind === 'none') return null;
  return 'unknown';
}
