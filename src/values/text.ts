/**
 * The one text normaliser every label match goes through (issue 20: a zero-width space inside the
 * `得分` header must not make the column vanish). A label reads the same after it as the clerk
 * sees it on screen:
 *
 * * invisible characters dropped: zero-width spaces and joiners, bidi marks and isolates, word
 *   joiners and invisible operators, BOMs, soft hyphens, variation selectors, tags, Hangul fillers;
 * * NFKC: full-width letters, digits and punctuation, the ideographic and no-break spaces,
 *   compatibility ideographs (U+F900…) and the Kangxi radicals (⼀ U+2F00 → 一, ⾦ → 金, ⽀ → 支);
 * * look-alikes NFKC leaves alone: the CJK Radicals Supplement characters that are drawn as a
 *   standalone ideograph (⻋ → 车, ⻅ → 见, ⻔ → 门…), CJK strokes (㇐ → 一), and the katakana that
 *   pass for ideographs in a Chinese label (ー → 一, ニ → 二, ロ → 口, エ → 工, カ → 力, ハ → 八).
 *
 * Spaces and line breaks are kept here (values need them between a figure and its unit);
 * `compactLabel` removes them for label matching.
 */

/** Characters that show nothing (Unicode Default_Ignorable_Code_Point, the ones seen in the wild), as ranges. */
const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x061c, 0x061c], // Arabic letter mark
  [0x115f, 0x1160], // Hangul fillers
  [0x17b4, 0x17b5],
  [0x180b, 0x180f], // Mongolian variation selectors, vowel separator
  [0x200b, 0x200f], // zero-width space, joiners, LRM/RLM
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2060, 0x206f], // word joiner, invisible operators, bidi isolates
  [0x3164, 0x3164], // Hangul filler
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // BOM, zero-width no-break space
  [0xffa0, 0xffa0],
  [0xfff0, 0xfff8],
];
const hex = (n: number) => n.toString(16).padStart(4, '0');
// Built from code points: a class of combining marks written out would read as one glyph.
const INVISIBLE = new RegExp(`[${INVISIBLE_RANGES.map(([a, b]) => `\\u${hex(a)}-\\u${hex(b)}`).join('')}]|\\uDB40[\\uDC00-\\uDDEF]`, 'g');

/** CJK Radicals Supplement and CJK Strokes drawn as a whole ideograph, and katakana that pass for one. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '⺁': '厂', '⺇': '几', '⺊': '卜', '⺎': '兀', '⺐': '尢', '⺒': '巳', '⺓': '幺', '⺔': '彑', '⺖': '忄', '⺘': '扌',
  '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月', '⺠': '民', '⺡': '氵', '⺣': '灬', '⺤': '爫', '⺦': '丬', '⺨': '犭',
  '⺩': '王', '⺪': '疋', '⺫': '罒', '⺬': '示', '⺭': '礻', '⺯': '糸', '⺰': '纟', '⺲': '罒', '⺹': '耂', '⺻': '聿',
  '⺼': '月', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎', '⻂': '衤', '⻃': '西', '⻄': '西', '⻅': '见',
  '⻆': '角', '⻇': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻖': '阝',
  '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风',
  '⻜': '飞', '⻝': '食', '⻟': '食', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤',
  '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻱': '龜',
  '㇐': '一', '㇑': '丨', '㇒': '丿', '㇔': '丶',
  'ー': '一', 'ニ': '二', 'ロ': '口', 'エ': '工', 'カ': '力', 'タ': '夕', 'ト': '卜', 'ハ': '八',
};

const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

/** A dash or box line drawn where 一 belongs: `—级指标`, `─级指标`. */
const DASH_FOR_ONE = /[\u2010-\u2015\u2212\u2500\u2501](?=级)/g;

/** Text as the clerk sees it: invisible characters dropped, NFKC, look-alikes folded. Spaces kept. */
export function normalizeVisible(s: string): string {
  // Most cells are plain: one test before three passes.
  let t = s.normalize('NFKC');
  if (!/[^\u0020-\u007E\u4E00-\u9FFF\u3000-\u303F]/.test(t)) return t;
  t = t.replace(INVISIBLE, '');
  return t.replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c]!).replace(DASH_FOR_ONE, '一');
}

/** Spaces of every kind and line breaks, for labels compared without them. */
export const ANY_SPACE = /[\s\u00a0\u3000]+/g;
