/**
 * Whether a text shows anything to a reader. An explanation (已说明) silences a warning and
 * counts for --max-warnings, so one made of spaces, zero-width characters, bidi marks, Hangul
 * fillers or combining marks alone — invisible in every cell and pane — must not count as a
 * reason. The text is NFKC-normalised (full-width forms fold) and every character that draws
 * nothing by itself is removed; what remains must not be empty.
 */

/** Controls, format characters (zero-width, bidi), separators and spaces, combining marks, and the blank-looking letters and symbols. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u3164\uFFA0\u2800\u180E]/gu;

export function hasVisibleText(text: string): boolean {
  return text.normalize('NFKC').replace(INVISIBLE, '').length > 0;
}
