/**
 * Space between flex children, by margins rather than `gap`: flex `gap` arrived in Chromium 84,
 * and the Chromium 65–72 of WPS 2019-era panes ignores it — a finding's title, cell and rule ID
 * ran together, the buttons touched (seen in test/browser/old-chromium.test.ts's screenshots).
 * Margins space the children alike in every engine, so there is one layout to test. Grid `gap`
 * is Chromium 66+: `gridGap`, its older name, is set beside it (grid below).
 */
import type { GriffelStyle } from '@fluentui/react-components';

/** A column: `space` above every child but the first. */
export function stack(space: string): GriffelStyle {
  return { '& > * + *': { marginTop: space } };
}

/**
 * A row, wrapping or not: `column` after every child but the last, and where lines wrap `line`
 * below every child, the container taking the last line's back (`bordered`: a container with a
 * border or padding of its own keeps it instead, so that the border does not move).
 */
export function row(column: string, line?: string, bordered = false): GriffelStyle {
  const children: GriffelStyle = { marginRight: column };
  if (line) children.marginBottom = line;
  return {
    '& > *': children,
    '& > :last-child': { marginRight: 0 },
    ...(line && !bordered ? { marginBottom: `calc(-1 * ${line})` } : {}),
  };
}

/** Grid gaps under both names: `gap` (Chromium 66+) and `gridGap` (Chromium 57+). */
export function grid(rowGap: string, columnGap: string = rowGap): GriffelStyle {
  return { gridRowGap: rowGap, gridColumnGap: columnGap, rowGap, columnGap };
}
