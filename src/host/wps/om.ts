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

/**
 * Sets a member. VBA-style assignment where the member is a property; where a build exposes
 * it as a zero-argument method, assignment does nothing on the host (HOSTS.md), so the method
 * form is used instead: `Range.Value(undefined, v)` for values (as tmustier/pi-for-excel does),
 * else the member called with the value as its last argument (the same calling form; unverified
 * on a real WPS for members other than Value). Never assigns over a method.
 */
export function set(owner: object, name: string, value: unknown): void {
  const o = owner as Record<string, unknown>;
  const member = methodOf(owner, name);
  if (!member) {
    o[name] = value;
    return;
  }
  if ((name === 'Value2' || name === 'Value') && typeof o.Value === 'function') {
    (o.Value as (type: unknown, v: unknown) => unknown).call(owner, undefined, value);
    return;
  }
  (member as (v: unknown) => unknown).call(owner, value);
}

/** A write WPS did not take: reading the member back does not give what was written. */
export class WriteNotApplied extends Error {
  override readonly name = 'WriteNotApplied';
  constructor(readonly member: string) {
    super(`WPS 没有接受对 ${member} 的写入：读回的值与写入的不同。此版本 WPS 的对象模型可能不支持这种写法，请更新 WPS 后重试。`);
  }
}

/**
 * Sets a member and reads it back: if the host ignored the write (a method-style member that
 * took neither form, or an assignment that went nowhere), tries the other form once, then
 * throws WriteNotApplied — a clerk is never told something was written that was not.
 */
export function setVerified(owner: object, name: string, value: unknown, matches: (now: unknown) => boolean = (now) => now === value): void {
  set(owner, name, value);
  if (matches(safeGet(owner, name))) return;
  const o = owner as Record<string, unknown>;
  const member = methodOf(owner, name);
  try {
    if (member) {
      (member as (v: unknown) => unknown).call(owner, value);
    } else if ((name === 'Value2' || name === 'Value') && typeof o.Value === 'function') {
      (o.Value as (type: unknown, v: unknown) => unknown).call(owner, undefined, value);
    }
  } catch {
    // the other form does not exist on this build either
  }
  if (!matches(safeGet(owner, name))) throw new WriteNotApplied(name);
}

/**
 * The member as a method, or null when it is a property — found without reading it: a
 * property getter may throw (ThemeColor of a non-theme colour) or cost a host round-trip.
 */
function methodOf(owner: object, name: string): ((...args: unknown[]) => unknown) | null {
  for (let o: object | null = owner; o; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (!d) continue;
    if (d.get || d.set) return null;
    return typeof d.value === 'function' ? (d.value as (...args: unknown[]) => unknown) : null;
  }
  // Not found on the chain (a host proxy): ask it, as a last resort.
  try {
    const v = (owner as Record<string, unknown>)[name];
    return typeof v === 'function' ? (v as (...args: unknown[]) => unknown) : null;
  } catch {
    return null;
  }
}

function safeGet(owner: object, name: string): unknown {
  try {
    return get(owner, name);
  } catch {
    return undefined;
  }
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

/** Deletes a sheet of ours without WPS asking the clerk to confirm (DisplayAlerts off, then as it was). */
export function deleteSheetQuietly(app: WpsApplication, ws: WpsWorksheet): void {
  const alerts = get(app, 'DisplayAlerts');
  set(app, 'DisplayAlerts', false);
  try {
    ws.Delete();
  } finally {
    set(app, 'DisplayAlerts', alerts ?? true);
  }
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
