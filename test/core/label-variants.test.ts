/**
 * One text normaliser before every label match (issue 20, item 2): seed 004 with each label of
 * 附件2 and 附件3 in turn typed with an invisible character, a look-alike (Kangxi radical, CJK
 * radical supplement, stroke) or full-width characters must give seed 004's own findings — a
 * zero-width space inside the `得分` header once gave a clean pass.
 */
import { checkWorkbook } from '../../src/engine';
import type { Finding } from '../../src/core/finding';
import { basicSheet, build, selfEvalSheet, type Row } from './seed004';
import { normalizeVisible } from '../../src/values/text';
import { compactLabel } from '../../src/values/value';

type Layout = { rows: Row[]; merges: string[]; name: string };

const layouts = (): Layout[] => [basicSheet(), selfEvalSheet()];
const check = (ls: Layout[]) => checkWorkbook(build(...ls), { file: 'seed-004.xlsx' });
const strip = (fs: readonly Finding[]) => fs.map(({ title: _t, ...f }) => f);
const SEED = check(layouts());

/** Unified ideograph → a Kangxi radical (U+2F00…U+2FD5) NFKC folds into it. */
const KANGXI = new Map<string, string>();
for (let c = 0x2f00; c <= 0x2fd5; c++) KANGXI.set(String.fromCharCode(c).normalize('NFKC'), String.fromCharCode(c));
/** Unified ideograph → a CJK Radicals Supplement character drawn as it (NFKC leaves these alone). */
const SUPPLEMENT = new Map<string, string>();
for (let c = 0x2e80; c <= 0x2ef3; c++) {
  const ch = String.fromCharCode(c);
  const folded = normalizeVisible(ch);
  if (folded !== ch && !KANGXI.has(folded)) SUPPLEMENT.set(folded, ch);
}

const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

/** The ways a stranger's file may type one label, each still reading as the label on screen. */
const VARIANTS: ReadonlyArray<readonly [string, (s: string) => string | null]> = [
  ['a zero-width space inside', (s) => `${s.slice(0, 1)}\u200B${s.slice(1)}`],
  ['a BOM before it and a word joiner after', (s) => `\uFEFF${s}\u2060`],
  ['a soft hyphen and a zero-width joiner inside', (s) => `${s.slice(0, 1)}\u00AD${s.slice(1, 2)}\u200D${s.slice(2)}`],
  ['a no-break space inside', (s) => `${s.slice(0, 1)}\u00A0${s.slice(1)}`],
  ['Kangxi radicals for its ideographs', (s) => (/[\u4e00-\u9fff]/.test(s) && [...s].some((c) => KANGXI.has(c)) ? [...s].map((c) => KANGXI.get(c) ?? c).join('') : null)],
  ['radical-supplement look-alikes', (s) => ([...s].some((c) => SUPPLEMENT.has(c)) ? [...s].map((c) => SUPPLEMENT.get(c) ?? c).join('') : null)],
  ['full-width letters, digits and punctuation', (s) => (/[!-~ ]/.test(s) ? toFullWidth(s) : null)],
];

/** Every label cell (text with an ideograph in it) of seed 004's two sheets, as `sheet!row,col`. */
function labelCells(): Array<{ sheet: number; row: number; col: number; text: string }> {
  const out: Array<{ sheet: number; row: number; col: number; text: string }> = [];
  layouts().forEach((l, sheet) =>
    l.rows.forEach((r, row) =>
      r.forEach((v, col) => {
        // Figures with a unit (`9.33亿元`) are values, not labels: a space inside one changes it.
        if (typeof v === 'string' && /[\u4e00-\u9fff]/.test(v) && !/^[\d.]/.test(v)) out.push({ sheet, row, col, text: v });
      }),
    ),
  );
  return out;
}

const CELLS = labelCells();
const cases = CELLS.flatMap((cell) =>
  VARIANTS.flatMap(([how, make]) => {
    const typed = make(cell.text);
    return typed === null || typed === cell.text ? [] : [[`${['附件2', '附件3'][cell.sheet]} “${cell.text.replace(/\s+/g, ' ').slice(0, 16)}” with ${how}`, cell, typed] as const];
  }),
);

test('the variants cover every label of both sheets, each at least three ways', () => {
  expect(CELLS.length).toBeGreaterThan(50);
  for (const cell of CELLS) expect([cell.text, cases.filter(([, c]) => c === cell).length >= 3]).toEqual([cell.text, true]);
  // The radicals NFKC leaves alone are really folded: ⻋ is 车 to a reader.
  expect(compactLabel('公⻋购置')).toBe('公车购置');
  expect(compactLabel('⼀级指标')).toBe('一级指标');
});

test.each(cases)('%s gives seed 004’s own findings', (_name, cell, typed) => {
  const ls = layouts();
  ls[cell.sheet]!.rows[cell.row]![cell.col] = typed;
  expect(strip(check(ls).findings)).toEqual(strip(SEED.findings));
});
