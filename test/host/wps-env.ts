/** The WPS fake as a HostEnv for the shared suite. */
import { OUTLINE_FILL } from '../../src/host/marks';
import { bgrToHex, hexToBgr } from '../../src/host/wps/color';
import { WpsHost } from '../../src/host/wps';
import type { SnapshotStore } from '../../src/host/types';
import type { CellState, HostEnv } from './adapter-contract';
import type { FillSpec, PatternName, SheetSpec } from './spec';
import { PATTERNS, WpsFakeDoc, W_NO_FILL, XL_NONE, XL_SOLID, installWpsFake, themed, type WFill } from './wps-fake';

export function wFillFromSpec(f: FillSpec | undefined): WFill {
  if (!f || f.none) return { ...W_NO_FILL };
  const tint = f.tint ?? 0;
  return {
    pattern: PATTERNS[f.pattern ?? 'Solid']!,
    color: f.theme !== undefined ? themed(f.theme, tint) : hexToBgr(f.color),
    themeColor: f.theme ?? null,
    tintAndShade: tint,
    patternColor: f.patternColor ? hexToBgr(f.patternColor) : 0,
    patternTintAndShade: f.patternTint ?? 0,
  };
}

export function specFromWFill(f: WFill): FillSpec {
  if (f.pattern === XL_NONE) return { none: true };
  const name = Object.entries(PATTERNS).find(([, v]) => v === f.pattern)?.[0] as PatternName | undefined;
  const patterned = f.pattern !== XL_SOLID;
  return {
    color: bgrToHex(f.color),
    ...(patterned ? { pattern: name ?? ('?' as PatternName), patternColor: bgrToHex(f.patternColor) } : {}),
    ...(f.tintAndShade !== 0 ? { tint: f.tintAndShade } : {}),
    ...(patterned && f.patternTintAndShade !== 0 ? { patternTint: f.patternTintAndShade } : {}),
    ...(f.themeColor !== null ? { theme: f.themeColor } : {}),
  };
}

export function wpsDocFromSpec(sheets: readonly SheetSpec[]): WpsFakeDoc {
  const doc = new WpsFakeDoc();
  for (const s of sheets) {
    const sheet = doc.addSheet(s.name);
    sheet.protectContents = !!s.protected;
    sheet.merges = (s.merges ?? []).map((m) => {
      const [a, b] = m.split(':');
      const p = (x: string) => {
        const mm = /^([A-Z]+)(\d+)$/.exec(x)!;
        let col = 0;
        for (const ch of mm[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
        return { row: Number(mm[2]) - 1, col: col - 1 };
      };
      const tl = p(a!);
      const br = p(b ?? a!);
      return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
    });
    for (const [addr, c] of Object.entries(s.cells)) {
      const cell = sheet.at(addr);
      cell.numberFormat = c.numFmt ?? 'General';
      cell.fill = wFillFromSpec(c.fill);
      if (c.formula) doc.setFormula(s.name, addr, c.formula, c.error !== undefined ? { error: c.error } : c.value ?? null);
      else if (c.error !== undefined) cell.error = c.error;
      else cell.value = c.value ?? null;
    }
  }
  doc.active = doc.sheets[doc.sheets.length - 1] ?? null;
  return doc;
}

export class WpsEnv implements HostEnv {
  doc!: WpsFakeDoc;
  readonly readsText = false;
  private uninstall: (() => void) | null = null;
  /** `methodStyle`: the WPS builds whose members are zero-argument methods (see wps-fake.ts). */
  constructor(private readonly opts: { methodStyle?: boolean } = {}) {}

  load(sheets: readonly SheetSpec[]): void {
    this.uninstall?.();
    this.doc = wpsDocFromSpec(sheets);
    this.doc.methodStyle = !!this.opts.methodStyle;
    this.uninstall = installWpsFake(this.doc);
  }
  newHost(store?: SnapshotStore): WpsHost {
    return new WpsHost(store ? { store } : {});
  }
  reloadPane(): void {
    // The document (and its hidden store sheet) is all that survives; adapters are new.
  }
  /** WPS marks are the cells' own fills (snapshotted and restored exactly): see src/host/wps/README.md. */
  readonly marksAreLayered = false;
  outlined(sheet: string, cell: string): boolean {
    const f = this.fill(sheet, cell);
    return 'color' in f && f.color === OUTLINE_FILL;
  }
  fill(sheet: string, cell: string): FillSpec {
    return specFromWFill(this.doc.sheet(sheet).at(cell).fill);
  }
  ownFill(sheet: string, cell: string): FillSpec {
    return this.fill(sheet, cell);
  }
  renameSheet(from: string, to: string): void {
    this.doc.sheet(from).name = to;
  }
  type(sheet: string, cell: string, value: number | string): void {
    const c = this.doc.sheet(sheet).at(cell);
    c.value = value;
    delete c.formula;
    delete c.error;
  }
  cell(sheet: string, cell: string): CellState {
    const c = this.doc.sheet(sheet).at(cell);
    return { value: c.error !== undefined ? { error: c.error } : c.value, formula: c.formula ?? null, numFmt: c.numberFormat };
  }
  selection(): { sheet: string; cell: string } | null {
    return this.doc.selection ? { sheet: this.doc.selection.sheet, cell: this.doc.selection.address } : null;
  }
  activeSheet(): string {
    return this.doc.active?.name ?? '';
  }
  sheetNames(): string[] {
    return this.doc.sheets.map((s) => s.name);
  }
  teardown(): void {
    this.uninstall?.();
    this.uninstall = null;
  }
}
