/**
 * The cap on a text a finding carries from a workbook. A finding quotes what it read (the
 * entered value, a label in its message, the arithmetic in its explanation); a stranger's cell
 * may hold 30,000 characters, and a sheet of thousands of rows sharing it would make findings of
 * gigabytes. Each such text is cut at TEXT_CAP characters when the finding is made, and the cut
 * is said in the text itself. Real forms' texts are far shorter, so their findings are unchanged.
 * (report/bounded.ts bounds a whole report the same way before it leaves a worker.)
 */

/** Longest text kept in a finding or report (characters, i.e. UTF-16 code units). */
export const TEXT_CAP = 1_000;

/** `text`, or its first `cap` characters followed by `…（已截断，原文 N 字）`. */
export function capText(text: string, cap: number = TEXT_CAP): string {
  if (text.length <= cap) return text;
  // Never cut a surrogate pair in half.
  let end = cap;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…（已截断，原文 ${text.length} 字）`;
}
