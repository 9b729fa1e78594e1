/** The Excel fake as a HostEnv for the shared suite. */
import { OUTLINE_BORDER } from '../../src/host/marks';
import { ExcelHost, SyncMeter } from '../../src/host/excel';
import type { SnapshotStore } from '../../src/host/types';
import type { CellState, HostEnv } from './adapter-contract';
import { FakeExcelWorkbook, NO_FILL, installExcelFake, type FakeFill, type InstalledExcelFake } from './excel-fake';
import type { FillSpec, SheetSpec } from './spec';

export function fakeFillFromSpec(f: FillSpec | undefined): FakeFill {
  if (!f || f.none) return { ...NO_FILL };
  return {
    none: false,
    color: f.color.toUpperCase(),
    pattern: f.pattern ?? 'Solid',
    patternColor: f.patternColor?.toUpperCase() ?? null,
    tintAndShade: f.tint ?? 0,
    patternTintAndShade: f.patternTint ?? 0,
  };
}

export function specFromFakeFill(f: FakeFill): FillSpec {
  if (f.none) return { none: true };
  return {
    color: f.color,
    ...(f.pattern !== 'Solid' ? { pattern: f.pattern as 'Gray25' } : {}),
    ...(f.patternColor !== null ? { patternColor: f.patternColor } : {}),
    ...(f.tintAndShade !== 0 ? { tint: f.tintAndShade } : {}),
    ...(f.patternTintAndShade !== 0 ? { patternTint: f.patternTintAndShade } : {}),
  };
}

export function excelWorkbookFromSpec(sheets: readonly SheetSpec[]): FakeExcelWorkbook {
  const wb = new FakeExcelWorkbook();
  for (const s of sheets) {
    const sheet = wb.addSheet(s.name);
    sheet.protected = !!s.protected;
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
      cell.fill = fakeFillFromSpec(c.fill);
      if (c.formula) wb.setFormula(s.name, addr, c.formula, c.error !== undefined ? { error: c.error } : c.value ?? null);
      else if (c.error !== undefined) cell.error = c.error;
      else cell.value = c.value ?? null;
    }
  }
  wb.activeSheet = sheets[sheets.length - 1]?.name ?? '';
  return wb;
}

export class ExcelEnv implements HostEnv {
  wb!: FakeExcelWorkbook;
  readonly meter = new SyncMeter();
  readonly readsText = true;
  private installed: InstalledExcelFake | null = null;
  constructor(private readonly hostOptions: { syncTimeoutMs?: number } = {}) {}

  load(sheets: readonly SheetSpec[]): void {
    this.installed?.uninstall();
    this.wb = excelWorkbookFromSpec(sheets);
    this.installed = installExcelFake(this.wb);
  }
  newHost(store?: SnapshotStore): ExcelHost {
    return new ExcelHost({ ...this.hostOptions, meter: this.meter, ...(store ? { store } : {}) });
  }
  reloadPane(): void {
    this.wb.reloadPane();
  }
  outlined(sheet: string, cell: string): boolean {
    const b = this.wb.displayedBorders(sheet, cell);
    return (['top', 'bottom', 'left', 'right'] as const).every((e) => b[e]?.style === 'Dash' && b[e]?.color === OUTLINE_BORDER);
  }
  readonly marksAreLayered = true;
  fill(sheet: string, cell: string): FillSpec {
    return specFromFakeFill(this.wb.displayedFill(sheet, cell));
  }
  ownFill(sheet: string, cell: string): FillSpec {
    return specFromFakeFill(this.wb.sheet(sheet).at(cell).fill);
  }
  renameSheet(from: string, to: string): void {
    this.wb.sheet(from).name = to;
  }
  type(sheet: string, cell: string, value: number | string): void {
    const c = this.wb.sheet(sheet).at(cell);
    c.value = value;
    delete c.formula;
    delete c.error;
  }
  cell(sheet: string, cell: string): CellState {
    const c = this.wb.sheet(sheet).at(cell);
    return { value: c.error !== undefined ? { error: c.error } : c.value, formula: c.formula ?? null, numFmt: c.numberFormat };
  }
  selection(): { sheet: string; cell: string } | null {
    return this.wb.selection ? { sheet: this.wb.selection.sheet, cell: this.wb.selection.address } : null;
  }
  activeSheet(): string {
    return this.wb.activeSheet;
  }
  sheetNames(): string[] {
    return this.wb.sheets.map((s) => s.name);
  }
  teardown(): void {
    this.installed?.uninstall();
    this.installed = null;
  }
}
