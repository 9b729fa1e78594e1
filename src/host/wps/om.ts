/**
 * The slice of the WPS Spreadsheets (ET) JSAPI object model the adapter uses: synchronous and
 * VBA-like, 1-based collections. Typed loosely on purpose — WPS builds differ in whether a
 * member is a property or a zero-argument method (see `get`), so nothing here promises more
 * than the adapter checks at run time.
 *
 * Facts relied on (sources in src/host/wps/README.md): `Worksheets.Item(i | name)` 1-based;
 * `UsedRange`, `Range(address)`; `Value2` / `Formula` of a multi-cell range are 2-D arrays
 * (JS arrays of rows, 0-based in JS), of one cell a scalar; `NumberFormat` of a multi-cell
 * range is one string when uniform and null when mixed (VBA); `MergeCells` true/false/null;
 * `MergeArea` of one cell; `Interior.Color` a BGR integer 0xBBGGRR; No Fill is
 * `Interior.Pattern` = xlNone (-4142) while `Color` reads white; `ProtectContents`.
 */

/** Members that are properties in some WPS builds and zero-argument methods in others. */
export type Member<T> = T | (() => T);

export interface WpsInterior {
  Color: Member<unknown>;
  Pattern: Member<unknown>;
  PatternColor: Member<unknown>;
  TintAndShade: Member<unknown>;
  PatternTintAndShade: Member<unknown>;
  ThemeColor?: Member<unknown>;
  ColorIndex?: Member<unknown>;
}

export interface WpsRange {
  Address: Member<unknown>;
  Value2: Member<unknown>;
  Formula: Member<unknown>;
  NumberFormat: Member<unknown>;
  MergeCells: Member<unknown>;
  MergeArea: Member<WpsRange>;
  Interior: Member<WpsInterior>;
  Row?: Member<unknown>;
  Column?: Member<unknown>;
  Select(): unknown;
}

export interface WpsWorksheet {
  Name: Member<unknown>;
  ProtectContents: Member<unknown>;
  UsedRange: Member<WpsRange>;
  Visible: Member<unknown>;
  Range(address: string): WpsRange;
  Activate(): unknown;
  Delete(): unknown;
}

export interface WpsWorksheets {
  Count: Member<unknown>;
  Item(index: number | string): WpsWorksheet;
  Add(before?: WpsWorksheet, after?: WpsWorksheet): WpsWorksheet;
}

export interface WpsWorkbook {
  Worksheets: Member<WpsWorksheets>;
}

export interface WpsWindow {
  ScrollRow: unknown;
  ScrollColumn: unknown;
}

export interface WpsApplication {
  ActiveWorkbook: Member<WpsWorkbook | null>;
  ActiveSheet: Member<WpsWorksheet | null>;
  ActiveWindow?: Member<WpsWindow | null>;
  ScreenUpdating?: unknown;
  DisplayAlerts?: unknown;
}

// XlPattern / XlColorIndex / XlSheetVisibility constants (VBA values, which WPS keeps).
export const xlNone = -4142;
export const xlSolid = 1;
export const xlSheetVeryHidden = 2;

/** Reads a member that may be a property or a zero-argument method, bound to its owner. */
export function get<T = unknown>(owner: object, name: string): T {
  const v = (owner as Record<string, unknown>)[name];
  return (typeof v === 'function' ? (v as () => T).call(owner) : v) as T;
}

/** Sets a property (VBA-style assignment, as WPS JSAPI takes it). */
export function set(owner: object, name: string, value: unknown): void {
  (owner as Record<string, unknown>)[name] = value;
}

/** The ET Application: `wps.EtApplication()` where present, else the global `Application`. */
export function globalWpsApplication(): WpsApplication | null {
  const g = globalThis as { wps?: { EtApplication?: () => unknown }; Application?: unknown };
  try {
    const app = g.wps?.EtApplication?.();
    if (app && typeof app === 'object') return app as WpsApplication;
  } catch {
    // some builds expose a throwing accessor; fall back to the global
  }
  return g.Application && typeof g.Application === 'object' ? (g.Application as WpsApplication) : null;
}

/** A cell's error value as COM hands it over (CVErr codes 0x800A07xx as signed 32-bit integers). */
export const COM_ERRORS: ReadonlyMap<number, string> = new Map([
  [-2146826288, '#NULL!'],
  [-2146826281, '#DIV/0!'],
  [-2146826273, '#VALUE!'],
  [-2146826265, '#REF!'],
  [-2146826259, '#NAME?'],
  [-2146826252, '#NUM!'],
  [-2146826246, '#N/A'],
]);

export function worksheetsOf(app: WpsApplication): WpsWorksheets | null {
  const wb = get<WpsWorkbook | null>(app, 'ActiveWorkbook');
  return wb ? get<WpsWorksheets>(wb, 'Worksheets') : null;
}

export function sheetCount(sheets: WpsWorksheets): number {
  return Number(get(sheets, 'Count')) || 0;
}

export function sheetName(ws: WpsWorksheet): string {
  return String(get(ws, 'Name'));
}

/** The worksheet called `name`, or null (Item(name) throws for a missing name). */
export function findSheet(sheets: WpsWorksheets, name: string): WpsWorksheet | null {
  try {
    const ws = sheets.Item(name);
    return ws && sheetName(ws) === name ? ws : null;
  } catch {
    return null;
  }
}
