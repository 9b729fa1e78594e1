/**
 * The one sanitiser for every text that reaches a terminal: the text report, stderr lines
 * (已写出, warnings, notes), the progress line, file names. A workbook's cell or a file's name is a
 * stranger's text: an ESC sequence in it could clear the screen and print a green "全部通过", a
 * newline could start a forged "已写出" line, a bidi override could reorder what the eye reads. Each
 * such character is written as a visible escape (`\x1B`, `\n`, `\u202E`) instead, so the reader
 * sees that it was there and nothing it does takes effect. Ordinary text, CJK and emoji pass as
 * they are; a backslash stays a backslash (the escapes are for the eye, not to be parsed back).
 */

/**
 * C0 controls but the tab, DEL, C1 controls (U+0080–U+009F: 8-bit CSI and friends, which some
 * terminals obey), bidi marks and overrides, line/paragraph separators, the BOM and interlinear
 * annotation marks.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every character that could steer a terminal written as a visible escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** Whether `text` holds anything terminalSafe would escape. */
export function hasTerminalControls(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * A JSON text with the characters JSON.stringify leaves raw but a terminal may obey (C1
 * controls, bidi marks, separators) written as `\uXXXX` escapes: the same JSON value, so nothing
 * a reader parses changes, and `--format json` on a terminal cannot be steered either.
 * (JSON.stringify already escapes C0 controls.)
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(/[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
