/** Severity colours: cell highlights from docs/conventions.md, text colours that read on them. */
import type { Severity } from '../core/finding';

/** The cell fill of each severity (annotated copy, host marks, the page's grid). */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#BDD7EE',
};

/** Dark text on the fill (Excel's 差/适中 styles; a dark blue for info): contrast ≥ 4.5:1. */
export const SEVERITY_INK: Readonly<Record<Severity, string>> = {
  error: '#9C0006',
  warning: '#7A4B00',
  info: '#1F4E78',
};

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
