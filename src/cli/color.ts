/**
 * Colour for the text report on a terminal. Whether to colour follows Node's own rules
 * (tty.WriteStream#hasColors): FORCE_COLOR set forces it (`0`/`false` turn it off), else a
 * non-empty NO_COLOR turns it off (no-color.org), else only a terminal that is not `dumb` gets
 * colour; --color / --no-color override all of it. A file (--out) is never coloured.
 */
import type { Severity } from '../core/finding';
import type { TextStyle } from '../report/text';

export type Env = Readonly<Record<string, string | undefined>>;

export function colorWanted(isTty: boolean, env: Env, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR']) return false;
  return isTty && env['TERM'] !== 'dumb';
}

const SGR = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const bold = SGR(1, 22);
const dim = SGR(2, 22);
const BY_SEVERITY: Readonly<Record<Severity, (s: string) => string>> = {
  error: SGR(31, 39), // red
  warning: SGR(33, 39), // yellow
  info: SGR(36, 39), // cyan
};

/** ANSI styles: severity tags in red/yellow/cyan, file names bold, explanations dim. */
export const ANSI_STYLE: TextStyle = {
  severity: (severity, text) => BY_SEVERITY[severity](text),
  heading: bold,
  muted: dim,
};
