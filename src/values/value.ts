/**
 * Cell values → decimals. Clerks type figures in every form Excel and WPS allow; this module
 * is the one place that reads them, so that no rule ever parses text (see docs/style.md,
 * "validation and coercion live once").
 *
 * All arithmetic is decimal.js: binary floating point would turn 857.71 ÷ 866.48 into noise.
 */
import Decimal from 'decimal.js';
import type { Cell, RawValue } from '../grid/grid';
import { isCellError } from '../grid/grid';
import { ANY_SPACE, normalizeVisible } from './text';

export { Decimal };

export type Comparator = '≥' | '≤' | '>' | '<' | '=';

/** A figure read from a cell: its value, how many decimals it shows, its unit. */
export interface Quantity {
  readonly kind: 'number';
  /** The value in base units: a percentage is a fraction (98.99% → 0.9899). */
  readonly value: Decimal;
  /** Decimals as displayed, in the displayed unit (98.99% → 2). */
  readonly decimals: number;
  readonly percent: boolean;
  /** `%`, `亿元`, `年`, `个`…; null when the figure has none. */
  readonly unit: string | null;
  /** A target's prefix such as `≥`; null when none. */
  readonly comparator: Comparator | null;
  /** The figure as a person sees it. */
  readonly text: string;
}

export type Parsed =
  /** Nothing typed. */
  | { readonly kind: 'blank' }
  /** A "none" mark: `——`, `—`, `/`, `-`, `无`. */
  | { readonly kind: 'none'; readonly text: string }
  | Quantity
  /** Text that is not a figure (a qualitative target, a label). */
  | { readonly kind: 'text'; readonly text: string }
  /** An Excel error value, typed or computed. */
  | { readonly kind: 'error'; readonly text: string };

const NONE_MARKS = new Set(['—', '——', '———', '-', '--', '/', '\\', '无', '不适用', 'n/a', 'N/A', '／']);
const ERROR_CODES = new Set(['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA']);

const COMPARATOR_WORDS: ReadonlyArray<readonly [RegExp, Comparator]> = [
  [/^(≥|>=|＞＝|不低于|不少于|不小于|大于等于|大于或等于|至少|达到|≧)/, '≥'],
  [/^(≤|<=|＜＝|不高于|不超过|不大于|不多于|小于等于|小于或等于|控制在|≦)/, '≤'],
  [/^(>|大于|高于|超过)/, '>'],
  [/^(<|小于|低于|少于)/, '<'],
  [/^(=|＝|等于)/, '='],
];

/** `90%以上`, `5个工作日以内`: a comparator written after the figure and its unit. */
const SUFFIX_COMPARATORS: ReadonlyArray<readonly [RegExp, Comparator]> = [
  [/\s*(?:\(含\))?(?:及|或)?以上$/, '≥'],
  [/\s*(?:\(含\))?(?:及|或)?(?:以下|以内|之内)$/, '≤'],
];

/** Text normalisation shared by values and labels (text.ts): what shows, full-width → ASCII, no stray spaces. */
export function normalizeText(s: string): string {
  return normalizeVisible(s).replace(ANY_SPACE, ' ').trim();
}

/** Labels compare with every space and line break removed: `年度预\n算申请` = `年度预算申请`. */
export function compactLabel(s: string): string {
  return normalizeVisible(s).replace(ANY_SPACE, '');
}

export function isBlank(p: Parsed): p is { kind: 'blank' } {
  return p.kind === 'blank';
}

export function isQuantity(p: Parsed): p is Quantity {
  return p.kind === 'number';
}

/** Parses a cell as stored, using its number format for decimals and percent. */
export function parseCell(cell: Cell | undefined): Parsed {
  if (!cell) return { kind: 'blank' };
  return parseRaw(cell.value, cell.numFmt, cell.text);
}

export function parseRaw(value: RawValue, numFmt?: string, shown?: string): Parsed {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (isCellError(value)) return { kind: 'error', text: value.error };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number') return parseNumber(value, numFmt, shown);
  return parseText(value);
}

/**
 * Decimals already made, by the number they came from. A form repeats its figures (分值 10 and
 * 20, 100%, the same amounts in two tables), a Decimal is immutable, and making one was the
 * engine's largest single cost on a long table: one is shared. Bounded: emptied when full.
 */
const DECIMALS = new Map<number, Decimal>();
const DECIMALS_MAX = 4096;

/** Excel keeps 15 significant digits; anything past that is binary noise from a formula. */
function decimalFromNumber(n: number): Decimal {
  // -0 and 0 are one key to a Map; -0 is rare enough to be made afresh each time.
  if (Object.is(n, -0)) return newDecimalFromNumber(n);
  const known = DECIMALS.get(n);
  if (known !== undefined) return known;
  const d = newDecimalFromNumber(n);
  if (DECIMALS.size >= DECIMALS_MAX) DECIMALS.clear();
  DECIMALS.set(n, d);
  return d;
}

function newDecimalFromNumber(n: number): Decimal {
  if (Number.isSafeInteger(n)) return new Decimal(n); // decimal.js's fast path for small integers
  const s = String(n);
  // Sixteen characters or fewer hold at most 15 digits: nothing to trim, the common case.
  if (s.length <= 16) return new Decimal(s);
  // Near the largest double (1.7976931348623157e308) the 15-digit rounding overflows to Infinity:
  // the rounded digits are then read as text, which decimal.js holds at any magnitude.
  const rounded = Number(n.toPrecision(15));
  return new Decimal(Number.isFinite(rounded) ? rounded.toString() : n.toPrecision(15));
}

function parseNumber(n: number, numFmt: string | undefined, shown: string | undefined): Parsed {
  if (!Number.isFinite(n)) return { kind: 'error', text: String(n) };
  const fmt = describeFormat(numFmt);
  const value = decimalFromNumber(n);
  const decimals = fmt.decimals ?? Math.max(0, value.decimalPlaces() - (fmt.percent ? 2 : 0));
  const displayed = shown && shown.trim() !== '' ? shown.trim() : null;
  return new NumberValue(value, decimals, fmt.percent, fmt.percent ? '%' : fmt.unit, null, displayed);
}

/**
 * One class for every parsed figure: one hidden class for the engine's hot loops, and the
 * displayed text formatted only when a message needs it (most figures are never shown).
 */
class NumberValue implements Quantity {
  readonly kind = 'number' as const;
  constructor(
    readonly value: Decimal,
    readonly decimals: number,
    readonly percent: boolean,
    readonly unit: string | null,
    readonly comparator: Comparator | null,
    private readonly displayed: string | null,
  ) {}

  get text(): string {
    if (this.displayed !== null) return this.displayed;
    const shown = this.percent ? this.value.times(100) : this.value;
    return shown.toFixed(this.decimals, Decimal.ROUND_HALF_UP) + (this.percent ? '%' : '');
  }
}

interface FormatInfo {
  /** Fixed decimals the format shows; null for General (as many as the value has). */
  readonly decimals: number | null;
  readonly percent: boolean;
  /** A unit the format appends as literal text: `0.00"亿元"` → `亿元`. */
  readonly unit: string | null;
}

const NO_FORMAT: FormatInfo = { decimals: null, percent: false, unit: null };
/** Workbooks use a handful of formats over thousands of cells: parse each code once. */
const FORMATS = new Map<string, FormatInfo>();

/** Reads decimals and percent from a number format code such as `#,##0.00_);[Red](#,##0.00)`. */
export function describeFormat(numFmt: string | undefined): FormatInfo {
  if (!numFmt || /^general$/i.test(numFmt.trim()) || numFmt === '@') return NO_FORMAT;
  const cached = FORMATS.get(numFmt);
  if (cached) return cached;
  const { bare, literal: lastQuoted } = scanFirstSection(numFmt);
  const percent = bare.includes('%');
  // A date or time format's literals (`yyyy"年"m"月"d"日"`) are not a unit of the figure.
  const isDateTime = /[ymdhs]/i.test(bare.replace(/e[+-]/gi, ''));
  const literal = isDateTime || lastQuoted === null || !/^[^"\d]{1,6}$/.test(lastQuoted) ? null : lastQuoted.trim() || null;
  const m = /\.([0#?]+)/.exec(bare);
  const info: FormatInfo = {
    decimals: /[0#?]/.test(bare) ? (m ? m[1]!.length : 0) : null,
    percent,
    unit: percent ? null : literal,
  };
  if (FORMATS.size < 1000) FORMATS.set(numFmt, info);
  return info;
}

/**
 * One pass over a format code's first section (up to an unquoted `;`): `bare` is the section
 * without quoted text, `[...]` codes, `\x` escapes and `_x` paddings; `literal` is the last
 * quoted text when only spaces follow it. A hand loop, not regexes: a code is workbook text,
 * and `\[[^\]]*\]` over a long run of `[` backtracks quadratically.
 */
function scanFirstSection(code: string): { bare: string; literal: string | null } {
  let bare = '';
  let quoted: { text: string; end: number } | null = null;
  let closes = { '"': true, ']': true }; // false once no closing character is left
  let i = 0;
  for (; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === ';') break;
    if (ch === '\\' || ch === '_') {
      i++; // the escaped or padded character is not part of the figure
      continue;
    }
    const close = ch === '"' ? '"' : ch === '[' ? ']' : null;
    if (close && closes[close]) {
      const end = code.indexOf(close, i + 1);
      if (end >= 0) {
        if (close === '"') quoted = { text: code.slice(i + 1, end), end };
        i = end;
        continue;
      }
      closes = { ...closes, [close]: false };
    }
    bare += ch;
  }
  const literal = quoted && code.slice(quoted.end + 1, i).trim() === '' ? quoted.text : null;
  return { bare, literal };
}

const MAX_UNIT_WITH_SUFFIX = 16;
const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?/;

/** Parses text a clerk typed: `98.99%`, `9.33亿元`, `≥90%`, `１４`, `1,234.5`, `——`. */
export function parseText(raw: string): Parsed {
  const text = normalizeText(raw);
  if (text === '') return { kind: 'blank' };
  if (NONE_MARKS.has(text) || /^[—–\-\s]+$/.test(text)) return { kind: 'none', text };
  if (ERROR_CODES.has(text.toUpperCase())) return { kind: 'error', text };

  let rest = text;
  let comparator: Comparator | null = null;
  for (const [re, c] of COMPARATOR_WORDS) {
    const m = re.exec(rest);
    if (m) {
      comparator = c;
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }
  const m = NUMBER_RE.exec(rest);
  if (!m || (m[2] === undefined && m[3] === undefined)) return { kind: 'text', text };
  const sign = m[1] === '-' ? '-' : '';
  const intPart = (m[2] ?? '0').replace(/,/g, '');
  const frac = m[3] ?? '';
  let unit = rest.slice(m[0].length).trim();
  // A unit plus its longest suffix (`(含)及以下`) is short: longer text is prose, and the
  // suffix patterns, anchored at the end, never run over a long string.
  for (const [re, c] of unit.length <= MAX_UNIT_WITH_SUFFIX ? SUFFIX_COMPARATORS : []) {
    const sm = re.exec(unit);
    if (sm) {
      comparator ??= c;
      unit = unit.slice(0, sm.index).trim();
      break;
    }
  }
  // A figure followed by more figures or a sentence is prose, not a quantity.
  if (/\d/.test(unit) || unit.length > 6) return { kind: 'text', text };
  const shown = new Decimal(`${sign}${intPart}${frac ? '.' + frac : ''}`);
  const percent = unit === '%';
  const value = percent ? shown.div(100) : shown;
  return new NumberValue(value, frac.length, percent, unit === '' ? null : unit, comparator, text);
}

/**
 * Amounts typed inside a label cell, after its last colon: `按收入性质分：866.48`.
 * Returns the parsed text after the colon (blank when nothing follows it).
 */
export function parseAfterColon(label: string): Parsed {
  const norm = normalizeVisible(label);
  const idx = norm.lastIndexOf(':');
  if (idx < 0) return { kind: 'blank' };
  return parseText(norm.slice(idx + 1));
}

/** `一级指标(30分)` → `一级指标`: the text before the first `(` (linear, unlike `/\(.*$/`). */
export function textBeforeParen(s: string): string {
  const i = s.indexOf('(');
  return i < 0 ? s : s.slice(0, i);
}

/** Rounds half-up, as Excel's ROUND and as people do. */
export function roundHalfUp(v: Decimal, decimals: number): Decimal {
  return v.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

/** A decimal string for the JSON report: the value with exactly `decimals` places. */
export function fixed(v: Decimal, decimals: number): string {
  return v.toFixed(decimals, Decimal.ROUND_HALF_UP);
}

/** The shortest decimal string of a value (no trailing zeros): `95.8`. */
export function plain(v: Decimal): string {
  return v.toFixed();
}
