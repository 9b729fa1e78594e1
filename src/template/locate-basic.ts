/**
 * Locates the blocks of 附件2 基础数据表 by their labels and column headers.
 */
import type { SheetView } from './sheet-view';
import { titleField } from './title';
import type { BasicDataTable, BuildingRow, Field, FundColumn, FundRow, FundsBlock, StaffBlock } from './tables';

type Pos = { row: number; col: number };

/** How far below a header the first data row may be (extra blank rows are common). */
const MAX_GAP_ROWS = 6;

export function locateBasic(view: SheetView): BasicDataTable {
  const buildingHeader = view.findFirst((l) => l.includes('楼堂馆所'));
  return {
    sheet: view.name,
    title: titleField(view),
    staff: locateStaff(view),
    funds: locateFunds(view, buildingHeader?.row),
    buildings: locateBuildings(view),
  };
}

/** The first cell right of `from` in row r whose label passes `test`. */
function findInRow(view: SheetView, r: number, test: (l: string) => boolean, from = 0): Pos | undefined {
  for (const { col } of view.areasInRow(r, from)) if (test(view.label(r, col))) return { row: r, col };
  return undefined;
}

/** The first row below `headerRow` with something typed in any of `cols`. */
function firstDataRow(view: SheetView, headerRow: number, cols: readonly number[]): number | undefined {
  const headerBottom = Math.max(...cols.map((c) => view.area(headerRow, c).bottom));
  for (let r = headerBottom + 1; r <= Math.min(view.rowCount - 1, headerBottom + MAX_GAP_ROWS); r++) {
    if (cols.some((c) => view.text(r, c).trim() !== '' && view.area(r, c).top === r)) return r;
  }
  return undefined;
}

function locateStaff(view: SheetView): StaffBlock | null {
  const anchor = view.findFirst((l) => l.includes('财政供养人员'));
  const rows = anchor ? [anchor.row, anchor.row + 1] : [...Array(view.rowCount).keys()];
  for (const r of rows) {
    const quota = findInRow(view, r, (l) => l.includes('编制数'));
    const actual = findInRow(view, r, (l) => l.includes('在职人数') || l.includes('实有人数'));
    if (!quota || !actual) continue;
    const rate = findInRow(view, r, (l) => l.includes('控制率'));
    const cols = [quota.col, actual.col, ...(rate ? [rate.col] : [])];
    const data = firstDataRow(view, r, cols);
    if (data === undefined) return null;
    return {
      quota: view.field(data, quota.col),
      actual: view.field(data, actual.col),
      rate: rate ? view.field(data, rate.col) : null,
    };
  }
  return null;
}

/** Classifies the year columns: 上年决算数, 本年预算数, 本年决算数 (in any order, with or without years). */
export function classifyYearHeaders(headers: ReadonlyArray<{ col: number; label: string }>): Partial<Record<FundColumn, number>> {
  const out: Partial<Record<FundColumn, number>> = {};
  const finals: Array<{ col: number; year: number | null; label: string }> = [];
  for (const h of headers) {
    const year = /(\d{4})/.exec(h.label);
    if (h.label.includes('预算')) out.budget ??= h.col;
    else if (h.label.includes('决算')) finals.push({ col: h.col, year: year ? Number(year[1]) : null, label: h.label });
  }
  for (const f of finals) {
    if (f.label.includes('上年')) out.prevFinal ??= f.col;
    else if (f.label.includes('本年') || f.label.includes('当年')) out.final ??= f.col;
  }
  const dated = finals.filter((f) => f.year !== null && !f.label.includes('上年') && !f.label.includes('本年'));
  if (dated.length > 0) {
    const maxYear = Math.max(...dated.map((f) => f.year!));
    for (const f of dated) {
      if (f.year === maxYear) out.final ??= f.col;
      else out.prevFinal ??= f.col;
    }
  }
  return out;
}

function locateFunds(view: SheetView, stopRow: number | undefined): FundsBlock | null {
  const anchor = view.findFirst((l) => l.includes('经费控制情况'));
  let headerRow: number | undefined = anchor?.row;
  if (headerRow === undefined) {
    for (let r = 0; r < view.rowCount && headerRow === undefined; r++) {
      const n = view.areasInRow(r).filter(({ col }) => /(决算|预算)数/.test(view.label(r, col))).length;
      if (n >= 2) headerRow = r;
    }
  }
  if (headerRow === undefined) return null;
  const headers = view
    .areasInRow(headerRow)
    .map(({ col }) => ({ col, label: view.label(headerRow!, col) }))
    .filter((h) => /(决算|预算)/.test(h.label));
  const cols = classifyYearHeaders(headers);
  const columns = (Object.keys(cols) as FundColumn[]).sort((a, b) => cols[a]! - cols[b]!);
  if (columns.length === 0) return null;
  const headerTexts: Partial<Record<FundColumn, string>> = {};
  for (const k of columns) headerTexts[k] = view.text(headerRow, cols[k]!).replace(/\s+/g, '');
  const firstValueCol = Math.min(...columns.map((k) => cols[k]!));

  const end = Math.min(stopRow ?? view.rowCount, view.rowCount);
  const block = {
    threePublic: null as FundRow | null,
    vehicle: null as FundRow | null,
    vehiclePurchase: null as FundRow | null,
    vehicleRunning: null as FundRow | null,
    abroad: null as FundRow | null,
    reception: null as FundRow | null,
    project: null as FundRow | null,
    projectParts: [] as FundRow[],
    publicFunds: null as FundRow | null,
    publicParts: [] as FundRow[],
    procurement: null as FundRow | null,
    budgetAdjust: null as FundRow | null,
  };
  type Section = 'three' | 'project' | 'public' | 'other';
  let section: Section = 'three';
  for (let r = view.area(headerRow, firstValueCol).bottom + 1; r < end; r++) {
    const labelPos = view.areasInRow(r).find(({ col }) => col < firstValueCol && view.label(r, col) !== '');
    if (!labelPos || view.area(r, labelPos.col).top !== r) continue;
    const label = view.label(r, labelPos.col);
    const values: Partial<Record<FundColumn, Field>> = {};
    for (const k of columns) values[k] = view.field(r, cols[k]!);
    const row: FundRow = { label, labelField: view.field(r, labelPos.col), values };
    const bare = label.replace(/^[\d一二三四五六七八九十]+[、.．)）]/, '').replace(/^其中[:：]?/, '');
    if (/^三公经费/.test(bare)) {
      block.threePublic = row;
      section = 'three';
    } else if (bare.includes('公务用车购置和维护') || bare.startsWith('公务用车')) block.vehicle = row;
    else if (bare.includes('公车购置')) block.vehiclePurchase = row;
    else if (bare.includes('运行维护') && section === 'three') block.vehicleRunning = row;
    else if (bare.includes('出国')) block.abroad = row;
    else if (bare.includes('公务接待')) block.reception = row;
    else if (/^项目支出/.test(bare)) {
      block.project = row;
      section = 'project';
    } else if (/^公用经费/.test(bare)) {
      block.publicFunds = row;
      section = 'public';
    } else if (/政府采购|预算调整|楼堂馆所|厉行节约/.test(bare)) {
      section = 'other';
      if (/^政府采购/.test(bare)) block.procurement ??= row;
      else if (bare.includes('预算调整')) block.budgetAdjust ??= row;
    }
    else if (section === 'project') block.projectParts.push(row);
    else if (section === 'public') block.publicParts.push(row);
  }
  return { columns, headers: headerTexts, ...block };
}

function locateBuildings(view: SheetView): BuildingRow[] {
  const header = view.findFirst((l) => l.includes('规模控制率'));
  if (!header) return [];
  const r = header.row;
  const col = (test: (l: string) => boolean) => findInRow(view, r, test)?.col;
  const approved = col((l) => l.includes('批复规模'));
  const actualScale = col((l) => l.includes('实际规模'));
  const scaleRate = col((l) => l.includes('规模控制率'));
  const budgetInv = col((l) => l.includes('预算投资') || l.includes('概算投资'));
  const actualInv = col((l) => l.includes('实际投资'));
  const investRate = col((l) => l.includes('投资概算控制率') || l.includes('投资控制率'));
  const all = [approved, actualScale, scaleRate, budgetInv, actualInv, investRate];
  if (all.some((c) => c === undefined)) return [];
  const [a, b, c, d, e, f] = all as number[];
  const out: BuildingRow[] = [];
  const bottom = Math.max(...(all as number[]).map((k) => view.area(r, k).bottom));
  for (let row = bottom + 1; row < view.rowCount; row++) {
    const first = view.areasInRow(row).map(({ col }) => view.label(row, col)).find((l) => l !== '') ?? '';
    if (/^(厉行节约|说明|填表人)/.test(first)) break;
    const fields = [a, b, c, d, e, f].map((k) => view.field(row, k!));
    if (fields.every((fl) => fl.parsed.kind === 'blank')) continue;
    if (fields.some((fl) => fl.row !== row)) continue;
    out.push({
      row,
      approvedScale: fields[0]!,
      actualScale: fields[1]!,
      scaleRate: fields[2]!,
      budgetInvestment: fields[3]!,
      actualInvestment: fields[4]!,
      investRate: fields[5]!,
    });
  }
  return out;
}
