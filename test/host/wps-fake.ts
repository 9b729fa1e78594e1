/**
 * An in-memory fake of the WPS Spreadsheets (ET) JSAPI subset the adapter uses, following the
 * documented VBA-compatible behaviour:
 *
 * - synchronous; `Worksheets.Item(i)` is 1-based (0 or past Count throws), `Item(name)`
 *   throws for an unknown name; `Worksheets.Add(Before, After)` adds and activates a sheet;
 * - `Value2` / `Formula` of a multi-cell range are 2-D arrays (JS arrays of rows), of one
 *   cell a scalar; an empty cell's Value2 is undefined (VBA Empty); error values arrive as
 *   COM CVErr codes (e.g. -2146826281 for #DIV/0!);
 * - `NumberFormat` of a multi-cell range is one string when uniform, null when mixed;
 * - `MergeCells` is true (all merged) / false (none) / null (mixed); `MergeArea` only for one
 *   cell; `Range(address)` refuses addresses over 255 characters;
 * - `Interior.Color` is BGR (0xBBGGRR); No Fill is Pattern = ColorIndex = xlNone (-4142)
 *   with Color reading white; reading ThemeColor of a non-theme colour throws;
 * - writes to a sheet with ProtectContents throw; `Range.Select()` needs the sheet active;
 * - `Worksheet.Delete()` of a very hidden sheet throws (Excel's documented refusal, which the
 *   VBA object model shares; assumed for WPS, see src/host/wps/README.md);
 * - `Range.Address(...)` is a method, as Kingsoft's typings declare it.
 *
 * Every object implements the adapter's views of Kingsoft's typings (src/host/wps/om.ts), which
 * are proven slices of `et-jsapi-declare`: the fake offers no call shape the real API lacks.
 * Where those typings are narrower than what VBA hands back (Value2 of numbers, NumberFormat /
 * MergeCells null when mixed), the value is cast to Kingsoft's declared type, as the host's
 * untyped bridge would deliver it.
 *
 * One WpsFakeDoc is one workbook (`FullName` unique); installing another doc as the global
 * `Application` is the clerk switching workbook tabs while the pane stays open.
 *
 * It counts member reads per name (`stats`) so tests can prove the reading stays in bulk.
 *
 * `methodStyle` reproduces the WPS builds that expose object-model members as zero-argument
 * methods (docs/hosts.md): `range.Value2` is a function, `range.Value2()` reads, an assignment
 * `range.Value2 = v` silently does nothing, `range.Value(undefined, v)` writes a value, and a
 * member called with one argument writes it (modelled on Value's calling form).
 */
import { a1, parseA1, parseRect, type Rect } from '../../src/grid/grid';
import { hexToBgr } from '../../src/host/wps/color';
import type { WpsApiEvent, WpsApplication, WpsInterior, WpsRange, WpsWindow, WpsWorkbook, WpsWorksheet, WpsWorksheets } from '../../src/host/wps/om';

export const XL_NONE = -4142;
export const XL_SOLID = 1;
export const PATTERNS: Readonly<Record<string, number>> = { Solid: 1, Gray25: -4124, Gray50: -4125, Checker: 9, LightDown: 13 };
export const COM_ERROR_CODES: Readonly<Record<string, number>> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

/** Office theme slots (xlThemeColorDark1 = 1 … xlThemeColorAccent6 = 10), as #RRGGBB. */
const THEME: Readonly<Record<number, string>> = {
  1: '#000000',
  2: '#FFFFFF',
  3: '#44546A',
  4: '#E7E6E6',
  5: '#5B9BD5',
  6: '#ED7D31',
  7: '#A5A5A5',
  8: '#FFC000',
  9: '#4472C4',
  10: '#70AD47',
};

export interface WFill {
  pattern: number;
  color: number;
  themeColor: number | null;
  tintAndShade: number;
  patternColor: number;
  patternTintAndShade: number;
}

export const W_NO_FILL: WFill = { pattern: XL_NONE, color: 0xffffff, themeColor: null, tintAndShade: 0, patternColor: 0, patternTintAndShade: 0 };

/** A theme colour with its tint applied (lighter towards white, darker towards black). */
export function themed(theme: number, tint: number): number {
  const base = hexToBgr(THEME[theme] ?? '#000000');
  const ch = [base & 0xff, (base >> 8) & 0xff, (base >> 16) & 0xff].map((c) => Math.round(tint >= 0 ? c + (255 - c) * tint : c * (1 + tint)));
  return (ch[2]! << 16) | (ch[1]! << 8) | ch[0]!;
}

export interface WCell {
  value: number | string | boolean | null;
  error?: string;
  formula?: string;
  numberFormat: string;
  fill: WFill;
  /** Results remembered per formula text (no calc engine). */
  results?: Map<string, { value: WCell['value']; error?: string }>;
}

export class WSheet {
  protectContents = false;
  /** -1 visible (xlSheetVisible), 0 hidden, 2 very hidden. */
  visible = -1;
  readonly cells = new Map<string, WCell>();
  merges: Rect[] = [];
  constructor(public name: string) {}
  peek(r: number, c: number): WCell | undefined {
    return this.cells.get(`${r},${c}`);
  }
  cell(r: number, c: number): WCell {
    const k = `${r},${c}`;
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: null, numberFormat: 'General', fill: { ...W_NO_FILL } };
      this.cells.set(k, cell);
    }
    return cell;
  }
  at(address: string): WCell {
    const { row, col } = parseA1(address);
    return this.cell(row, col);
  }
  /** VBA's UsedRange: every cell with a value, a formula, a format or a fill. */
  usedRect(): Rect {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      const used = c.value !== null || c.error !== undefined || c.formula !== undefined || c.numberFormat !== 'General' || c.fill.pattern !== XL_NONE;
      if (!used) continue;
      const [r, col] = k.split(',').map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
  }
}

let workbooks = 0;

export class WpsFakeDoc {
  readonly sheets: WSheet[] = [];
  /** Workbook.FullName (path and name); Name is its last part. */
  fullName = `D:\\自评\\工作簿${++workbooks}.xlsx`;
  /** Reads of the deprecated `wps.EtApplication` (Kingsoft: 已废弃，请使用全局Application对象). */
  deprecatedReads = 0;
  active: WSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  scroll = { row: 1, column: 1 };
  displayAlerts = true;
  screenUpdating = true;
  /** Times a sheet was deleted while DisplayAlerts was on (a real WPS would have asked). */
  alertsShown = 0;
  /** Worksheets.Add fails (a workbook whose structure is protected). */
  structureProtected = false;
  /** Whether this build has `Application.ApiEvent` (to verify per build; without it the adapter polls). */
  apiEvents = true;
  /** ApiEvent listeners by event name. */
  readonly listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  /** Fires `SheetChange(Sh, Target)` after a committed change, asynchronously, like the host's event loop. */
  emitSheetChange(sheet: WSheet, address: string): void {
    for (const fn of this.listeners.get('SheetChange') ?? []) {
      setTimeout(() => fn(new FakeWpsWorksheet(this, sheet), { Address: address }), 0);
    }
  }
  /** The clerk types into a cell and commits it. */
  userEdit(sheetName: string, address: string, value: number | string | null): void {
    const sheet = this.sheet(sheetName);
    typeIn(sheet.at(address), value);
    this.emitSheetChange(sheet, address);
  }
  /** Member reads by `Object.Member`, e.g. `Range.Value2`. */
  readonly stats = new Map<string, number>();
  private added = 0;

  addSheet(name: string): WSheet {
    const s = new WSheet(name);
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }
  sheet(name: string): WSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  count(member: string): void {
    this.stats.set(member, (this.stats.get(member) ?? 0) + 1);
  }
  reads(member: string): number {
    return this.stats.get(member) ?? 0;
  }
  nextSheetName(): string {
    this.added++;
    return `Sheet${this.sheets.length + this.added}`;
  }
  setFormula(sheet: string, address: string, formula: string, result: WCell['value'] | { error: string }): void {
    const c = this.sheet(sheet).at(address);
    c.formula = formula;
    if (result !== null && typeof result === 'object') {
      c.error = result.error;
      c.value = null;
    } else {
      c.value = result;
      delete c.error;
    }
    c.results ??= new Map();
    c.results.set(formula, c.error !== undefined ? { value: null, error: c.error } : { value: c.value });
  }
  activateFirstVisible(except?: WSheet): void {
    this.active = this.sheets.find((s) => s !== except && s.visible === -1) ?? null;
  }

  /** Members are zero-argument methods; assignments to them do nothing. */
  methodStyle = false;
  /** Method-style members whose method forms write nothing either (a build that takes no write of them). */
  readonly unwritable = new Set<string>();
  /** Assignments that went nowhere (method-style members), by member name. */
  readonly ignoredAssignments = new Map<string, number>();

  /** The `Application` object a WPS add-in sees. */
  application(): WpsApplication {
    const app = new FakeWpsApplication(this);
    return this.methodStyle ? methodStyled(app, this) : app;
  }
}

class WpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WpsError';
  }
}

// ---- object model -------------------------------------------------------------------------

export class FakeWpsApplication implements WpsApplication {
  constructor(private readonly doc: WpsFakeDoc) {}
  get ActiveWorkbook(): FakeWpsWorkbook {
    return new FakeWpsWorkbook(this.doc);
  }
  get ActiveSheet(): FakeWpsWorksheet | null {
    return this.doc.active ? new FakeWpsWorksheet(this.doc, this.doc.active) : null;
  }
  get ActiveWindow(): WpsWindow {
    const doc = this.doc;
    return {
      get ScrollRow() {
        return doc.scroll.row;
      },
      set ScrollRow(v: number) {
        doc.scroll.row = v;
      },
      get ScrollColumn() {
        return doc.scroll.column;
      },
      set ScrollColumn(v: number) {
        doc.scroll.column = v;
      },
    };
  }
  get ApiEvent(): WpsApiEvent | undefined {
    if (!this.doc.apiEvents) return undefined;
    const doc = this.doc;
    type Listener = (...args: never[]) => void;
    return {
      AddApiEventListener(name: string, fn: Listener) {
        doc.listeners.set(name, [...(doc.listeners.get(name) ?? []), fn as (...args: unknown[]) => void]);
      },
      RemoveApiEventListener(name: string, fn?: Listener) {
        doc.listeners.set(name, fn ? (doc.listeners.get(name) ?? []).filter((x) => x !== fn) : []);
      },
    };
  }
  get DisplayAlerts(): boolean {
    return this.doc.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.doc.displayAlerts = v;
  }
  get ScreenUpdating(): boolean {
    return this.doc.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.doc.screenUpdating = v;
  }
}

class FakeWpsWorkbook implements WpsWorkbook {
  constructor(private readonly doc: WpsFakeDoc) {}
  get FullName(): string {
    return this.doc.fullName;
  }
  get Name(): string {
    return this.doc.fullName.split('\\').pop()!;
  }
  get Worksheets(): FakeWpsWorksheets {
    return new FakeWpsWorksheets(this.doc);
  }
}

class FakeWpsWorksheets implements WpsWorksheets {
  constructor(private readonly doc: WpsFakeDoc) {}
  get Count(): number {
    return this.doc.sheets.length;
  }
  Item(index: number | string): FakeWpsWorksheet {
    this.doc.count('Worksheets.Item');
    const s = typeof index === 'number' ? this.doc.sheets[index - 1] : this.doc.sheets.find((x) => x.name === index);
    if (!s) throw new WpsError('下标越界 (Subscript out of range)');
    return new FakeWpsWorksheet(this.doc, s);
  }
  Add(before?: FakeWpsWorksheet, after?: FakeWpsWorksheet): FakeWpsWorksheet {
    if (this.doc.structureProtected) throw new WpsError('工作簿有保护，不能更改。');
    const s = new WSheet(this.doc.nextSheetName());
    const anchor = after ?? before ?? (this.doc.active ? new FakeWpsWorksheet(this.doc, this.doc.active) : undefined);
    const at = anchor ? this.doc.sheets.indexOf(anchor.model) + (after ? 1 : 0) : this.doc.sheets.length;
    this.doc.sheets.splice(at, 0, s);
    this.doc.active = s;
    return new FakeWpsWorksheet(this.doc, s);
  }
}

class FakeWpsWorksheet implements WpsWorksheet {
  constructor(
    private readonly doc: WpsFakeDoc,
    readonly model: WSheet,
  ) {}
  private alive(): WSheet {
    if (!this.doc.sheets.includes(this.model)) throw new WpsError('对象已被删除 (object deleted)');
    return this.model;
  }
  get Name(): string {
    return this.alive().name;
  }
  set Name(v: string) {
    if (this.doc.sheets.some((s) => s !== this.model && s.name === v)) throw new WpsError('工作表名称已存在');
    this.alive().name = v;
  }
  get ProtectContents(): boolean {
    return this.alive().protectContents;
  }
  get Visible(): Et.XlSheetVisibility {
    return this.alive().visible;
  }
  set Visible(v: Et.XlSheetVisibility) {
    const s = this.alive();
    s.visible = v;
    if (v !== -1 && this.doc.active === s) this.doc.activateFirstVisible(s);
  }
  get UsedRange(): FakeWpsRange {
    this.doc.count('Worksheet.UsedRange');
    const s = this.alive();
    return new FakeWpsRange(this.doc, s, [s.usedRect()]);
  }
  Range(address: string): FakeWpsRange {
    this.doc.count('Worksheet.Range');
    if (address.length > 255) throw new WpsError("Method 'Range' of object '_Worksheet' failed");
    const areas = address
      .split(',')
      .map((a) => a.trim().replace(/\$/g, ''))
      .filter(Boolean)
      .map((a) => parseRect(a));
    return new FakeWpsRange(this.doc, this.alive(), areas);
  }
  Activate(): void {
    const s = this.alive();
    if (s.visible !== -1) throw new WpsError('Activate method of Worksheet class failed');
    this.doc.active = s;
  }
  Delete(): void {
    const s = this.alive();
    // Excel.Worksheet.delete(): "If the worksheet's visibility is set to VeryHidden, the delete
    // operation will fail with an InvalidOperation exception" — VBA's Delete refuses the same.
    if (s.visible === 2) throw new WpsError('Delete method of Worksheet class failed (very hidden sheet)');
    if (this.doc.displayAlerts) this.doc.alertsShown++;
    this.doc.sheets.splice(this.doc.sheets.indexOf(s), 1);
    if (this.doc.active === s) this.doc.activateFirstVisible();
  }
}

function cellsOf(r: Rect): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) out.push([i, j]);
  return out;
}

const abs = (r: Rect) => {
  const tl = a1(r.top, r.left).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const br = a1(r.bottom, r.right).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${br}`;
};

class FakeWpsRange implements WpsRange {
  constructor(
    private readonly doc: WpsFakeDoc,
    private readonly sheet: WSheet,
    private readonly areas: Rect[],
  ) {}
  private get first(): Rect {
    return this.areas[0]!;
  }
  private single(): boolean {
    const r = this.first;
    return this.areas.length === 1 && r.top === r.bottom && r.left === r.right;
  }
  private all(): WCell[] {
    return this.areas.flatMap((r) => cellsOf(r).map(([i, j]) => this.sheet.cell(i, j)));
  }
  private grid<T>(f: (c: WCell | undefined) => T): T | T[][] {
    if (this.single()) return f(this.sheet.peek(this.first.top, this.first.left));
    const r = this.first;
    const out: T[][] = [];
    for (let i = r.top; i <= r.bottom; i++) {
      const row: T[] = [];
      for (let j = r.left; j <= r.right; j++) row.push(f(this.sheet.peek(i, j)));
      out.push(row);
    }
    return out;
  }
  private write(f: (c: WCell, i: number, j: number) => void): void {
    if (this.sheet.protectContents) throw new WpsError('您试图更改的单元格或图表位于受保护的工作表中。');
    for (const r of this.areas) for (const [i, j] of cellsOf(r)) f(this.sheet.cell(i, j), i - r.top, j - r.left);
  }
  /** A method (lib.et.d.ts); with no arguments absolute `$A$1:$B$2`, as VBA's defaults are. */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string {
    const a = this.areas.map(abs).join(',');
    if (RowAbsolute === false && ColumnAbsolute === false) return a.replace(/\$/g, '');
    return a;
  }
  /** Range.Value(type?) reads like Value2; Value(type, v) writes (lib.et.d.ts overloads). */
  Value(RangeValueDataType?: number, RHS?: string | unknown[]): string;
  Value(RangeValueDataType: number | undefined, RHS: string | unknown[] | undefined): void;
  Value(_type?: number, ...rhs: unknown[]): string | undefined {
    if (rhs.length) {
      this.Value2 = rhs[0] as Et.Range['Value2'];
      return undefined;
    }
    return this.Value2 as string;
  }
  get Row(): number {
    return this.first.top + 1;
  }
  get Column(): number {
    return this.first.left + 1;
  }
  get Value2(): Et.Range['Value2'] {
    this.doc.count('Range.Value2');
    return this.grid((c) => {
      if (!c) return undefined;
      if (c.error !== undefined) return COM_ERROR_CODES[c.error] ?? c.error;
      return c.value === null ? undefined : c.value;
    }) as Et.Range['Value2'];
  }
  set Value2(v: Et.Range['Value2']) {
    this.write((c, i, j) => typeIn(c, pick(v, i, j)));
    this.changed();
  }
  /** A value written by code fires SheetChange too (as VBA's Worksheet_Change does). */
  private changed(): void {
    for (const r of this.areas) this.doc.emitSheetChange(this.sheet, abs(r));
  }
  get Formula(): string {
    this.doc.count('Range.Formula');
    return this.grid((c) => {
      if (!c) return '';
      if (c.formula !== undefined) return c.formula;
      if (c.error !== undefined) return c.error;
      if (c.value === null) return '';
      if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
      return String(c.value);
    }) as string;
  }
  set Formula(v: string) {
    this.write((c, i, j) => typeIn(c, pick(v, i, j)));
    this.changed();
  }
  get NumberFormat(): string {
    this.doc.count('Range.NumberFormat');
    const fmts = new Set(this.all().map((c) => c.numberFormat));
    // null when mixed (VBA); Kingsoft types it string.
    return (fmts.size === 1 ? [...fmts][0]! : null) as string;
  }
  set NumberFormat(v: string) {
    this.write((c) => {
      c.numberFormat = v;
    });
  }
  get MergeCells(): boolean {
    this.doc.count('Range.MergeCells');
    const inMerge = (i: number, j: number) => this.sheet.merges.some((m) => i >= m.top && i <= m.bottom && j >= m.left && j <= m.right);
    const flags = this.areas.flatMap((r) => cellsOf(r).map(([i, j]) => inMerge(i, j)));
    // null when mixed (VBA); Kingsoft types it boolean.
    return (flags.every(Boolean) ? true : flags.some(Boolean) ? null : false) as boolean;
  }
  set MergeCells(_v: boolean) {
    throw new WpsError('fake: merging is not modelled');
  }
  get MergeArea(): FakeWpsRange {
    this.doc.count('Range.MergeArea');
    if (!this.single()) throw new WpsError('MergeArea works on a single cell only');
    const { top, left } = this.first;
    const m = this.sheet.merges.find((x) => top >= x.top && top <= x.bottom && left >= x.left && left <= x.right);
    return new FakeWpsRange(this.doc, this.sheet, [m ?? this.first]);
  }
  get Interior(): FakeWpsInterior {
    return new FakeWpsInterior(
      () => this.all().map((c) => c.fill),
      (f) => this.write(f),
    );
  }
  Select(): boolean {
    if (this.doc.active !== this.sheet) throw new WpsError('Select method of Range class failed');
    this.doc.selection = { sheet: this.sheet.name, address: this.Address(false, false) };
    return true;
  }
}

function pick(v: unknown, i: number, j: number): unknown {
  if (Array.isArray(v)) {
    const row = v[i];
    return Array.isArray(row) ? row[j] : row;
  }
  return v;
}

/** VBA's interpretation of a value assigned to Value2/Formula, as if typed. */
function typeIn(c: WCell, v: unknown): void {
  delete c.error;
  delete c.formula;
  if (v === null || v === undefined || v === '') {
    c.value = null;
    return;
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    const err = Object.entries(COM_ERROR_CODES).find(([, code]) => code === v);
    if (err) {
      c.error = err[0];
      c.value = null;
    } else c.value = v;
    return;
  }
  const s = String(v);
  if (s.startsWith("'")) {
    c.value = s.slice(1);
    return;
  }
  if (s.startsWith('=')) {
    c.formula = s;
    const known = c.results?.get(s);
    c.value = known ? known.value : null;
    if (known?.error !== undefined) c.error = known.error;
    return;
  }
  if (c.numberFormat === '@') {
    c.value = s;
    return;
  }
  if (s in COM_ERROR_CODES) {
    c.error = s;
    c.value = null;
    return;
  }
  const pct = /^\s*([+-]?\d+(?:\.(\d+))?)\s*%\s*$/.exec(s);
  if (pct) {
    c.value = Number(pct[1]) / 100;
    if (c.numberFormat === 'General') c.numberFormat = pct[2] ? `0.${'0'.repeat(pct[2].length)}%` : '0%';
    return;
  }
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(s)) {
    c.value = Number(s);
    return;
  }
  c.value = s;
}

class FakeWpsInterior implements WpsInterior {
  constructor(
    private readonly fills: () => WFill[],
    private readonly write: (f: (c: WCell) => void) => void,
  ) {}
  private same<K extends keyof WFill>(k: K): WFill[K] | null {
    const all = this.fills();
    return all.every((f) => f[k] === all[0]![k]) ? all[0]![k] : null;
  }
  private update(f: (fill: WFill, c: WCell) => void): void {
    this.write((c) => f(c.fill, c));
  }
  private ensureFilled(c: WCell): WFill {
    if (c.fill.pattern === XL_NONE) c.fill = { ...W_NO_FILL, pattern: XL_SOLID };
    return c.fill;
  }
  get Color(): number | null {
    return this.same('color');
  }
  set Color(v: number) {
    this.update((_, c) => {
      const f = this.ensureFilled(c);
      f.color = v;
      f.themeColor = null;
    });
  }
  get Pattern(): number | null {
    return this.same('pattern');
  }
  set Pattern(v: number) {
    this.update((_, c) => {
      if (v === XL_NONE) c.fill = { ...W_NO_FILL };
      else this.ensureFilled(c).pattern = v;
    });
  }
  get ColorIndex(): number | null {
    const p = this.same('pattern');
    return p === null ? null : p === XL_NONE ? XL_NONE : 1;
  }
  set ColorIndex(v: number) {
    if (v === XL_NONE) this.Pattern = XL_NONE;
  }
  get ThemeColor(): number | null {
    const t = this.same('themeColor');
    if (t === null) throw new WpsError('应用程序定义或对象定义的错误 (not a theme colour)');
    return t;
  }
  set ThemeColor(v: number) {
    this.update((_, c) => {
      const f = this.ensureFilled(c);
      f.themeColor = v;
      f.color = themed(v, f.tintAndShade);
    });
  }
  get TintAndShade(): number | null {
    return this.same('tintAndShade');
  }
  set TintAndShade(v: number) {
    this.update((f) => {
      f.tintAndShade = v;
      if (f.themeColor !== null) f.color = themed(f.themeColor, v);
    });
  }
  get PatternColor(): number | null {
    return this.same('patternColor');
  }
  set PatternColor(v: number) {
    this.update((f) => {
      f.patternColor = v;
    });
  }
  get PatternTintAndShade(): number | null {
    return this.same('patternTintAndShade');
  }
  set PatternTintAndShade(v: number) {
    this.update((f) => {
      f.patternTintAndShade = v;
    });
  }
}

/** An accessor found on the object or its prototypes (a VBA-style property of the fake). */
function accessorOf(target: object, prop: string | symbol): PropertyDescriptor | null {
  for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, prop);
    if (d) return d.get || d.set ? d : null;
  }
  return null;
}

/** Wraps an object model object (and everything reached through it) in method-style members. */
function methodStyled<T extends object>(target: T, doc: WpsFakeDoc): T {
  const wrap = (v: unknown): unknown => (v !== null && typeof v === 'object' && !Array.isArray(v) ? methodStyled(v, doc) : v);
  const members = new Map<string | symbol, (...args: unknown[]) => unknown>();
  const memberFor = (prop: string | symbol): ((...args: unknown[]) => unknown) | undefined => {
    const acc = accessorOf(target, prop);
    if (acc) {
      let fn = members.get(prop);
      if (!fn) {
        fn = (...args: unknown[]) => {
          if (args.length === 0) return wrap(Reflect.get(target, prop, target));
          if (!doc.unwritable.has(String(prop))) Reflect.set(target, prop, args[args.length - 1], target);
          return undefined;
        };
        members.set(prop, fn);
      }
      return fn;
    }
    if (prop === 'Value' && accessorOf(target, 'Value2')) {
      // Range.Value(RangeValueDataType?, value?): reads without a value, writes with one.
      return (...args: unknown[]) => {
        if (args.length < 2) return wrap(Reflect.get(target, 'Value2', target));
        if (!doc.unwritable.has('Value2')) Reflect.set(target, 'Value2', args[1], target);
        return undefined;
      };
    }
    const v = Reflect.get(target, prop, target) as unknown;
    if (typeof v === 'function') return (...args: unknown[]) => wrap((v as (...a: unknown[]) => unknown).apply(target, args.map(unwrapArg)));
    return undefined;
  };
  const proxy = new Proxy(target, {
    get(t, prop) {
      if (prop === UNWRAP) return t;
      return memberFor(prop) ?? Reflect.get(t, prop, t);
    },
    set(t, prop) {
      // A write by assignment to a method-style member does nothing (and raises nothing).
      if (accessorOf(t, prop)) {
        doc.ignoredAssignments.set(String(prop), (doc.ignoredAssignments.get(String(prop)) ?? 0) + 1);
        return true;
      }
      return false;
    },
    getPrototypeOf() {
      return null;
    },
    getOwnPropertyDescriptor(t, prop) {
      const fn = memberFor(prop);
      return fn ? { value: fn, writable: false, enumerable: true, configurable: true } : undefined;
    },
  });
  return proxy;
}

const UNWRAP = Symbol('unwrap');
/** Arguments handed back to the model (e.g. `Worksheets.Add(undefined, last)`) are the real objects. */
function unwrapArg(a: unknown): unknown {
  return a !== null && typeof a === 'object' && (a as Record<symbol, unknown>)[UNWRAP] ? (a as Record<symbol, unknown>)[UNWRAP] : a;
}

/**
 * Installs the globals as Kingsoft's index.d.ts declares them: `Application` (recommended) and
 * `wps`, whose deprecated `EtApplication` is a property (reads counted in `deprecatedReads`).
 * Returns an uninstaller.
 */
export function installWpsFake(doc: WpsFakeDoc): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = { Application: g.Application, wps: g.wps };
  g.Application = doc.application();
  g.wps = {
    get EtApplication(): WpsApplication {
      doc.deprecatedReads++;
      return doc.application();
    },
  };
  return () => {
    g.Application = saved.Application;
    g.wps = saved.wps;
  };
}
