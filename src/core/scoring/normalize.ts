/**
 * One spelling for every way a clerk or a template writes the same scoring text: full-width
 * characters, `≦`/`≤`/`<=`, `（含）`, stray spaces and quotes, `。`/`；` between clauses,
 * Chinese numerals before a measure word (`每超过一个百分点`), `～`/`至` in ranges.
 */

import { normalizeVisible } from '../../values/text';
/** Circled item numbers start checklist items; NFKC would fold them into plain digits. */
const CIRCLED = /[\u2460-\u2473\u2776-\u277f\u3251-\u325f]/g;
export const ITEM_MARK = '§';

const CN_DIGITS: Readonly<Record<string, string>> = {
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  十: '10',
};

export function normalizeCriterion(text: string): string {
  return (
    normalizeVisible(text.replace(CIRCLED, ITEM_MARK))
      .replace(/[\s\u00a0\u3000]+/g, '')
      .replace(/["'“”‘’「」『』《》]/g, '')
      .replace(/≦|<=|=<|≤=/g, '≤')
      .replace(/≧|>=|=>|≥=/g, '≥')
      .replace(/[。;]+/g, ';')
      .replace(/[*xX✕]/g, '×')
      .replace(/÷/g, '/')
      .replace(/\((?:包含|包括|含本数|含)\)/g, '(含)')
      // `0～10%`, `10%至20%`, `10%—20%`: ranges as `0-10%`.
      .replace(/(\d%?(?:\(含\))?)(?:~|至|到|—|–|－)(?=\d)/g, '$1-')
      // `一个百分点`, `两分`, `三项`: digits before measure words only, never inside words like 一级.
      .replace(/([一二两三四五六七八九十])(?=个|分|项|例|处|次)/g, (_, d: string) => CN_DIGITS[d] ?? d)
      .replace(/;$/, '')
  );
}
