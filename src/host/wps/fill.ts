/**
 * Interior snapshots in WPS. No Fill is `Pattern` = xlNone (its `Color` reads white, like a
 * solid white fill); a theme colour is `ThemeColor` + `TintAndShade` (reading `ThemeColor` of
 * a non-theme colour fails on some hosts, so it is optional). Restored in an order that lets
 * each property land: Pattern, then ThemeColor or Color, then the tints and pattern colour.
 */
import { chunkAddresses } from '../addresses';
import { hexToBgr } from './color';
import { get, setVerified, xlNone, xlSolid, type WpsInterior, type WpsWorksheet } from './om';

/** Tints come back as floats: equal within what a fill can hold. */
const near = (v: number) => (now: unknown) => typeof now === 'number' && Math.abs(now - v) < 1e-6;

export type WpsFill =
  | { readonly none: true }
  | {
      readonly none: false;
      readonly pattern: number;
      /** BGR. */
      readonly color: number;
      readonly themeColor: number | null;
      readonly tintAndShade: number;
      readonly patternColor: number;
      readonly patternTintAndShade: number;
    };

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function snapshotInterior(it: WpsInterior): WpsFill {
  const pattern = get(it, 'Pattern');
  let colorIndex: unknown = null;
  try {
    colorIndex = get(it, 'ColorIndex');
  } catch {
    // not every build has it
  }
  if (pattern === xlNone || colorIndex === xlNone) return { none: true };
  let themeColor: number | null;
  try {
    const t = get(it, 'ThemeColor');
    themeColor = typeof t === 'number' && t > 0 ? t : null;
  } catch {
    themeColor = null;
  }
  return {
    none: false,
    pattern: num(pattern, xlSolid),
    color: num(get(it, 'Color'), 0xffffff),
    themeColor,
    tintAndShade: num(get(it, 'TintAndShade')),
    patternColor: num(get(it, 'PatternColor')),
    patternTintAndShade: num(get(it, 'PatternTintAndShade')),
  };
}

/** Every write is read back (setVerified): a build that ignores one fails loudly, never half-restores silently. */
export function restoreInterior(it: WpsInterior, f: WpsFill): void {
  if (f.none) {
    setVerified(it, 'Pattern', xlNone);
    return;
  }
  setVerified(it, 'Pattern', f.pattern);
  if (f.themeColor !== null) setVerified(it, 'ThemeColor', f.themeColor);
  else setVerified(it, 'Color', f.color);
  setVerified(it, 'TintAndShade', f.tintAndShade, near(f.tintAndShade));
  if (f.pattern !== xlSolid) {
    setVerified(it, 'PatternColor', f.patternColor);
    setVerified(it, 'PatternTintAndShade', f.patternTintAndShade, near(f.patternTintAndShade));
  }
}

/** VBA's Range(address) refuses strings longer than 255 characters. */
const MAX_CHARS = 240;
const MAX_AREAS = 30;

/** Paints cells of one sheet a solid colour, many cells per Range("A1,B5,…") call. */
export function paintCells(ws: WpsWorksheet, cells: readonly string[], hex: string): void {
  const bgr = hexToBgr(hex);
  for (const chunk of chunkAddresses(cells, MAX_CHARS, MAX_AREAS)) {
    const it = get<WpsInterior>(ws.Range(chunk), 'Interior');
    setVerified(it, 'Pattern', xlSolid);
    setVerified(it, 'Color', bgr);
    setVerified(it, 'TintAndShade', 0, near(0));
  }
}

/** Restores fills; cells that had No Fill are cleared together. */
export function restoreCells(ws: WpsWorksheet, cells: ReadonlyArray<{ cell: string; fill: WpsFill }>): void {
  const none = cells.filter((c) => c.fill.none).map((c) => c.cell);
  for (const chunk of chunkAddresses(none, MAX_CHARS, MAX_AREAS)) setVerified(get<WpsInterior>(ws.Range(chunk), 'Interior'), 'Pattern', xlNone);
  for (const c of cells) if (!c.fill.none) restoreInterior(get<WpsInterior>(ws.Range(c.cell), 'Interior'), c.fill);
}
