/**
 * Figures a Word report states in its own words (自评报告正文): 预算执行率, 全年预算数 and 全年执行数,
 * 自评得分 / 总分, 评价等级 / 等次 — found by their wording, sentence by sentence, so the
 * narrative rule can compare them with the same figures as entered in the tables. Pure; no rule
 * logic here. Every pattern is linear (no nested quantifiers over the same characters) and runs
 * on one sentence at a time.
 *
 * Deliberately narrow: a figure is taken only where its name stands right before it (`预算执行率
 * 为98.99%`, `自评得分95.8分`, `评价等级为“优”`). Amounts named otherwise (`年初预算数`,
 * `财政拨款收入`, `项目支出`) and scores of single indicators (`该项指标得分为2分`) are not taken.
 */
import Decimal from 'decimal.js';
import { parseGrade } from './grade';
import type { Grade } from './report';

/** Where findings about a report's text point (docs/contract.md): sheet `正文`, cell `¶N`. */
export const BODY_SHEET = '正文';

export type StatedKind = 'rate' | 'budget' | 'actual' | 'total' | 'grade';

interface StatedBase {
  /** 1-based position among the body's paragraphs (docs/contract.md `¶N`). */
  readonly paragraph: number;
  /** The sentence it was found in, trimmed, for the finding's message. */
  readonly sentence: string;
  /** The figure as written, e.g. `98.99%`, `866.48万元`, `优`. */
  readonly written: string;
}

export interface StatedNumber extends StatedBase {
  readonly kind: 'rate' | 'budget' | 'actual' | 'total';
  /** Rates as fractions (98.99% → 0.9899); amounts in 万元 (the tables' unit); scores as is. */
  readonly value: Decimal;
  /** Decimals shown in the text, in the text's own unit (98.99% → 2, 0.09亿元 → 2). */
  readonly decimals: number;
  /** How many 万元 one unit of the written figure is (亿元 → 10000, 元 → 0.0001); 1 otherwise. */
  readonly unitInWan: Decimal;
  /** The clause before the figure's name (`项目支出` in `项目支出预算执行率为100%`), to tell a part from the whole. */
  readonly before: string;
}

export interface StatedGradeText extends StatedBase {
  readonly kind: 'grade';
  /** The grade in the tables' words: 优, 良, 中, 差 (优秀 → 优, 良好 → 良, 合格 → 中, 不合格 → 差). */
  readonly grade: Grade;
}

export type StatedFigure = StatedNumber | StatedGradeText;

// Full-width digits, signs and the ideographic space, as clerks type them.
function halfWidth(s: string): string {
  return s
    .replace(/[\uff10-\uff19\uff05\uff0e\uff1a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
// `为`, `是`, `达`, `达到`, a colon and a space may stand between a name and its figure (runs of
// whitespace are one space by then).
const LINK = ' ?(?:为|是|达到|达|约为)? ?:? ?';

interface NumberPattern {
  readonly kind: StatedNumber['kind'];
  /** The figure's names, found first (a literal alternation: linear). */
  readonly names: RegExp;
  /** The figure right after a name, matched there only (sticky). */
  readonly tail: RegExp;
  readonly unit: 'percent' | 'money' | 'points';
}

const NUMBER_PATTERNS: readonly NumberPattern[] = [
  { kind: 'rate', names: /预算执行率|资金执行率|执行率/g, tail: new RegExp(`${LINK}${NUMBER} ?%`, 'y'), unit: 'percent' },
  { kind: 'budget', names: /全年预算数|调整后预算数|全年预算/g, tail: new RegExp(`${LINK}${NUMBER} ?(万元|亿元|元)`, 'y'), unit: 'money' },
  { kind: 'actual', names: /全年实际执行数|全年执行数|预算执行数/g, tail: new RegExp(`${LINK}${NUMBER} ?(万元|亿元|元)`, 'y'), unit: 'money' },
  {
    kind: 'total',
    names: /自评综合得分|自评得分|自评总分|综合得分|综合评分|绩效评价得分|评价得分|总得分|最后得分|最终得分|总分/g,
    tail: new RegExp(`${LINK}${NUMBER} ?分`, 'y'),
    unit: 'points',
  },
];

const GRADE_NAMES = /评价等级|评价等次|自评等级|自评等次|绩效等级|评定等级|评价结果|自评结果|等次|等级/g;
// The grade word must follow a link word, a colon or an opening quote: `等级中` is not a grade.
const GRADE_TAIL = / ?(?:(?:为|是|评定为|评为) ?:?|:) ?[“"「『]?(不合格|优秀|良好|合格|优|良|中|差)|[“"「『](不合格|优秀|良好|合格|优|良|中|差)/y;



const WAN: Record<string, Decimal> = { 万元: new Decimal(1), 亿元: new Decimal(10000), 元: new Decimal('0.0001') };

/** Sentences of a paragraph: split after 。；！？ and line breaks, each trimmed. */
function sentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i]!;
    if (ch === '。' || ch === '；' || ch === ';' || ch === '！' || ch === '？' || ch === '\n') {
      out.push(paragraph.slice(start, i + 1));
      start = i + 1;
    }
  }
  out.push(paragraph.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** The text from the last clause break (，、 , or the sentence start) up to `end`. */
function clauseBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !'，、,;:（('.includes(text[start - 1]!)) start--;
  return text.slice(start, end);
}

/** Non-overlapping matches of a global pattern, left to right. */
function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
  return out;
}

function decimalsOf(written: string): number {
  const dot = written.indexOf('.');
  return dot < 0 ? 0 : written.length - dot - 1;
}

/** Every figure the body's paragraphs state, in document order. */
export function statedFigures(paragraphs: readonly string[]): StatedFigure[] {
  const out: StatedFigure[] = [];
  paragraphs.forEach((raw, i) => {
    const paragraph = i + 1;
    for (const sentence of sentences(raw)) {
      // Whitespace runs become one space, so no pattern ever backtracks over a run of them.
      const text = halfWidth(sentence).replace(/：/g, ':').replace(/，(?=\d{3}(?!\d))/g, ',').replace(/\s+/g, ' ');
      for (const p of NUMBER_PATTERNS) {
        for (const name of matchesOf(p.names, text)) {
          // `该项指标得分为2分` is one indicator's score, not the total.
          if (p.kind === 'total' && text.slice(Math.max(0, name.index - 2), name.index) === '指标') continue;
          p.tail.lastIndex = name.index + name[0].length;
          const m = p.tail.exec(text);
          if (!m) continue;
          const digits = m[1]!.replace(/,/g, '');
          const unitInWan = p.unit === 'money' ? WAN[m[2]!]! : new Decimal(1);
          const figure = new Decimal(digits);
          const value = p.unit === 'percent' ? figure.div(100) : p.unit === 'money' ? figure.mul(unitInWan) : figure;
          out.push({
            kind: p.kind,
            paragraph,
            sentence,
            written: m[0].slice(m[0].indexOf(m[1]!)).replace(/ /g, ''),
            value,
            decimals: decimalsOf(digits),
            unitInWan,
            before: clauseBefore(text, name.index),
          });
        }
      }
      for (const name of matchesOf(GRADE_NAMES, text)) {
        GRADE_TAIL.lastIndex = name.index + name[0].length;
        const m = GRADE_TAIL.exec(text);
        const word = m ? (m[1] ?? m[2]) : undefined;
        const grade = word ? parseGrade(word) : null;
        if (word && grade) out.push({ kind: 'grade', paragraph, sentence, written: word, grade });
      }
    }
  });
  return out;
}
