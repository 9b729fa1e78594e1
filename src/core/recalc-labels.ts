/**
 * What the 一键重算 preview calls each cell: the indicator's name (三级指标) for a score, the
 * row label and column for the 基础数据表 and the execution row — the words on the form, not
 * `附件3!H14`. Found from the located tables; a cell they do not name falls back to the first
 * text on its row, then to its address.
 */
import type { PlannedWrite } from './recalc-plan';
import type { Field, LocatedWorkbook } from '../template/tables';
import { FUND_COLUMN_NAMES, type FundColumn, type FundRow } from '../template/tables';
import { locateWorkbook } from '../template/locate';
import { cellKey, parseA1, type WorkbookGrid } from '../grid/grid';

function clean(s: string): string {
  return s.replace(/\s+/g, '').replace(/^[0-9０-９]+[、.．]/, '').replace(/^其中[:：]/, '');
}

function namedFields(t: LocatedWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  const put = (f: Field | null | undefined, label: string) => {
    if (f && !out.has(cellKey(f.sheet, f.cell))) out.set(cellKey(f.sheet, f.cell), label);
  };
  const se = t.selfEval;
  if (se) {
    for (const r of se.indicators) put(r.score, `${clean(r.name) || clean(r.level2)} 得分`);
    const ex = se.execution;
    if (ex) {
      put(ex.rate, '预算执行率');
      put(ex.score, '预算执行率 得分');
      put(ex.actual, `${clean(ex.label)} 全年执行数`);
      put(ex.budget, `${clean(ex.label)} 全年预算数`);
    }
    for (const p of se.executionParts) {
      put(p.rate, `${clean(p.label)} 执行率`);
      put(p.budget, `${clean(p.label)} 全年预算数`);
    }
    if (se.total) {
      put(se.total.score, '总分 得分');
      put(se.total.weight, '总分 分值');
    }
  }
  const b = t.basic;
  if (b?.staff) put(b.staff.rate, '财政供养人员控制率');
  const f = b?.funds;
  if (f) {
    const rows: Array<FundRow | null> = [
      f.threePublic,
      f.vehicle,
      f.vehiclePurchase,
      f.vehicleRunning,
      f.abroad,
      f.reception,
      f.project,
      ...f.projectParts,
      f.publicFunds,
      ...f.publicParts,
    ];
    for (const r of rows) {
      if (!r) continue;
      for (const [col, field] of Object.entries(r.values) as Array<[FundColumn, Field]>) {
        put(field, `${clean(r.label)}（${f.headers[col] ?? FUND_COLUMN_NAMES[col]}）`);
      }
    }
  }
  for (const r of b?.buildings ?? []) {
    put(r.scaleRate, `楼堂馆所 第${r.row + 1}行 规模控制率`);
    put(r.investRate, `楼堂馆所 第${r.row + 1}行 投资概算控制率`);
  }
  return out;
}

/** The first text cell left of `cell` on its row. */
function rowLabel(grid: WorkbookGrid, sheet: string, cell: string): string | null {
  const s = grid.sheets.find((x) => x.name === sheet);
  if (!s) return null;
  const { row, col } = parseA1(cell);
  const cells = s.rows[row] ?? [];
  for (let c = 0; c < col; c++) {
    const v = cells[c]?.value;
    if (typeof v === 'string' && /[\u4e00-\u9fff]/.test(v)) return clean(v);
  }
  return null;
}

/** `Sheet!A1` → what the preview shows for it. */
export function recalcLabels(grid: WorkbookGrid, writes: readonly Pick<PlannedWrite, 'sheet' | 'cell'>[]): Map<string, string> {
  const named = namedFields(locateWorkbook(grid));
  const out = new Map<string, string>();
  for (const w of writes) {
    const k = cellKey(w.sheet, w.cell);
    out.set(k, named.get(k) ?? rowLabel(grid, w.sheet, w.cell) ?? k);
  }
  return out;
}
