/**
 * A shared formula's text at one of the cells that share it: the master cell's formula with its
 * relative references moved by the distance between the two cells. This is what ExcelJS gives
 * as such a cell's `formula` (utils/shared-formula.js, `slideFormula`), which the Grid has always
 * carried; its replacement pattern, `/(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi`, is matched
 * here by hand with the same leftmost choices, in one pass: the pattern itself backtracks over
 * long runs (a formula is workbook text; README, "Limits").
 */

const MAX_COLUMN = 16384;

/** `[a-z0-9_-]` case-insensitive: the characters of the pattern's sheet prefix. */
function isSheetChar(c: number): boolean {
  return isAlnum(c) || c === 95 /* _ */ || c === 45; /* - */
}

/** `[a-z0-9_$]` case-insensitive: the characters of a reference (or any word) the pattern takes. */
function isWordChar(c: number): boolean {
  return isAlnum(c) || c === 95 /* _ */ || c === 36; /* $ */
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** For each position, where the run of `accept` characters starting there ends. */
function runEnds(text: string, accept: (c: number) => boolean): Int32Array {
  const ends = new Int32Array(text.length + 1);
  ends[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) ends[i] = accept(text.charCodeAt(i)) ? ends[i + 1]! : i;
  return ends;
}

/** `formula` as written at `master` (1-based row, col), moved to `target`. Throws past column XFD, as ExcelJS does. */
export function slideFormula(formula: string, master: { row: number; col: number }, target: { row: number; col: number }): string {
  const sheetEnds = runEnds(formula, isSheetChar);
  const wordEnds = runEnds(formula, isWordChar);
  let out = '';
  let p = 0;
  while (p < formula.length) {
    let sheet = '';
    let word = -1;
    const afterSheet = sheetEnds[p]!;
    if (formula.charCodeAt(afterSheet) === 33 /* ! */ && wordEnds[afterSheet + 1]! - (afterSheet + 1) >= 2) {
      sheet = formula.slice(p, afterSheet + 1);
      word = afterSheet + 1;
    } else if (wordEnds[p]! - p >= 2) {
      word = p;
    }
    if (word < 0) {
      out += formula[p];
      p++;
      continue;
    }
    const end = wordEnds[word]!;
    const call = formula.charCodeAt(end) === 40; /* ( */
    const whole = formula.slice(p, call ? end + 1 : end);
    const ref = call ? null : moved(formula.slice(word, end), master, target);
    out += ref === null ? whole : sheet + ref;
    p = call ? end + 1 : end;
  }
  return out;
}

/** A cell reference (`$B12`) moved, or null when the word is not one (a name, a number). */
function moved(word: string, master: { row: number; col: number }, target: { row: number; col: number }): string | null {
  const ref = /^(\$)?([a-z]+)(\$)?([1-9][0-9]*)$/i.exec(word);
  if (!ref) return null;
  const letters = ref[2]!.toUpperCase();
  if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return null;
  let col = columnNumber(letters);
  let row = parseInt(ref[4]!, 10);
  if (!ref[1]) col += target.col - master.col;
  if (!ref[3]) row += target.row - master.row;
  return `${ref[1] ?? ''}${columnLetters(col)}${ref[3] ?? ''}${row}`;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function columnLetters(col: number): string {
  if (col < 1 || col > MAX_COLUMN) throw new Error(`${col} is out of bounds. Excel supports columns from 1 to 16384`);
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
