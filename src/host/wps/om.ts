/// <reference types="et-jsapi-declare" />
/**
 * The slice of the WPS Spreadsheets (ET) JSAPI object model the adapter uses: synchronous and
 * VBA-like, 1-based collections. Each interface below is a narrow view of Kingsoft's own
 * typings (npm `et-jsapi-declare` 2.5.0, `lib.et.d.ts` / `addon.et.d.ts` / `index.d.ts`, a pinned
 * devDependency): every member keeps Kingsoft's type, and `Slice` below proves at compile time
 * that Kingsoft's interface is assignable to ours — so the adapter (and the fake in
 * test/host/wps-fake.ts, which implements these views) cannot use a call shape the real API
 * lacks. Where the typings are looser than VBA (a collection's `Item` may return `Sheets`),
 * the helpers here narrow with the VBA fact named in their comment.
 *
 * Some WPS builds expose members as zero-argument methods instead of properties (docs/hosts.md,
 * tmustier/pi-for-excel); `get` / `set` / `setVerified` handle both at run time, which the
 * typings do not describe.
 *
 * Facts relied on (sources in src/host/wps/README.md): `Worksheets.Item(i | name)` 1-based;
 * `UsedRange`, `Range(address)`; `Value2` / `Formula` of a multi-cell range are 2-D arrays
 * (JS arrays of rows, 0-based in JS), of one cell a scalar; `NumberFormat` of a multi-cell
 * range is one string when uniform and null when mixed (VBA); `MergeCells` true/false/null;
 * `MergeArea` of one cell; `Range.Address(...)` a method (lib.et.d.ts, Range); `Interior.Color`
 * a BGR integer 0xBBGGRR; No Fill is `Interior.Pattern` = xlNone (-4142) while `Color` reads
 * white; `ProtectContents`.
 */

/** The members of `Interior` we read and write (lib.et.d.ts `interface Interior`; all `any` there). */
export type WpsInterior = Pick<Et.Interior, 'Color' | 'Pattern' | 'PatternColor' | 'TintAndShade' | 'PatternTintAndShade' | 'ThemeColor' | 'ColorIndex'>;

/** lib.et.d.ts `interface Range`: `Address(...)` is a method, `Value2` / `Formula` / `NumberFormat` / `MergeCells` properties. */
export interface WpsRange extends Pick<Et.Range, 'Address' | 'Value2' | 'Formula' | 'NumberFormat' | 'MergeCells' | 'Row' | 'Column' | 'Select' | 'Value'> {
  readonly MergeArea: WpsRange;
  readonly Interior: WpsInterior;
}

/** The workbook a sheet belongs to (`Worksheet.Parent`, `any` in the typings; VBA: the Workbook). */
export interface WpsWorksheet extends Pick<Et.Worksheet, 'Name' | 'ProtectContents' | 'Visible' | 'Activate' | 'Delete'> {
  readonly UsedRange: WpsRange;
  Range(Cell1: string): WpsRange;
}

/**
 * lib.et.d.ts `interface Sheets` (what `Workbook.Worksheets` is typed as). `Item` returns
 * `Worksheet | Sheets` there (Sheets for an array index): use `sheetAt`, which narrows.
 */
export interface WpsWorksheets extends Pick<Et.Sheets, 'Count'> {
  Item(Index: string | number): unknown;
  Add(Before?: WpsWorksheet, After?: WpsWorksheet): WpsWorksheet;
}

export interface WpsWorkbook extends Pick<Et.Workbook, 'Name' | 'FullName'> {
  readonly Worksheets: WpsWorksheets;
}

export type WpsWindow = Pick<Et.Window, 'ScrollRow' | 'ScrollColumn'>;

/** `WPS.EtApiEvent` (addon.et.d.ts): listeners by event name. */
export interface WpsApiEvent {
  AddApiEventListener(EventName: 'SheetChange', callback: (WorkSheet: WpsWorksheet, Range: object) => void): void;
  AddApiEventListener(EventName: 'WorkbookActivate', callback: (Workbook: WpsWorkbook) => void): void;
  RemoveApiEventListener(EventName: 'SheetChange', callback?: (WorkSheet: WpsWorksheet, Range: object) => void): void;
  RemoveApiEventListener(EventName: 'WorkbookActivate', callback?: (Workbook: WpsWorkbook) => void): void;
}

/**
 * The global `Application` (index.d.ts: `WPS.AddonRoot & WPS.EtAddonRoot & Et.Application`,
 * "推荐使用此方式"). `ActiveWorkbook` / `ActiveSheet` are typed non-null by Kingsoft but are
 * nothing while no workbook is open (VBA), hence `| null`. `ApiEvent` is optional: builds
 * without it exist (the adapter then polls; README).
 */
export interface WpsApplication extends Pick<Et.Application, 'DisplayAlerts' | 'ScreenUpdating'> {
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveSheet: WpsWorksheet | null;
  readonly ActiveWindow: WpsWindow | null;
  readonly ApiEvent?: WpsApiEvent;
}

// Compile-time proof that each view is a slice of Kingsoft's interface: Kingsoft's type is
// assignable to ours (a member we use that the typings lack, or type differently, fails here).
type Slice<Kingsoft extends View, View> = Kingsoft;
export type KingsoftSlices = [
  Slice<Et.Interior, WpsInterior>,
  Slice<Et.Range, WpsRange>,
  Slice<Et.Worksheet, WpsWorksheet>,
  Slice<Et.Sheets, Pick<WpsWorksheets, 'Count'>>,
  Slice<Et.Workbook, Pick<WpsWorkbook, 'Name' | 'FullName'>>,
  Slice<Et.Window, WpsWindow>,
  Slice<WPS.EtApiEvent, WpsApiEvent>,
  Slice<WPSMergedRoot, Omit<WpsApplication, 'ActiveWorkbook'>>,
];

// XlPattern / XlColorIndex / XlSheetVisibility constants (VBA values, which WPS keeps).
export const xlNone = -4142;
export const xlSolid = 1;
export const xlSheetHidden = 0;
export const xlSheetVeryHidden = 2;

/** Reads a member that may be a property or a zero-argument method, bound to its owner. */
export function get<T = unknown>(owner: object, name: string): T {
  const v = (owner as Record<string, unknown>)[name];
  return (typeof v === 'function' ? (v as () => T).call(owner) : v) as T;
}

/**
 * Sets a member. VBA-style assignment where the member is a property; where a build exposes
 * it as a zero-argument method, assignment does nothing on the host (docs/hosts.md), so the method
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

/**
 * The ET Application: the global `window.Application` (Kingsoft's typings, index.d.ts:
 * "推荐使用此方式：获取当前应用程序的Application对象"). `wps.EtApplication` is marked
 * `@deprecated 已废弃，请使用全局Application对象` there and is a property, not a method; it is
 * read only where a build has no global `Application`.
 */
export function globalWpsApplication(): WpsApplication | null {
  const g = globalThis as { Application?: unknown; wps?: unknown };
  if (g.Application && typeof g.Application === 'object') return g.Application as WpsApplication;
  try {
    const legacy = g.wps && typeof g.wps === 'object' ? (g.wps as { EtApplication?: unknown }).EtApplication : undefined;
    if (legacy && typeof legacy === 'object') return legacy as WpsApplication;
  } catch {
    // a throwing accessor on an odd build: no application
  }
  return null;
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

/**
 * Deletes a sheet of ours without WPS asking the clerk to confirm (DisplayAlerts off, then as it
 * was). A very hidden sheet is made merely hidden first: Excel refuses to delete a VeryHidden
 * sheet (Excel.Worksheet.delete: "will fail with an InvalidOperation exception"; the VBA object
 * model WPS mirrors refuses it too) — unconfirmed on a real WPS, so done always; it stays out of
 * sight (hidden) for the instant before it goes.
 */
export function deleteSheetQuietly(app: WpsApplication, ws: WpsWorksheet): void {
  if (Number(get(ws, 'Visible')) === xlSheetVeryHidden) set(ws, 'Visible', xlSheetHidden);
  const alerts = get(app, 'DisplayAlerts');
  set(app, 'DisplayAlerts', false);
  try {
    ws.Delete();
  } finally {
    set(app, 'DisplayAlerts', alerts ?? true);
  }
}

/**
 * The worksheet at a 1-based index or with a name. Kingsoft's typings return `Worksheet | Sheets`
 * from `Sheets.Item` (Sheets for an array index); for one number or name VBA returns the sheet.
 */
export function sheetAt(sheets: WpsWorksheets, index: number | string): WpsWorksheet {
  return sheets.Item(index) as WpsWorksheet;
}

/** The worksheet called `name`, or null (Item(name) throws for a missing name). */
export function findSheet(sheets: WpsWorksheets, name: string): WpsWorksheet | null {
  try {
    const ws = sheetAt(sheets, name);
    return ws && sheetName(ws) === name ? ws : null;
  } catch {
    return null;
  }
}

/**
 * Which workbook is active, as a key for what the pane keeps in memory about it: its
 * `FullName` (path and name; an unsaved workbook's name, e.g. 工作簿1, is unique while open),
 * `Name` where FullName cannot be read. '' when no workbook is open.
 */
export function workbookKey(app: WpsApplication): string {
  const wb = get<WpsWorkbook | null>(app, 'ActiveWorkbook');
  if (!wb) return '';
  try {
    return String(get(wb, 'FullName'));
  } catch {
    return String(get(wb, 'Name'));
  }
}
