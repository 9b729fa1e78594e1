/**
 * An in-memory fake of the Excel JavaScript API subset the adapter uses, faithful to the
 * Office.js semantics that matter for correctness and speed:
 *
 * - Proxy objects: a scalar property read before `load()` + `context.sync()` throws
 *   `PropertyNotLoaded`; `ClientResult.value` throws until synced; `isNullObject` is known
 *   only after a sync.
 * - Every load, write and method call is queued and runs at `sync()`, in order; a failing
 *   operation rejects the sync with a RichApi-style error (`ItemNotFound`, `AccessDenied`…).
 * - `values`, `valueTypes`, `numberFormat`, `text`, `formulas` are 2-D arrays; the used range
 *   (valuesOnly), merged areas (RangeAreas address), protection, select/activate, settings.
 * - Fills: each cell's own fill (colour, pattern, pattern colour, tints). Read back through
 *   `getCellProperties` exactly as docs/hosts.md says: "No Fill" reads `#FFFFFF` with pattern null
 *   and tintAndShade null; a solid fill reads pattern null too (office-js #4900: solid white
 *   and No Fill look alike but for tintAndShade, which is a number for any fill);
 *   `setCellProperties` (ExcelApi 1.9), `fill.clear()`.
 * - Conditional formats (ExcelApi 1.6) are a separate layer: `range.conditionalFormats` holds
 *   those intersecting the range, `add` puts one at the top priority, `delete()` removes it;
 *   they never change a cell's own format. `displayedFill` is what the clerk sees: the fill of
 *   the top-priority custom format whose formula is a constant TRUE (`=TRUE`, `=ISTEXT("…")`;
 *   no calculation engine evaluates anything else), else the cell's own fill.
 * - Payload limits of Excel on the web: each sync's request and response are estimated as
 *   JSON; above 5 MB the sync fails with RequestPayloadSizeLimitExceeded /
 *   ResponsePayloadSizeLimitExceeded, and the largest of each is recorded.
 * - It counts `context.sync()` calls, and refuses APIs above its requirement-set version.
 *
 * No calculation engine: a formula written back gets the cached result it had when the
 * workbook was built (enough for undo round-trips).
 */
import { a1, columnName, parseA1, parseRect, type Rect } from '../../src/grid/grid';

// ---- model ----------------------------------------------------------------------------

export interface FakeFill {
  none: boolean;
  color: string;
  pattern: string;
  patternColor: string | null;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: FakeFill = {
  none: true,
  color: '#FFFFFF',
  pattern: 'None',
  patternColor: null,
  tintAndShade: 0,
  patternTintAndShade: 0,
};

export interface FakeCell {
  value: number | string | boolean | null;
  error?: string;
  formula?: string;
  numberFormat: string;
  fill: FakeFill;
}

/** One conditional format of a sheet. */
export interface FakeConditionalFormat {
  readonly id: string;
  readonly type: string;
  areas: Rect[];
  /** Custom formats: the rule's formula. */
  formula: string | null;
  /** The fill the format applies (#RRGGBB), or null. */
  fill: string | null;
  /** Borders the format applies, per edge (ConditionalRangeBorder: style and colour); absent when none was set. */
  borders?: Partial<Record<BorderEdge, { style: string; color: string | null }>>;
}

export type BorderEdge = 'top' | 'bottom' | 'left' | 'right';
/** Excel.ConditionalRangeBorderLineStyle: what Office.js accepts for a conditional border. */
const CONDITIONAL_BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot'];

export class FakeSheet {
  protected = false;
  /** Worksheet.visibility: what the clerk can see; 'VeryHidden' sheets are unhidden only by code. */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly cells = new Map<string, FakeCell>();
  merges: Rect[] = [];
  /** In priority order: index 0 is the top priority. */
  conditionalFormats: FakeConditionalFormat[] = [];
  constructor(public name: string) {}

  key(r: number, c: number): string {
    return `${r},${c}`;
  }
  peek(r: number, c: number): FakeCell | undefined {
    return this.cells.get(this.key(r, c));
  }
  cell(r: number, c: number): FakeCell {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: null, numberFormat: 'General', fill: { ...NO_FILL } };
      this.cells.set(k, cell);
    }
    return cell;
  }
  at(address: string): FakeCell {
    const { row, col } = parseA1(address);
    return this.cell(row, col);
  }
  /** Bounding box of cells holding a value or formula (valuesOnly), or of any touched cell. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      const hasValue = c.formula !== undefined || c.error !== undefined || (c.value !== null && c.value !== '');
      const hasFormat = !c.fill.none || c.numberFormat !== 'General';
      if (!(hasValue || (!valuesOnly && hasFormat))) continue;
      const [r, col] = k.split(',').map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

/** Remembered formula results, so a formula written back shows its original result. */
type FormulaResults = Map<string, { value: FakeCell['value']; error?: string }>;

export interface RunRecord {
  readonly options: Record<string, unknown> | null;
}

export class FakeExcelWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeSheet = '';
  selection: { sheet: string; address: string } | null = null;
  /** `context.sync()` calls so far. */
  syncCount = 0;
  /** Excel on the web's cap on one request and one response (bytes of JSON). */
  payloadLimit = 5 * 1024 * 1024;
  /** The largest request and response of any sync so far (estimated JSON bytes). */
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  private cfIds = 0;
  nextCfId(): string {
    this.cfIds++;
    return `{CF-${String(this.cfIds).padStart(8, '0')}}`;
  }
  /** Every getRanges() address: its length and area count. */
  readonly getRangesCalls: Array<{ chars: number; areas: number }> = [];
  /** `Excel.run` calls and the options they passed. */
  readonly runs: RunRecord[] = [];
  /** The document's saved settings (what survives a pane reload). */
  readonly savedSettings = new Map<string, unknown>();
  /** Worksheet.onChanged handlers registered by the add-in (ExcelApi 1.7), per sheet. */
  readonly changeHandlers: Array<{ sheet: FakeSheet; handler: (args: unknown) => Promise<unknown> }> = [];
  /**
   * Tells the handlers of `sheet` that `address` changed. As in Excel, events arrive after the
   * change is committed, asynchronously, for the clerk's edits and the add-in's own writes alike.
   */
  emitChanged(sheet: FakeSheet, address: string, source: 'Local' | 'Remote' = 'Local'): void {
    for (const h of this.changeHandlers.filter((x) => x.sheet === sheet)) {
      setTimeout(() => void h.handler({ address, changeType: 'RangeEdited', source, type: 'WorksheetChanged', worksheetId: sheet.name }), 0);
    }
  }
  /** The clerk types into a cell and presses Enter: the value is committed, then onChanged fires. */
  userEdit(sheetName: string, address: string, value: number | string | null): void {
    const sheet = this.sheet(sheetName);
    typeIn(this, sheet.at(address), value);
    this.emitChanged(sheet, address);
  }
  /** Workbook structure protection: worksheets can be neither added nor deleted. */
  structureProtected = false;
  /** Highest ExcelApi requirement set the fake host supports. */
  apiVersion = '1.20';
  /** How "No Fill" reports `pattern` through getCellProperties: null (default) or 'None'. */
  noFillPattern: null | 'None' = null;
  /** The next sync never settles (to test timeouts). */
  hangNextSync = false;
  /** The next sync fails with this RichApi error. */
  failNextSync: { code: string; message: string } | null = null;
  readonly formulaResults = new WeakMap<FakeCell, FormulaResults>();
  settings: FakeSettings;

  constructor() {
    this.settings = new FakeSettings(this);
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  /** Sets a cell's formula with its cached result (what Excel would have computed). */
  setFormula(sheet: string, address: string, formula: string, result: FakeCell['value'] | { error: string }): void {
    const c = this.sheet(sheet).at(address);
    c.formula = formula.startsWith('=') ? formula : `=${formula}`;
    if (result !== null && typeof result === 'object') {
      c.error = result.error;
      c.value = null;
    } else {
      c.value = result;
      delete c.error;
    }
    this.rememberFormula(c);
  }
  rememberFormula(c: FakeCell): void {
    if (!c.formula) return;
    let m = this.formulaResults.get(c);
    if (!m) {
      m = new Map();
      this.formulaResults.set(c, m);
    }
    m.set(c.formula, c.error !== undefined ? { value: null, error: c.error } : { value: c.value });
  }
  /** Simulates closing and reopening the task pane: unsaved settings are lost. */
  reloadPane(): void {
    this.settings = new FakeSettings(this);
  }
  supports(version: string): boolean {
    return compareVersions(this.apiVersion, version) >= 0;
  }
  /**
   * The borders a cell shows from conditional formats: per edge, the top-priority constant-TRUE
   * custom format that sets it (the cells' own borders are not modelled: none in these workbooks).
   */
  displayedBorders(sheet: string, address: string): Partial<Record<BorderEdge, { style: string; color: string | null }>> {
    const s = this.sheet(sheet);
    const { row, col } = parseA1(address);
    const out: Partial<Record<BorderEdge, { style: string; color: string | null }>> = {};
    for (const cf of s.conditionalFormats) {
      const covers = cf.areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
      if (!covers || cf.type !== 'Custom' || !isConstantTrue(cf.formula) || !cf.borders) continue;
      for (const [edge, b] of Object.entries(cf.borders) as Array<[BorderEdge, { style: string; color: string | null }]>) out[edge] ??= { ...b };
    }
    return out;
  }
  /** What the clerk sees in a cell: the top-priority constant-TRUE custom format's fill, else its own. */
  displayedFill(sheet: string, address: string): FakeFill {
    const s = this.sheet(sheet);
    const { row, col } = parseA1(address);
    const own = s.peek(row, col)?.fill ?? NO_FILL;
    for (const cf of s.conditionalFormats) {
      const covers = cf.areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
      if (covers && cf.type === 'Custom' && cf.fill && isConstantTrue(cf.formula)) {
        return { none: false, color: cf.fill.toUpperCase(), pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
      }
    }
    return own;
  }
}

/** Formulas the fake can evaluate without a calculation engine: constant TRUE ones. */
function isConstantTrue(formula: string | null): boolean {
  if (!formula) return false;
  const f = formula.trim().toUpperCase();
  return f === '=TRUE' || /^=ISTEXT\("[^"]*"\)$/.test(f);
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

export class FakeSettings {
  private readonly live: Map<string, unknown>;
  saveCount = 0;
  constructor(private readonly wb: FakeExcelWorkbook) {
    this.live = new Map(wb.savedSettings);
  }
  get(name: string): unknown {
    return this.live.has(name) ? this.live.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.live.set(name, value);
  }
  remove(name: string): void {
    this.live.delete(name);
  }
  saveAsync(cb?: (r: { status: string; error?: unknown }) => void): void {
    this.saveCount++;
    this.wb.savedSettings.clear();
    for (const [k, v] of this.live) this.wb.savedSettings.set(k, v);
    setTimeout(() => cb?.({ status: 'succeeded' }), 0);
  }
}

// ---- errors -----------------------------------------------------------------------------

export class FakeRichApiError extends Error {
  override name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

const accessDenied = () => new FakeRichApiError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.');

const notLoaded = (prop: string) =>
  new FakeRichApiError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

// ---- request context ------------------------------------------------------------------

type Op = () => void;

/** Per-operation and per-message JSON overhead of the RichApi protocol (object paths, ids, keys). */
const OP_OVERHEAD = 48;
const ENVELOPE = 256;

/** UTF-8 length of `v` as JSON (no Buffer: the fake also runs in the browser suite). */
function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? 'null';
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else if (c >= 0x800) n += 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

export class FakeRequestContext {
  readonly workbook: WorkbookProxy;
  private queue: Array<{ op: Op; bytes: number }> = [];
  /** Completed syncs of this context: objects know whether a sync happened after them. */
  completed = 0;
  /** Response bytes of the sync being run. */
  private responseBytes = 0;
  constructor(readonly wb: FakeExcelWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }
  /** Queues an operation; `request` is what it sends (its JSON counts towards the request payload). */
  enqueue(op: Op, request?: unknown): void {
    this.queue.push({ op, bytes: OP_OVERHEAD + (request === undefined ? 0 : jsonBytes(request)) });
  }
  /** Counts a loaded value towards the response payload. */
  respond(value: unknown): void {
    this.responseBytes += OP_OVERHEAD + jsonBytes(value);
  }
  /**
   * False once the `Excel.run` that made this context has ended, until an `Excel.run(context, …)`
   * reopens it (a context built directly by a test is open).
   */
  open = true;
  sync<T>(passThroughValue?: T): Promise<T> {
    return this.round().then(() => passThroughValue as T);
  }
  private round(): Promise<void> {
    // office.js sends nothing for a sync with nothing queued: no round trip, nothing counted.
    if (!this.queue.length) return Promise.resolve();
    // Office.js documents that a context's objects are used inside its Excel.run; event
    // handlers are removed "in Excel.run(eventResult.context, …)". The fake refuses the rest.
    if (!this.open) {
      this.queue = [];
      return Promise.reject(new FakeRichApiError('InvalidRequestContext', 'This context is not in an Excel.run batch: use Excel.run(context, …).'));
    }
    this.wb.syncCount++;
    const ops = this.queue;
    this.queue = [];
    if (this.wb.hangNextSync) {
      this.wb.hangNextSync = false;
      return new Promise<void>(() => undefined);
    }
    if (this.wb.failNextSync) {
      const f = this.wb.failNextSync;
      this.wb.failNextSync = null;
      return Promise.reject(new FakeRichApiError(f.code, f.message));
    }
    const request = ops.reduce((n, o) => n + o.bytes, ENVELOPE);
    this.wb.maxRequestBytes = Math.max(this.wb.maxRequestBytes, request);
    if (request > this.wb.payloadLimit) {
      this.completed++;
      return Promise.reject(new FakeRichApiError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} bytes).`));
    }
    this.responseBytes = ENVELOPE;
    try {
      for (const o of ops) o.op();
    } catch (e) {
      this.completed++;
      return Promise.reject(e);
    }
    this.completed++;
    this.wb.maxResponseBytes = Math.max(this.wb.maxResponseBytes, this.responseBytes);
    if (this.responseBytes > this.wb.payloadLimit) {
      return Promise.reject(new FakeRichApiError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${this.responseBytes} bytes).`));
    }
    return Promise.resolve();
  }
  requireApi(version: string, api: string): void {
    if (!this.wb.supports(version)) throw new FakeRichApiError('ApiNotFound', `${api} requires ExcelApi ${version}`);
  }
}

/** Splits a load spec ('a,b/c' | ['a'] | { select: 'a' }) into paths. */
function loadPaths(spec: unknown): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  if (typeof spec === 'object' && spec && 'select' in spec) return loadPaths((spec as { select: unknown }).select);
  throw new Error('unsupported load spec in fake');
}

abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private readonly createdAt: number;
  constructor(protected readonly ctx: FakeRequestContext) {
    this.createdAt = ctx.completed;
  }
  load(spec?: unknown): this {
    const paths = loadPaths(spec);
    this.ctx.enqueue(() => this.applyLoad(paths), paths);
    return this;
  }
  /** Runs at sync: reads each requested property from the model now. */
  applyLoad(paths: string[]): void {
    const byHead = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      const list = byHead.get(head!) ?? [];
      if (rest.length) list.push(rest.join('/'));
      byHead.set(head!, list);
    }
    for (const [head, rests] of byHead) {
      // Loading a property needs its requirement set, as calling a method does.
      const set = apiSetOf(this, head);
      if (set) this.ctx.requireApi(set.read, `${officeClassOf(this)}.${head}`);
      if (rests.length) this.child(head).applyLoad(rests);
      else {
        const v = this.read(head);
        this.ctx.respond(v);
        this.loaded.set(head, v);
      }
    }
  }
  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }
  protected synced(): boolean {
    return this.ctx.completed > this.createdAt;
  }
  protected abstract read(name: string): unknown;
  protected child(name: string): ClientObject {
    throw new Error(`fake: no navigation property ${name} on ${this.constructor.name}`);
  }
}

export class ClientResult<T> {
  private v: T | undefined;
  private done = false;
  constructor(ctx: FakeRequestContext, compute: () => T) {
    ctx.enqueue(() => {
      this.v = compute();
      ctx.respond(this.v);
      this.done = true;
    });
  }
  get value(): T {
    if (!this.done) throw notLoaded('value');
    return this.v as T;
  }
}

// ---- workbook, worksheets -------------------------------------------------------------------

class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }
  protected read(name: string): unknown {
    throw new Error(`fake: workbook.${name} not modelled`);
  }
  protected override child(name: string): ClientObject {
    if (name === 'worksheets') return this.worksheets;
    return super.child(name);
  }
}

class WorksheetCollectionProxy extends ClientObject {
  private itemList: WorksheetProxy[] | null = null;
  get items(): WorksheetProxy[] {
    if (!this.itemList) throw notLoaded('items');
    return this.itemList;
  }
  override applyLoad(paths: string[]): void {
    const itemPaths = paths.filter((p) => p === 'items' || p.startsWith('items/')).map((p) => p.slice(6));
    if (paths.some((p) => p === 'items' || p.startsWith('items/'))) {
      this.itemList = this.ctx.wb.sheets.map((s) => {
        const w = new WorksheetProxy(this.ctx, () => s);
        w.resolveNow();
        const sub = itemPaths.filter(Boolean);
        w.applyLoad(sub.length ? sub : ['name']);
        return w;
      });
    }
    const rest = paths.filter((p) => !(p === 'items' || p.startsWith('items/')));
    if (rest.length) super.applyLoad(rest);
  }
  protected read(name: string): unknown {
    if (name === 'count') return this.ctx.wb.sheets.length;
    throw new Error(`fake: worksheets.${name} not modelled`);
  }
  getItem(key: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.wb.sheets.find((x) => x.name === key);
      if (!s) throw new FakeRichApiError('ItemNotFound', `The requested resource doesn't exist.`);
      return s;
    });
    ws.enqueueResolve();
    return ws;
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    this.ctx.requireApi('1.4', 'getItemOrNullObject');
    const ws = new WorksheetProxy(this.ctx, () => this.ctx.wb.sheets.find((x) => x.name === key) ?? null);
    ws.enqueueResolve();
    return ws;
  }
  /** Adds a sheet at the end (not activated, as in Excel); refused when the structure is protected. */
  add(name?: string): WorksheetProxy {
    if (name === undefined) throw new Error('fake: worksheets.add() without a name is not modelled');
    let added: FakeSheet | null = null;
    this.ctx.enqueue(() => {
      const wb = this.ctx.wb;
      if (wb.structureProtected) throw new FakeRichApiError('AccessDenied', 'The workbook structure is protected.');
      if (wb.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase())) throw new FakeRichApiError('ItemAlreadyExists', 'A sheet with that name already exists.');
      added = new FakeSheet(name);
      wb.sheets.push(added);
    });
    const ws = new WorksheetProxy(this.ctx, () => added);
    ws.enqueueResolve();
    return ws;
  }
  getActiveWorksheet(): WorksheetProxy {
    const ws = new WorksheetProxy(this.ctx, () => this.ctx.wb.sheet(this.ctx.wb.activeSheet));
    ws.enqueueResolve();
    return ws;
  }
}

/** Objects that resolve to a model target (or null) at sync, in queue order. */
abstract class Resolvable<T> extends ClientObject {
  private target: T | null | undefined;
  private resolved = false;
  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => T | null,
  ) {
    super(ctx);
  }
  enqueueResolve(request?: unknown): void {
    this.ctx.enqueue(() => this.resolveNow(), request);
  }
  resolveNow(): T | null {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
    }
    return this.target ?? null;
  }
  /** The target for an operation: a null object fails like Office.js does. */
  protected must(): T {
    const t = this.resolveNow();
    if (t === null) throw new FakeRichApiError('ItemNotFound', 'The requested resource doesn\'t exist (null object).');
    return t;
  }
  get isNullObject(): boolean {
    if (!this.synced()) throw notLoaded('isNullObject');
    return this.resolveNow() === null;
  }
  override applyLoad(paths: string[]): void {
    if (this.resolveNow() === null) return; // a null object's properties stay unloaded
    super.applyLoad(paths);
  }
}

class WorksheetProxy extends Resolvable<FakeSheet> {
  readonly protection: ProtectionProxy;
  constructor(ctx: FakeRequestContext, resolver: () => FakeSheet | null) {
    super(ctx, resolver);
    this.protection = new ProtectionProxy(ctx, this);
  }
  get name(): string {
    return this.prop('name');
  }
  protected read(name: string): unknown {
    const s = this.must();
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    throw new Error(`fake: worksheet.${name} not modelled`);
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  /** Worksheet.onChanged (ExcelApi 1.7): add() registers at the next sync; remove() likewise. */
  get onChanged(): { add(handler: (args: unknown) => Promise<unknown>): { context: FakeRequestContext; remove(): void } } {
    return {
      add: (handler) => {
        this.ctx.requireApi('1.7', 'Worksheet.onChanged');
        const entry = { sheet: null as unknown as FakeSheet, handler };
        this.ctx.enqueue(() => {
          entry.sheet = this.must();
          this.ctx.wb.changeHandlers.push(entry);
        });
        const ctx = this.ctx;
        return {
          context: ctx,
          remove: () =>
            ctx.enqueue(() => {
              const i = ctx.wb.changeHandlers.indexOf(entry);
              if (i >= 0) ctx.wb.changeHandlers.splice(i, 1);
            }),
        };
      },
    };
  }
  /** Setting visibility needs ExcelApi 1.2 (reading it 1.1: Excel.Worksheet.visibility). */
  set visibility(v: string) {
    this.ctx.requireApi('1.2', 'Worksheet.visibility (set)');
    this.ctx.enqueue(() => {
      const s = this.must();
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeRichApiError('InvalidArgument', `visibility ${v}`);
      if (v !== 'Visible' && this.ctx.wb.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new FakeRichApiError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      s.visibility = v;
      if (v !== 'Visible' && this.ctx.wb.activeSheet === s.name) this.ctx.wb.activeSheet = this.ctx.wb.sheets.find((x) => x.visibility === 'Visible')!.name;
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.must();
      const wb = this.ctx.wb;
      if (wb.structureProtected) throw new FakeRichApiError('AccessDenied', 'The workbook structure is protected.');
      // Excel.Worksheet.delete(): "If the worksheet's visibility is set to VeryHidden, the delete
      // operation will fail with an InvalidOperation exception."
      if (s.visibility === 'VeryHidden') throw new FakeRichApiError('InvalidOperation', 'This operation is not allowed on a very hidden worksheet.');
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      if (wb.activeSheet === s.name) wb.activeSheet = wb.sheets.find((x) => x.visibility === 'Visible')?.name ?? '';
    });
  }
  protected override child(name: string): ClientObject {
    if (name === 'protection') return this.protection;
    return super.child(name);
  }
  sheetNow(): FakeSheet {
    return this.must();
  }
  getRange(address?: string): RangeProxy {
    const r = new RangeProxy(this.ctx, () => {
      const s = this.must();
      // No address: the whole sheet, as Worksheet.getRange() is.
      const rect = address === undefined ? { top: 0, left: 0, bottom: 1_048_575, right: 16_383 } : parseRect(stripSheet(address));
      return { sheet: s, areas: [rect] };
    });
    r.enqueueResolve(address ?? '');
    return r;
  }
  getRanges(address?: string): RangeProxy {
    if (address === undefined) throw new Error('fake: getRanges() without an address is not modelled');
    this.ctx.requireApi('1.9', 'Worksheet.getRanges');
    const areas = address.split(/[,;]/).map((a) => a.trim()).filter(Boolean);
    this.ctx.wb.getRangesCalls.push({ chars: address.length, areas: areas.length });
    // Documented cap 8,192 characters; beyond ~500 areas it fails unpredictably (docs/hosts.md): fail always.
    if (address.length > 8192 || areas.length > 500) throw new FakeRichApiError('InvalidArgument', 'The address is too long or has too many areas.');
    const r = new RangeProxy(this.ctx, () => ({ sheet: this.must(), areas: areas.map((a) => parseRect(stripSheet(a))) }), true);
    r.enqueueResolve(address);
    return r;
  }
  /** ExcelApi 1.1 (valuesOnly 1.2); an empty sheet's used range is A1. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.ctx.requireApi('1.2', 'getUsedRange(valuesOnly)');
    const r = new RangeProxy(this.ctx, () => {
      const s = this.must();
      return { sheet: s, areas: [s.usedRect(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 }] };
    });
    r.enqueueResolve();
    return r;
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.ctx.requireApi('1.4', 'getUsedRangeOrNullObject');
    const r = new RangeProxy(this.ctx, () => {
      const s = this.must();
      const rect = s.usedRect(!!valuesOnly);
      return rect ? { sheet: s, areas: [rect] } : null;
    });
    r.enqueueResolve();
    return r;
  }
  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.wb.activeSheet = this.must().name;
    });
  }
}

class ProtectionProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.prop('protected');
  }
  protected read(name: string): unknown {
    this.ctx.requireApi('1.2', 'WorksheetProtection');
    if (name === 'protected') return this.ws.sheetNow().protected;
    throw new Error(`fake: protection.${name} not modelled`);
  }
}

// ---- ranges ---------------------------------------------------------------------------------

interface RangeTarget {
  sheet: FakeSheet;
  areas: Rect[];
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function stripSheet(address: string): string {
  const i = address.lastIndexOf('!');
  return (i >= 0 ? address.slice(i + 1) : address).replace(/\$/g, '');
}

function rectAddress(r: Rect): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

function cellsOf(r: Rect): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) out.push([i, j]);
  return out;
}

class RangeProxy extends Resolvable<RangeTarget> {
  readonly format: RangeFormatProxy;
  constructor(
    ctx: FakeRequestContext,
    resolver: () => RangeTarget | null,
    private readonly multiArea = false,
  ) {
    super(ctx, resolver);
    this.format = new RangeFormatProxy(ctx, this);
  }
  targetNow(): RangeTarget {
    return this.must();
  }
  private single(): Rect {
    const t = this.must();
    if (t.areas.length !== 1) throw new Error('fake: multi-area range has no 2-D arrays');
    return t.areas[0]!;
  }
  private grid<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const r = this.single();
    const s = this.must().sheet;
    const out: T[][] = [];
    for (let i = r.top; i <= r.bottom; i++) {
      const row: T[] = [];
      for (let j = r.left; j <= r.right; j++) row.push(f(s.peek(i, j)));
      out.push(row);
    }
    return out;
  }
  get address(): string {
    return this.prop('address');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.write((cell, i, j) => typeIn(this.ctx.wb, cell, pick(v, i, j)), v);
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write((cell, i, j) => {
      cell.numberFormat = String(pick(v, i, j));
    }, v, false);
  }
  get text(): string[][] {
    return this.prop('text');
  }
  /** Range.clear(applyTo): 'Contents' empties values and formulas, keeping formats. */
  clear(applyTo: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents' = 'All'): void {
    if (applyTo !== 'All' && applyTo !== 'Contents' && applyTo !== 'Formats') throw new Error(`fake: clear(${applyTo}) is not modelled`);
    this.ctx.enqueue(() => {
      const t = this.must();
      if (t.sheet.protected) throw new FakeRichApiError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.');
      for (const [k, c] of [...t.sheet.cells]) {
        const [i, j] = k.split(',').map(Number) as [number, number];
        if (!t.areas.some((r) => i >= r.top && i <= r.bottom && j >= r.left && j <= r.right)) continue;
        if (applyTo !== 'Formats') {
          c.value = null;
          delete c.formula;
          delete c.error;
        }
        if (applyTo !== 'Contents') {
          c.numberFormat = 'General';
          c.fill = { ...NO_FILL };
        }
      }
    });
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write((cell, i, j) => typeIn(this.ctx.wb, cell, pick(v, i, j)), v);
  }
  protected read(name: string): unknown {
    const t = this.must();
    switch (name) {
      case 'address':
        return t.areas.map((r) => `${quoteSheet(t.sheet.name)}!${rectAddress(r)}`).join(', ');
      case 'values':
        return this.grid((c) => (!c ? '' : c.error ?? c.value ?? ''));
      case 'valueTypes':
        return this.grid((c) => valueType(c));
      case 'numberFormat':
        return this.grid((c) => c?.numberFormat ?? 'General');
      case 'text':
        return this.grid((c) => displayText(c));
      case 'formulas':
        return this.grid((c) => (!c ? '' : c.formula ?? c.error ?? c.value ?? ''));
      case 'areaCount':
        return t.areas.length;
      case 'rowIndex':
        return this.single().top;
      case 'columnIndex':
        return this.single().left;
      default:
        throw new Error(`fake: range.${name} not modelled`);
    }
  }
  protected override child(name: string): ClientObject {
    if (name === 'format') return this.format;
    if (name === 'areas') return this.areas;
    return super.child(name);
  }
  private areasProxy: RangeCollectionProxy | null = null;
  /** RangeAreas.areas: one range per rectangular area. */
  get areas(): RangeCollectionProxy {
    return (this.areasProxy ??= new RangeCollectionProxy(this.ctx, () => {
      const t = this.must();
      return t.areas.map((a) => ({ sheet: t.sheet, areas: [a] }));
    }));
  }
  get areaCount(): number {
    return this.prop('areaCount');
  }
  private cfProxy: ConditionalFormatCollectionProxy | null = null;
  /** The conditional formats that intersect the range (ExcelApi 1.6; on RangeAreas 1.9). */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.ctx.requireApi(this.multiArea ? '1.9' : '1.6', 'conditionalFormats');
    return (this.cfProxy ??= new ConditionalFormatCollectionProxy(this.ctx, this));
  }
  /**
   * The merged areas whose top-left cell lies in this range (office-js #3611: areas that
   * only overlap it are not reported); fails above 512 areas, as documented.
   */
  getMergedAreasOrNullObject(): RangeProxy {
    this.ctx.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    const r = new RangeProxy(
      this.ctx,
      () => {
        const t = this.must();
        const inside = (m: Rect) => t.areas.some((a) => m.top >= a.top && m.top <= a.bottom && m.left >= a.left && m.left <= a.right);
        const found = t.sheet.merges.filter(inside);
        if (found.length > 512) throw new FakeRichApiError('GeneralException', 'More than 512 merged areas in the range.');
        return found.length ? { sheet: t.sheet, areas: found } : null;
      },
      true,
    );
    r.enqueueResolve();
    return r;
  }
  /** Queues a per-cell write; refused on a protected sheet like Excel does. */
  write(f: (cell: FakeCell, i: number, j: number) => void, request?: unknown, contents = true): void {
    this.ctx.enqueue(() => {
      const t = this.must();
      if (t.sheet.protected) throw accessDenied();
      for (const r of t.areas) for (const [i, j] of cellsOf(r)) f(t.sheet.cell(i, j), i - r.top, j - r.left);
      // onChanged is about data: a value or formula written by the add-in fires it too.
      if (contents) for (const r of t.areas) this.ctx.wb.emitChanged(t.sheet, rectAddress(r));
    }, request);
  }
  getCellProperties(opts: Excel.CellPropertiesLoadOptions): ClientResult<unknown[][]> {
    this.ctx.requireApi('1.9', 'Range.getCellProperties');
    const want = (opts.format?.fill ?? {}) as Record<string, boolean | undefined>;
    return new ClientResult(this.ctx, () =>
      this.grid((c) => {
        const f = c?.fill ?? NO_FILL;
        const fill: Record<string, unknown> = {};
        const none = f.none;
        // docs/hosts.md / office-js #4900: No Fill and a solid fill both report pattern null and
        // No Fill reads #FFFFFF; only tintAndShade (null for No Fill, a number otherwise) tells them apart.
        if (want.color) fill.color = none ? '#FFFFFF' : f.color;
        if (want.pattern) fill.pattern = none ? this.ctx.wb.noFillPattern : f.pattern === 'Solid' ? null : f.pattern;
        if (want.patternColor) fill.patternColor = none ? null : f.patternColor;
        if (want.tintAndShade) fill.tintAndShade = none ? null : f.tintAndShade;
        if (want.patternTintAndShade) fill.patternTintAndShade = none ? null : f.patternTintAndShade;
        return { format: { fill } };
      }),
    );
  }
  setCellProperties(data: Excel.SettableCellProperties[][]): void {
    this.ctx.requireApi('1.9', 'Range.setCellProperties');
    this.write((cell, i, j) => {
      const fill = data[i]?.[j]?.format?.fill as Partial<Record<keyof FakeFill, unknown>> | undefined;
      if (fill) applyFill(cell, fill);
    }, data, false);
  }
  select(): void {
    this.ctx.enqueue(() => {
      const t = this.must();
      if (this.ctx.wb.activeSheet !== t.sheet.name) {
        throw new FakeRichApiError('InvalidSelection', 'Cannot select a range on a sheet that is not active.');
      }
      this.ctx.wb.selection = { sheet: t.sheet.name, address: t.areas.map(rectAddress).join(',') };
    });
  }
}

function pick(v: unknown, i: number, j: number): unknown {
  if (Array.isArray(v)) {
    const row = v[i] ?? v[0];
    return Array.isArray(row) ? (row[j] ?? row[0]) : row;
  }
  return v;
}

function valueType(c: FakeCell | undefined): string {
  if (!c) return 'Empty';
  if (c.error !== undefined) return 'Error';
  if (c.value === null || c.value === '') return 'Empty';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

/** Excel's "as if typed" interpretation of a value written through `values`/`formulas`. */
function typeIn(wb: FakeExcelWorkbook, cell: FakeCell, v: unknown): void {
  delete cell.error;
  delete cell.formula;
  if (v === null || v === undefined || v === '') {
    cell.value = null;
    return;
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  const s = String(v);
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    return;
  }
  if (s.startsWith('=')) {
    cell.formula = s;
    const known = wb.formulaResults.get(cell)?.get(s);
    cell.value = known ? known.value : null;
    if (known?.error !== undefined) cell.error = known.error;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = s;
    return;
  }
  const pct = /^\s*([+-]?\d+(?:\.(\d+))?)\s*%\s*$/.exec(s);
  if (pct) {
    cell.value = Number(pct[1]) / 100;
    if (cell.numberFormat === 'General') cell.numberFormat = pct[2] ? `0.${'0'.repeat(pct[2].length)}%` : '0%';
    return;
  }
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(s)) {
    cell.value = Number(s);
    return;
  }
  cell.value = s;
}

function applyFill(cell: FakeCell, fill: Partial<Record<keyof FakeFill, unknown>>): void {
  const f = cell.fill;
  if (fill.pattern === 'None') {
    cell.fill = { ...NO_FILL };
    return;
  }
  if (f.none && (fill.color !== undefined || fill.pattern !== undefined)) {
    cell.fill = { none: false, color: '#FFFFFF', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
  }
  const g = cell.fill;
  if (typeof fill.color === 'string') g.color = fill.color.toUpperCase();
  if (typeof fill.pattern === 'string') g.pattern = fill.pattern;
  if (fill.patternColor !== undefined) g.patternColor = fill.patternColor === null ? null : String(fill.patternColor).toUpperCase();
  if (typeof fill.tintAndShade === 'number') g.tintAndShade = fill.tintAndShade;
  if (typeof fill.patternTintAndShade === 'number') g.patternTintAndShade = fill.patternTintAndShade;
}

/** A small number formatter: General, fixed decimals, thousands, percent, text. */
export function displayText(c: FakeCell | undefined): string {
  if (!c) return '';
  if (c.error !== undefined) return c.error;
  const v = c.value;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const fmt = c.numberFormat;
  if (fmt === 'General' || fmt === '@') return String(Number(v.toPrecision(11)));
  const percent = fmt.includes('%');
  const m = /\.(0+)/.exec(fmt);
  const decimals = m ? m[1]!.length : 0;
  const n = percent ? v * 100 : v;
  let s = n.toFixed(decimals);
  if (fmt.includes('#,##0')) {
    const [int, frac] = s.split('.');
    s = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  }
  return percent ? `${s}%` : s;
}

class RangeCollectionProxy extends ClientObject {
  private itemList: RangeProxy[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    private readonly targets: () => RangeTarget[],
  ) {
    super(ctx);
  }
  get items(): RangeProxy[] {
    if (!this.itemList) throw notLoaded('items');
    return this.itemList;
  }
  override applyLoad(paths: string[]): void {
    const sub = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    this.itemList = this.targets().map((t) => {
      const r = new RangeProxy(this.ctx, () => t);
      r.resolveNow();
      r.applyLoad(sub.length ? sub : ['address']);
      return r;
    });
  }
  protected read(name: string): unknown {
    throw new Error(`fake: areas.${name} not modelled`);
  }
}

class RangeFormatProxy extends ClientObject {
  readonly fill: RangeFillProxy;
  constructor(
    ctx: FakeRequestContext,
    range: RangeProxy,
  ) {
    super(ctx);
    this.fill = new RangeFillProxy(ctx, range);
  }
  protected read(name: string): unknown {
    throw new Error(`fake: format.${name} not modelled`);
  }
  protected override child(name: string): ClientObject {
    if (name === 'fill') return this.fill;
    return super.child(name);
  }
}

class RangeFillProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  get color(): string {
    return this.prop('color');
  }
  set color(c: string) {
    this.range.write((cell) => applyFill(cell, { color: c }), undefined, false);
  }
  get pattern(): string {
    return this.prop('pattern');
  }
  set pattern(p: string) {
    this.ctx.requireApi('1.9', 'RangeFill.pattern');
    this.range.write((cell) => applyFill(cell, { pattern: p }), undefined, false);
  }
  clear(): void {
    this.range.write((cell) => {
      cell.fill = { ...NO_FILL };
    }, undefined, false);
  }
  protected read(name: string): unknown {
    const t = this.range.targetNow();
    const r = t.areas[0]!;
    const cells = cellsOf(r).map(([i, j]) => t.sheet.peek(i, j)?.fill ?? NO_FILL);
    const same = <K extends keyof FakeFill>(k: K) => (cells.every((f) => f[k] === cells[0]![k]) ? cells[0]![k] : null);
    if (name === 'color') return same('color');
    if (name === 'pattern') return cells.every((f) => f.none) ? 'None' : same('pattern');
    throw new Error(`fake: fill.${name} not modelled`);
  }
}

// ---- conditional formats (ExcelApi 1.6) ------------------------------------------------------

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

class ConditionalFormatCollectionProxy extends ClientObject {
  private itemList: ConditionalFormatProxy[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  /** The sheet's formats that intersect the range, in priority order (at sync time). */
  private current(): { sheet: FakeSheet; list: FakeConditionalFormat[] } {
    const t = this.range.targetNow();
    return { sheet: t.sheet, list: t.sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => t.areas.some((b) => intersects(a, b)))) };
  }
  get items(): ConditionalFormatProxy[] {
    if (!this.itemList) throw notLoaded('items');
    return this.itemList;
  }
  override applyLoad(paths: string[]): void {
    const sub = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    const { sheet, list } = this.current();
    this.itemList = list.map((cf) => {
      const p = new ConditionalFormatProxy(this.ctx, () => (sheet.conditionalFormats.includes(cf) ? { sheet, cf } : null));
      p.resolveNow();
      p.applyLoad(sub.length ? sub : ['id', 'type', 'priority']);
      return p;
    });
  }
  protected read(name: string): unknown {
    throw new Error(`fake: conditionalFormats.${name} not modelled`);
  }
  add(type: string): ConditionalFormatProxy {
    let made: { sheet: FakeSheet; cf: FakeConditionalFormat } | null = null;
    const p = new ConditionalFormatProxy(this.ctx, () => made);
    this.ctx.enqueue(() => {
      const t = this.range.targetNow();
      if (t.sheet.protected) throw accessDenied();
      const cf: FakeConditionalFormat = { id: this.ctx.wb.nextCfId(), type, areas: t.areas.map((a) => ({ ...a })), formula: null, fill: null };
      t.sheet.conditionalFormats.unshift(cf); // "adds … at the first/top priority"
      made = { sheet: t.sheet, cf };
    }, type);
    return p;
  }
  getItem(id: string): ConditionalFormatProxy {
    const p = new ConditionalFormatProxy(this.ctx, () => {
      const { sheet, list } = this.current();
      const cf = list.find((c) => c.id === id);
      if (!cf) throw new FakeRichApiError('ItemNotFound', "The requested resource doesn't exist.");
      return { sheet, cf };
    });
    p.enqueueResolve(id);
    return p;
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.ctx, () => this.current().list.length);
  }
}

type CfTarget = { sheet: FakeSheet; cf: FakeConditionalFormat };

class ConditionalFormatProxy extends Resolvable<CfTarget> {
  get id(): string {
    return this.prop('id');
  }
  get type(): string {
    return this.prop('type');
  }
  get priority(): number {
    return this.prop('priority');
  }
  protected read(name: string): unknown {
    const { sheet, cf } = this.must();
    if (name === 'id') return cf.id;
    if (name === 'type') return cf.type;
    if (name === 'priority') return sheet.conditionalFormats.indexOf(cf);
    throw new Error(`fake: conditionalFormat.${name} not modelled`);
  }
  private customProxy: CustomConditionalFormatProxy | null = null;
  /** Only on a custom format: any other type fails at sync like Office.js does. */
  get custom(): CustomConditionalFormatProxy {
    return (this.customProxy ??= new CustomConditionalFormatProxy(this.ctx, () => {
      const t = this.must();
      if (t.cf.type !== 'Custom') throw new FakeRichApiError('InvalidArgument', 'The conditional format is not of type Custom.');
      return t;
    }));
  }
  protected override child(name: string): ClientObject {
    if (name === 'custom') return this.custom;
    return super.child(name);
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const { sheet, cf } = this.must();
      if (sheet.protected) throw accessDenied();
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(cf), 1);
    });
  }
  /** Its range; a null object when it applies to several areas (as documented). */
  getRangeOrNullObject(): RangeProxy {
    const r = new RangeProxy(this.ctx, () => {
      const { sheet, cf } = this.must();
      return cf.areas.length === 1 ? { sheet, areas: [cf.areas[0]!] } : null;
    });
    r.enqueueResolve();
    return r;
  }
}

/** `custom`, `custom.rule`, `custom.format.fill`: one object per format, all writing into its model. */
class CustomConditionalFormatProxy extends ClientObject {
  readonly rule: { formula: string; load(spec?: unknown): unknown };
  readonly format: { fill: { color: string }; borders: Record<BorderEdge, { style: string; color: string }> };
  constructor(
    ctx: FakeRequestContext,
    private readonly target: () => CfTarget,
  ) {
    super(ctx);
    const edit = (f: (t: CfTarget) => void, request: unknown) =>
      ctx.enqueue(() => {
        const t = target();
        if (t.sheet.protected) throw accessDenied();
        f(t);
      }, request);
    let formulaLoaded: string | undefined;
    const rule: CustomConditionalFormatProxy['rule'] = {
      get formula(): string {
        if (formulaLoaded === undefined) throw notLoaded('formula');
        return formulaLoaded;
      },
      set formula(v: string) {
        edit((t) => {
          t.cf.formula = v;
        }, v);
      },
      load(spec?: unknown) {
        const paths = loadPaths(spec);
        ctx.enqueue(() => {
          const t = target();
          if (paths.includes('formula')) {
            formulaLoaded = t.cf.formula ?? '';
            ctx.respond(formulaLoaded);
          }
        }, paths);
        return rule;
      },
    };
    this.rule = rule;
    const border = (edge: BorderEdge) => ({
      get style(): string {
        throw notLoaded('style');
      },
      set style(v: string) {
        edit((t) => {
          if (!CONDITIONAL_BORDER_STYLES.includes(v)) throw new FakeRichApiError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: style ${v}`);
          const b = ((t.cf.borders ??= {})[edge] ??= { style: 'None', color: null });
          b.style = v;
        }, v);
      },
      get color(): string {
        throw notLoaded('color');
      },
      set color(v: string) {
        edit((t) => {
          const b = ((t.cf.borders ??= {})[edge] ??= { style: 'None', color: null });
          b.color = v;
        }, v);
      },
    });
    this.format = {
      borders: { top: border('top'), bottom: border('bottom'), left: border('left'), right: border('right') },
      fill: {
        get color(): string {
          throw notLoaded('color');
        },
        set color(v: string) {
          edit((t) => {
            t.cf.fill = v;
          }, v);
        },
      },
    };
  }
  protected read(name: string): unknown {
    throw new Error(`fake: custom.${name} not modelled`);
  }
}

// ---- install ------------------------------------------------------------------------------

export interface InstalledExcelFake {
  readonly wb: FakeExcelWorkbook;
  uninstall(): void;
}

/** Runs a batch with its context open; closed when the batch has settled. */
async function inBatch<T>(ctx: FakeRequestContext, batch: (ctx: FakeRequestContext) => Promise<T>): Promise<T> {
  ctx.open = true;
  try {
    return await batch(ctx);
  } finally {
    ctx.open = false;
  }
}

/** Installs the fake as the globals `Excel` and `Office` (and `OfficeExtension`). */
export function installExcelFake(wb: FakeExcelWorkbook): InstalledExcelFake {
  const g = globalThis as Record<string, unknown>;
  const saved = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  const run = async (a: unknown, b?: unknown) => {
    const batch = (typeof a === 'function' ? a : b) as (ctx: FakeRequestContext) => Promise<unknown>;
    // Excel.run(context, batch): the batch runs on an existing context (e.g. an
    // EventHandlerResult's, to remove its handler).
    if (a instanceof FakeRequestContext) return inBatch(a, batch);
    const options = typeof a === 'function' ? null : (a as Record<string, unknown>);
    if (options && !wb.supports('1.11')) throw new FakeRichApiError('ApiNotFound', 'RunOptions need ExcelApi 1.11');
    if (options && 'mergeUndoGroup' in options && !wb.supports('1.20')) {
      throw new FakeRichApiError('ApiNotFound', 'mergeUndoGroup needs ExcelApi 1.20');
    }
    wb.runs.push({ options });
    return inBatch(new FakeRequestContext(wb), batch);
  };
  g.Excel = { run };
  g.Office = {
    context: {
      requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && wb.supports(version ?? '1.1') },
      get document() {
        return { settings: wb.settings };
      },
    },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };
  g.OfficeExtension = { Error: FakeRichApiError };
  return {
    wb,
    uninstall() {
      g.Excel = saved.Excel;
      g.Office = saved.Office;
      g.OfficeExtension = saved.OfficeExtension;
    },
  };
}

/** Column letters for tests that build sheets. */
export { columnName };

// ---- requirement sets: every modelled member gated as Microsoft documents it ------------------
//
// `Class.member` → the ExcelApi version of the `[Api set: ExcelApi …]` remark in @types/office-js
// (the text of the reference pages on learn.microsoft.com), for each modelled member above 1.1.
// test/host/excel-fake-gates.test.ts checks every entry against the typings, and that no member
// of a fake class that the typings put above 1.1 is missing here.

export interface ApiSetEntry {
  readonly read: string;
  readonly write?: string;
}

export const API_SETS: Readonly<Record<string, ApiSetEntry>> = {
  'WorksheetCollection.getItemOrNullObject': { read: '1.4' },
  'Worksheet.visibility': { read: '1.1', write: '1.2' },
  'Worksheet.protection': { read: '1.2' },
  'Worksheet.onChanged': { read: '1.7' },
  'Worksheet.getRanges': { read: '1.9' },
  'Worksheet.getUsedRangeOrNullObject': { read: '1.4' },
  'WorksheetProtection.protected': { read: '1.2' },
  'Range.conditionalFormats': { read: '1.6' },
  'Range.getMergedAreasOrNullObject': { read: '1.13' },
  'Range.getCellProperties': { read: '1.9' },
  'Range.setCellProperties': { read: '1.9' },
  'RangeFill.pattern': { read: '1.9' },
  'ConditionalFormatCollection.add': { read: '1.6' },
  'ConditionalFormatCollection.getItem': { read: '1.6' },
  'ConditionalFormatCollection.getCount': { read: '1.6' },
  'ConditionalFormat.id': { read: '1.6' },
  'ConditionalFormat.type': { read: '1.6' },
  'ConditionalFormat.priority': { read: '1.6' },
  'ConditionalFormat.custom': { read: '1.6' },
  'ConditionalFormat.delete': { read: '1.6' },
  'ConditionalFormat.getRangeOrNullObject': { read: '1.6' },
  'CustomConditionalFormat.rule': { read: '1.6' },
  'CustomConditionalFormat.format': { read: '1.6' },
};

/** Proxy class → the Office.js class it stands for. */
const OFFICE_CLASS = new Map<object, string>();

function officeClassOf(o: object): string {
  return OFFICE_CLASS.get(Object.getPrototypeOf(o) as object) ?? 'Unknown';
}

function apiSetOf(o: object, member: string): ApiSetEntry | undefined {
  return API_SETS[`${officeClassOf(o)}.${member}`];
}

/**
 * Gates each table member of a proxy class: a method or getter asks for `read`, a setter for
 * `write ?? read`, before it queues anything (an API the host lacks is refused at the call).
 */
function gateMembers(cls: { prototype: object }, office: string): void {
  OFFICE_CLASS.set(cls.prototype, office);
  for (const [key, set] of Object.entries(API_SETS)) {
    const [owner, member] = key.split('.') as [string, string];
    if (owner !== office) continue;
    const d = Object.getOwnPropertyDescriptor(cls.prototype, member);
    if (!d) continue;
    const gate = (self: { ctx: FakeRequestContext }, version: string) => self.ctx.requireApi(version, key);
    if (typeof d.value === 'function') {
      const fn = d.value as (...args: unknown[]) => unknown;
      d.value = function (this: { ctx: FakeRequestContext }, ...args: unknown[]) {
        gate(this, set.read);
        return fn.apply(this, args);
      };
    }
    if (d.get) {
      const get = d.get;
      d.get = function (this: { ctx: FakeRequestContext }) {
        gate(this, set.read);
        return get.call(this) as unknown;
      };
    }
    if (d.set) {
      const put = d.set;
      d.set = function (this: { ctx: FakeRequestContext }, v: unknown) {
        gate(this, set.write ?? set.read);
        put.call(this, v);
      };
    }
    Object.defineProperty(cls.prototype, member, d);
  }
}

/** Every proxy class with the Office.js class it stands for (also for the gates test). */
export const FAKE_CLASSES: ReadonlyArray<readonly [{ prototype: object }, string]> = [
  [WorkbookProxy, 'Workbook'],
  [WorksheetCollectionProxy, 'WorksheetCollection'],
  [WorksheetProxy, 'Worksheet'],
  [ProtectionProxy, 'WorksheetProtection'],
  [RangeProxy, 'Range'],
  [RangeCollectionProxy, 'RangeCollection'],
  [RangeFormatProxy, 'RangeFormat'],
  [RangeFillProxy, 'RangeFill'],
  [ConditionalFormatCollectionProxy, 'ConditionalFormatCollection'],
  [ConditionalFormatProxy, 'ConditionalFormat'],
  [CustomConditionalFormatProxy, 'CustomConditionalFormat'],
];
for (const [cls, office] of FAKE_CLASSES) gateMembers(cls, office);

// ---- the fake's call shapes are Office.js's (@types/office-js) ----------------------------------
//
// Every public member of a proxy class must exist on the Office.js class it stands for, and
// a method must accept every argument list the real one accepts. A member the real API lacks,
// or a narrower signature, is a compile error here. The fake's own plumbing (queueing,
// resolution, loading) is listed as such and excluded.

type FakePlumbing = 'applyLoad' | 'enqueueResolve' | 'resolveNow' | 'sheetNow' | 'targetNow' | 'write' | 'wb' | 'enqueue' | 'respond' | 'requireApi' | 'completed' | 'open';
type Fn = (...args: never[]) => unknown;
/** true when `Fake[K]` is a faithful stand-in for `Real[K]`, else the offending key. */
type MemberOk<Fake, Real, K extends keyof Fake> = K extends FakePlumbing
  ? true
  : K extends keyof Real
    ? Fake[K] extends Fn
      ? Real[K] extends (...args: infer R) => unknown
        ? Fake[K] extends (...args: infer F) => unknown
          ? R extends F
            ? true
            : K
          : K
        : K
      : true
    : K;
type Mirrors<Fake, Real> = { [K in keyof Fake]-?: MemberOk<Fake, Real, K> }[keyof Fake];
/** Compiles only when every member is `true`; the error names the offending member. */
type Faithful<T extends true> = T;

export type ExcelFakeShapes = [
  Faithful<Mirrors<FakeRequestContext, Excel.RequestContext>>,
  Faithful<Mirrors<WorkbookProxy, Excel.Workbook>>,
  Faithful<Mirrors<WorksheetCollectionProxy, Excel.WorksheetCollection>>,
  Faithful<Mirrors<WorksheetProxy, Excel.Worksheet>>,
  Faithful<Mirrors<ProtectionProxy, Excel.WorksheetProtection>>,
  // One proxy serves Range and, from getRanges (1.9), RangeAreas.
  Faithful<Mirrors<RangeProxy, Excel.Range & Excel.RangeAreas>>,
  Faithful<Mirrors<RangeCollectionProxy, Excel.RangeCollection>>,
  Faithful<Mirrors<RangeFormatProxy, Excel.RangeFormat>>,
  Faithful<Mirrors<RangeFillProxy, Excel.RangeFill>>,
  Faithful<Mirrors<ConditionalFormatCollectionProxy, Excel.ConditionalFormatCollection>>,
  Faithful<Mirrors<ConditionalFormatProxy, Excel.ConditionalFormat>>,
  Faithful<Mirrors<CustomConditionalFormatProxy, Excel.CustomConditionalFormat>>,
  Faithful<Mirrors<ClientResult<unknown>, OfficeExtension.ClientResult<unknown>>>,
];
