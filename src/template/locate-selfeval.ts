/**
 * Locates the blocks of 附件3 自评表: the 年度资金总额 row, the funds breakdown typed inside
 * label cells, the indicator table, the 总分 row and a stated grade.
 */
import { normalizeVisible } from '../values/text';
import { compactLabel, parseAfterColon, parseText } from '../values/value';
import type { SheetView } from './sheet-view';
import { isExecutionRowLabel, isPlaceholderName } from './placeholder';
import { titleField } from './title';
import { NO_SYNONYMS, orSynonym, type Synonyms } from './synonyms';
import {
  BLOCK_TOTAL_WORDS,
  EXECUTION_PART_WORDS,
  EXECUTION_ROLES,
  HEAD_TOTAL_WORDS,
  INDICATOR_ROLES,
  STATED_TOTAL_WORDS,
  TOTAL_ROW_WORDS,
  assignRoles,
  bestRole,
  headerKey,
  headerWeight,
  isWord,
  type ExecutionRole,
  type IndicatorRole,
  type RoleTable,
} from './roles';
import type { BreakdownGroup, ExecutionRow, Field, IndicatorColumn, IndicatorKind, IndicatorRow, LevelLabel, SelfEvalTable, StatedGrade, TableHeader } from './tables';

type Test = (label: string) => boolean;

type ExecCols = Partial<Record<ExecutionRole, number>>;
type IndicatorCols = Partial<Record<IndicatorRole, number>>;

/** The role each header cell of row r plays, from column `from` (the execution row's label is no header). */
function mapRoles<R extends string>(view: SheetView, r: number, table: RoleTable<R>, syn: Synonyms, from = 0): Partial<Record<R, number>> {
  const headers = view.areasInRow(r, from).map(({ col }) => ({ col, key: headerKey(view.label(r, col)) }));
  return assignRoles(table, headers, syn);
}

export { withoutBracketed } from './brackets';

export function locateSelfEval(view: SheetView, syn: Synonyms = NO_SYNONYMS): SelfEvalTable {
  const indicatorHeader = findIndicatorHeader(view, syn);
  const indicatorHeaderRow = indicatorHeader?.row;
  const execAnchor = view.findFirst(orSynonym(isExecutionRowLabel, syn.has('executionRow')), indicatorHeaderRow !== undefined ? { from: 0, to: indicatorHeaderRow } : undefined);
  const { execution, executionParts, execHeaderRow } = execAnchor
    ? locateExecution(view, execAnchor, syn)
    : locateUnlabelledExecution(view, indicatorHeaderRow ?? view.rowCount, syn);
  const breakdownEnd = indicatorHeaderRow ?? view.rowCount;
  const breakdown = execAnchor ? locateBreakdown(view, execAnchor.row + 1, breakdownEnd) : [];
  const indicators = indicatorHeader ? locateIndicators(view, indicatorHeader.bottom, indicatorHeader.cols) : { rows: [], total: null };
  const header = { from: 0, to: execHeaderRow ?? breakdownEnd };
  const project = valueRightOf(view, (l) => l === '项目名称', header);
  const form = project !== null || view.findFirst((l) => l.includes('项目支出绩效自评表'), header) ? 'project' : 'dept-overall';
  return {
    sheet: view.name,
    title: titleField(view, header.to),
    indicatorHeader: indicatorHeader ? tableHeader(view, indicatorHeader.row, indicatorHeader.cols) : unreadIndicatorHeader(view, syn),
    form,
    department:
      form === 'project'
        ? valueRightOf(view, (l) => l.startsWith('主管部门'), header)
        : valueRightOf(view, (l) => l.includes('名称'), header),
    project,
    year: locateYear(view, header.to),
    execution,
    executionParts,
    breakdown,
    indicators: indicators.rows,
    total: indicators.total ?? statedTotal(view, Math.min(execHeaderRow ?? view.rowCount, indicatorHeaderRow ?? view.rowCount)),
    grade: locateGrade(view),
  };
}

interface ExecutionBlock {
  execution: ExecutionRow | null;
  executionParts: ExecutionRow[];
  execHeaderRow: number | undefined;
}

const NO_EXECUTION: ExecutionBlock = { execution: null, executionParts: [], execHeaderRow: undefined };

/** The execution columns of header row h, right of the label column; null unless it has a budget and an actual. */
function executionColumns(view: SheetView, h: number, labelRight: number, syn: Synonyms): ExecCols | null {
  const cols = mapRoles(view, h, EXECUTION_ROLES, syn, labelRight + 1);
  // Guizhou's form has 年初预算数(A) and 全年执行数(B) only: its execution rate is on 年初预算数.
  if (cols.budget === undefined && cols.initialBudget !== undefined) cols.budget = cols.initialBudget;
  return cols.budget === undefined || cols.actual === undefined ? null : cols;
}

/**
 * The execution weight where the form has no 分值 column: declared in the score's header
 * (`得分(10分×执行率)`) or in the block's label (`预算执行情况(10分)`, left of the figures).
 */
function declaredExecutionWeight(view: SheetView, h: number, r: number, cols: ExecCols): Field | null {
  const candidates: Array<[number, number]> = [];
  if (cols.score !== undefined) candidates.push([h, cols.score]);
  const firstFigure = Math.min(...Object.values<number>(cols as Record<string, number>));
  for (const row of [h, r]) for (const { col } of view.areasInRow(row)) if (col < firstFigure) candidates.push([row, col]);
  for (const [row, col] of candidates) {
    const w = headerWeight(view.text(row, col));
    if (w) return view.derivedField(row, col, parseText(w.value));
  }
  return null;
}

function executionRowAt(view: SheetView, cols: ExecCols, budgetName: string, weight: Field | null) {
  return (r: number, labelCol: number): ExecutionRow => ({
    budgetName,
    label: view.label(r, labelCol),
    labelField: view.field(r, labelCol),
    initialBudget: cols.initialBudget !== undefined ? view.field(r, cols.initialBudget) : null,
    budget: view.field(r, cols.budget!),
    actual: view.field(r, cols.actual!),
    weight: cols.weight !== undefined ? view.field(r, cols.weight) : weight,
    rate: cols.rate !== undefined ? view.field(r, cols.rate) : null,
    score: cols.score !== undefined ? view.field(r, cols.score) : null,
  });
}

function locateExecution(view: SheetView, anchor: { row: number; col: number }, syn: Synonyms): ExecutionBlock {
  const labelRight = view.area(anchor.row, anchor.col).right;
  for (let h = anchor.row - 1; h >= Math.max(0, anchor.row - 6); h--) {
    const cols = executionColumns(view, h, labelRight, syn);
    if (!cols) continue;
    const rowAt = executionRowAt(view, cols, headerKey(view.label(h, cols.budget!)), declaredExecutionWeight(view, h, anchor.row, cols));
    const execution = rowAt(anchor.row, anchor.col);
    const parts: ExecutionRow[] = [];
    for (let r = view.area(anchor.row, anchor.col).bottom + 1; r < view.rowCount; r++) {
      // `其中：当年财政拨款` is a part with its figures in the columns; `按收入性质分：866.48`
      // (a figure after the colon) starts the breakdown block instead.
      const label = compactLabel(view.text(r, anchor.col)).replace(/^其中:?/, '');
      const colon = label.indexOf(':');
      if (colon >= 0 && label.slice(colon + 1) !== '') break;
      if (!isWord(EXECUTION_PART_WORDS, label.replace(/:$/, ''))) break;
      parts.push(rowAt(r, anchor.col));
    }
    return { execution, executionParts: parts, execHeaderRow: h };
  }
  return NO_EXECUTION;
}

/**
 * A funds block whose row has no 年度资金总额-like label (Chongqing T5: `部门预算执行情况` over a
 * header of 年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率(%) | 执行率权重 | 执行率得分(分) and one
 * row of figures): the first header row above the indicator table with a budget, an actual and a
 * rate, weight or score; its figures are the first row below with a number under any of them (the
 * amounts may be left blank while the rate and the score are typed).
 */
function locateUnlabelledExecution(view: SheetView, end: number, syn: Synonyms): ExecutionBlock {
  const candidates = view.findAll((l) => bestRole(EXECUTION_ROLES, headerKey(l), syn)?.role === 'actual', { from: 0, to: end - 1 });
  for (const { row: h } of candidates) {
    const cols = executionColumns(view, h, -1, syn);
    if (!cols || (cols.rate === undefined && cols.score === undefined && cols.weight === undefined)) continue;
    const figureCols = Object.values<number>(cols as Record<string, number>);
    const bottom = Math.max(...figureCols.map((c) => view.area(h, c).bottom));
    const firstFigure = Math.min(...figureCols);
    // The row's own label: the nearest text left of the figures (a block label merged down the left edge is further out).
    const labelOf = (r: number) => view.areasInRow(r).filter(({ col }) => col < firstFigure && view.field(r, col).parsed.kind === 'text').pop()?.col;
    const hasFigure = (r: number) => figureCols.some((c) => view.field(r, c).parsed.kind === 'number');
    const rows: number[] = [];
    for (let r = bottom + 1; r < Math.min(end, bottom + 13) && (rows.length > 0 || r < bottom + 4); r++) if (hasFigure(r)) rows.push(r);
    if (rows.length === 0) continue;
    // Several rows of figures (Fujian: 财政资金小计 … 其他资金小计 … 合 计): the total row is the execution, its 小计 rows its parts.
    const key = (r: number) => { const c = labelOf(r); return c === undefined ? '' : headerKey(view.label(r, c)); };
    const totalRow = rows.find((r) => isWord(BLOCK_TOTAL_WORDS, key(r))) ?? rows[0]!;
    const rowAt = executionRowAt(view, cols, headerKey(view.label(h, cols.budget!)), declaredExecutionWeight(view, h, totalRow, cols));
    const parts: ExecutionRow[] = [];
    for (let r = bottom + 1; r < totalRow; r++) {
      const c = labelOf(r);
      if (c !== undefined && key(r).endsWith('小计')) parts.push(rowAt(r, c));
    }
    return { execution: rowAt(totalRow, labelOf(totalRow) ?? 0), executionParts: parts, execHeaderRow: h };
  }
  return NO_EXECUTION;
}

const BREAKDOWN_GROUPS: ReadonlyArray<{ name: string; total: Test; parts: ReadonlyArray<{ name: string; test: Test }> }> = [
  {
    name: '按收入性质分',
    total: (l) => l.includes('按收入性质分'),
    parts: [
      { name: '一般公共预算', test: (l) => l.includes('一般公共预算') },
      { name: '政府性基金拨款', test: (l) => l.includes('政府性基金') },
      { name: '纳入专户管理的非税收入拨款', test: (l) => l.includes('纳入专户管理') || l.includes('非税收入') },
      { name: '其他资金', test: (l) => l.includes('其他资金') },
    ],
  },
  {
    name: '按支出性质分',
    total: (l) => l.includes('按支出性质分'),
    parts: [
      { name: '基本支出', test: (l) => l.includes('基本支出') },
      { name: '项目支出', test: (l) => l.includes('项目支出') },
    ],
  },
];

function locateBreakdown(view: SheetView, from: number, to: number): BreakdownGroup[] {
  const cells = view.findAll((l) => l.includes(':'), { from, to: to - 1 });
  const out: BreakdownGroup[] = [];
  for (const g of BREAKDOWN_GROUPS) {
    const totalPos = cells.find((p) => g.total(view.label(p.row, p.col)));
    if (!totalPos) continue;
    const amountField = (p: { row: number; col: number }): Field => view.derivedField(p.row, p.col, parseAfterColon(view.text(p.row, p.col)));
    const parts: Array<{ name: string; field: Field }> = [];
    for (const part of g.parts) {
      // A part sits below its group's total, in the same column band.
      const pos = cells.find(
        (p) => p.row > totalPos.row && part.test(view.label(p.row, p.col)) && Math.abs(p.col - totalPos.col) <= 1 && !g.total(view.label(p.row, p.col)),
      );
      if (pos) parts.push({ name: part.name, field: amountField(pos) });
    }
    out.push({ name: g.name, total: amountField(totalPos), parts });
  }
  return out;
}

export function declaredWeight(label: string): LevelLabel['declaredWeight'] {
  const m = /\((\d+(?:\.(\d+))?)分\)/.exec(label);
  return m ? { value: m[1]!, decimals: m[2]?.length ?? 0 } : null;
}

function parseDeclaredKind(text: string): IndicatorKind | null {
  const t = compactLabel(text);
  if (t === '') return null;
  if (t.includes('定性')) return 'qualitative';
  if (/^(≤|<=|<|小于|不高于|不超过|反向)/.test(t)) return 'reverse';
  if (/^(≥|>=|>|=|大于|不低于|正向)/.test(t)) return 'positive';
  return null;
}

/**
 * The indicator table's header row: the first row with a name (三级指标, 指标名称…), a score and a
 * target or an actual, whatever else it has (一级/二级 levels, 分值/权重, 得分系数, a reason…).
 */
function findIndicatorHeader(view: SheetView, syn: Synonyms): { row: number; cols: IndicatorCols; bottom: number } | null {
  const isNameOrLevel = (l: string) => {
    const role = bestRole(INDICATOR_ROLES, headerKey(l), syn)?.role;
    return role === 'name' || role === 'level1';
  };
  let tried = -1;
  const complete = (c: IndicatorCols) => c.name !== undefined && c.score !== undefined && (c.target !== undefined || c.actual !== undefined);
  for (const { row } of view.findAll(isNameOrLevel)) {
    if (row === tried) continue;
    tried = row;
    const cols = mapRoles(view, row, INDICATOR_ROLES, syn);
    if (complete(cols)) return { row, cols, bottom: row };
    // A header typed over two rows of cells (Hubei: `年度` over `指标值`, `实际` over `完成值`).
    const two = twoRowRoles(view, row, syn);
    if (two && complete(two)) return { row, cols: two, bottom: row + 1 };
  }
  return null;
}

/** The columns coverage names (tables.ts), from the roles found. */
function missingColumns(cols: IndicatorCols): IndicatorColumn[] {
  const found: Record<IndicatorColumn, boolean> = {
    level3: cols.name !== undefined,
    target: cols.target !== undefined,
    actual: cols.actual !== undefined,
    weight: cols.weight !== undefined,
    score: cols.score !== undefined,
    reason: cols.reason !== undefined,
  };
  return (Object.keys(found) as IndicatorColumn[]).filter((k) => !found[k]);
}

/** Where the indicator table was found (its 一级指标 cell, else its name column's header) and the columns it lacks. */
function tableHeader(view: SheetView, row: number, cols: IndicatorCols): TableHeader {
  return { field: view.field(row, cols.level1 ?? cols.name ?? 0), missing: missingColumns(cols) };
}

/**
 * An indicator header that yields no table (no name, no 得分, or neither a target nor an actual
 * column): where it was looked for and what it lacks, so that coverage says so.
 */
function unreadIndicatorHeader(view: SheetView, syn: Synonyms): TableHeader | null {
  const p = view.findFirst((l) => l === '一级指标') ?? view.findFirst((l) => bestRole(INDICATOR_ROLES, headerKey(l), syn)?.role === 'name');
  if (!p) return null;
  return { field: view.field(p.row, p.col), missing: missingColumns(mapRoles(view, p.row, INDICATOR_ROLES, syn)) };
}

/** The roles of a header split over rows r and r + 1: each column's two cells read as one (a cell merged down both is read once). */
function twoRowRoles(view: SheetView, r: number, syn: Synonyms): IndicatorCols | null {
  if (r + 1 >= view.rowCount) return null;
  let split = false;
  const headers = view.areasInRow(r).map(({ col, rect }) => {
    const top = view.label(r, col);
    if (rect.bottom > r) return { col, key: headerKey(top) };
    const below = view.field(r + 1, col).parsed.kind === 'text' ? view.label(r + 1, col) : '';
    if (below !== '') split = true;
    return { col, key: headerKey(top + below) };
  });
  return split ? assignRoles(INDICATOR_ROLES, headers, syn) : null;
}

function locateIndicators(view: SheetView, headerRow: number, cols: IndicatorCols): { rows: IndicatorRow[]; total: SelfEvalTable['total'] } {
  const nameCol = cols.name!;
  const scoreCol = cols.score!;
  const start = Math.max(...Object.values<number>(cols as Record<string, number>).map((c) => view.area(headerRow, c).bottom)) + 1;
  const at = (r: number, c: number | undefined) => (c !== undefined ? view.field(r, c) : null);
  const blank = (f: Field | null) => !f || f.parsed.kind === 'blank';
  const rows: IndicatorRow[] = [];
  let total: SelfEvalTable['total'] = null;
  let prevLevel1: LevelLabel | null = null;
  let prevLevel2 = '';
  // The 总分 label stands left of the figures: under the names, or further right (Yunnan: `其他需要说明事项 | 无 | 总分 | 100 | 96`).
  const totalLabelEnd = Math.max(nameCol, Math.min(scoreCol, cols.weight ?? scoreCol) - 1);
  for (let r = start; r < view.rowCount; r++) {
    const totalCol = findTotalLabel(view, r, totalLabelEnd);
    if (totalCol !== undefined) {
      total = locateTotal(view, r, totalCol, cols.weight, scoreCol);
      break;
    }
    const name = view.label(r, nameCol);
    const weight = at(r, cols.weight);
    const score = view.field(r, scoreCol);
    if (view.area(r, nameCol).top !== r) continue;
    if (name === '' && blank(weight) && score.parsed.kind === 'blank') continue;
    // Chongqing's 调整指标值, where filled, is the target the year was scored on.
    const adjusted = at(r, cols.adjustedTarget);
    const target = adjusted && !blank(adjusted) ? adjusted : (at(r, cols.target) ?? view.derivedField(r, nameCol, { kind: 'blank' }));
    const actual = at(r, cols.actual) ?? view.derivedField(r, nameCol, { kind: 'blank' });
    // A row the template leaves for the clerk (`指标1：`, `……`) with nothing scored in it is no indicator.
    if (isPlaceholderName(name) && score.parsed.kind === 'blank' && target.parsed.kind === 'blank' && actual.parsed.kind === 'blank') continue;
    let level1: LevelLabel | null = prevLevel1;
    if (cols.level1 !== undefined) {
      const text = view.label(r, cols.level1);
      if (text !== '') {
        const field = view.field(r, cols.level1);
        level1 = prevLevel1 && prevLevel1.field.row === field.row && prevLevel1.field.col === field.col ? prevLevel1 : { text, field, declaredWeight: declaredWeight(text) };
      } else if (prevLevel1 && view.area(prevLevel1.field.row, prevLevel1.field.col).bottom > prevLevel1.field.row) {
        // A level merged over its rows ends where its merge ends (Hubei: a row below 产出指标's merge with no 一级 of its own).
        level1 = null;
      }
    }
    const level2Text = cols.level2 !== undefined ? view.label(r, cols.level2) : '';
    const level2 = level2Text !== '' ? level2Text : prevLevel2;
    rows.push({
      row: r,
      level1,
      level2,
      name,
      nameField: view.field(r, nameCol),
      target,
      actual,
      weight,
      score,
      coefficient: at(r, cols.coefficient),
      reason: at(r, cols.reason),
      declaredKind: cols.kind !== undefined ? parseDeclaredKind(view.text(r, cols.kind)) : null,
      declaredUnit: cols.unit !== undefined ? view.label(r, cols.unit) || null : null,
    });
    prevLevel1 = level1;
    prevLevel2 = level2;
  }
  return { rows, total };
}

/** The column of a `总分` label at or left of `lastCol`, if row r is the total row. */
function findTotalLabel(view: SheetView, r: number, lastCol: number): number | undefined {
  const row = view.grid.rows[r];
  if (!row) return undefined;
  for (let c = 0; c <= lastCol; c++) {
    // Checked for every indicator row: the cheap tests first, the label (NFKC, spaces) last.
    if (typeof row[c]?.value !== 'string' || !view.isTopLeft(r, c)) continue;
    if (isWord(TOTAL_ROW_WORDS, headerKey(view.label(r, c)))) return c;
  }
  return undefined;
}

/** The 总分 row: values under the 分值 and 得分 columns, or the first two figures right of the label. */
function locateTotal(view: SheetView, r: number, labelCol: number, weightCol: number | undefined, scoreCol: number): SelfEvalTable['total'] {
  const labelField = view.field(r, labelCol);
  const labelRight = view.area(r, labelCol).right;
  if (scoreCol > labelRight && (weightCol === undefined || weightCol > labelRight)) {
    return { labelField, weight: weightCol !== undefined ? view.field(r, weightCol) : null, score: view.field(r, scoreCol) };
  }
  const figures = view
    .areasInRow(r, labelRight + 1)
    .map(({ col }) => view.field(r, col))
    .filter((f) => f.parsed.kind !== 'blank');
  return { labelField, weight: figures[0] ?? null, score: figures[1] ?? null };
}

/**
 * A total stated in the form's head rather than on a row of its own (`自评总分(分) | 97.6`,
 * `自评得分 | 98` above the tables, which start at `headEnd`): the figure beside it.
 */
function statedTotal(view: SheetView, headEnd: number): SelfEvalTable['total'] {
  const beside = (p: { row: number; col: number }) => view.areasInRow(p.row, view.area(p.row, p.col).right + 1).find(({ col }) => view.field(p.row, col).parsed.kind !== 'blank');
  const stated = view.findFirst((l) => isWord(STATED_TOTAL_WORDS, headerKey(l)));
  const p =
    stated ??
    view.findAll((l) => isWord(HEAD_TOTAL_WORDS, headerKey(l)), { from: 0, to: headEnd - 1 }).find((q) => {
      const right = beside(q);
      return right !== undefined && view.field(q.row, right.col).parsed.kind === 'number';
    });
  const right = p && beside(p);
  return p && right ? { labelField: view.field(p.row, p.col), weight: null, score: view.field(p.row, right.col) } : null;
}

const GRADE_LABEL = /^(评价等次|评价等级|自评等级|自评等次|绩效等级|绩效等次|等次|等级|评价结果|自评结果)/;

export function locateGrade(view: SheetView): StatedGrade | null {
  for (const p of view.findAll((l) => GRADE_LABEL.test(l))) {
    const raw = normalizeVisible(view.text(p.row, p.col));
    const afterColon = raw.includes(':') ? raw.slice(raw.lastIndexOf(':') + 1).trim() : '';
    if (afterColon !== '') {
      return { field: view.derivedField(p.row, p.col, parseText(afterColon)), text: compactLabel(afterColon) };
    }
    const right = view.areasInRow(p.row, view.area(p.row, p.col).right + 1).find(({ col }) => view.label(p.row, col) !== '');
    if (right) return { field: view.field(p.row, right.col), text: view.label(p.row, right.col) };
  }
  return null;
}

/** The first filled cell right of the first label passing `test`, in `rows`: `主管部门 | 商务局`. */
function valueRightOf(view: SheetView, test: (label: string) => boolean, rows: { from: number; to: number }): string | null {
  const p = view.findFirst(test, rows);
  if (!p) return null;
  const right = view.areasInRow(p.row, view.area(p.row, p.col).right + 1).find(({ col }) => view.label(p.row, col) !== '');
  return right ? view.text(p.row, right.col).replace(/[\s\u3000]+/g, ' ').trim() : null;
}

/**
 * The year of the title (`2023年度部门整体支出绩效自评表`) or of a line of its own under it
 * (`（2023年度）`), looked for above the tables only: a year in an indicator or a goal
 * (`完成2022年度绩效评价整改`) is not the form's. Failing those, the sheet's own name when it is
 * the title (a Word report's table is named by its caption).
 */
export function locateYear(view: SheetView, headerEnd = Math.min(view.rowCount - 1, 12)): string | null {
  const top = { from: 0, to: headerEnd };
  const p =
    view.findFirst((l) => /\d{4}年/.test(l) && /(自评表|基础数据表|绩效)/.test(l), top) ??
    view.findFirst((l) => /^\(?\d{4}年度?\)?$/.test(l), top);
  if (p) return /(\d{4})年/.exec(view.label(p.row, p.col))?.[1] ?? null;
  // A table in a Word report has its title in the paragraph above it, which names the sheet.
  if (/(自评表|基础数据表|绩效)/.test(view.name)) return /(\d{4})年/.exec(view.name)?.[1] ?? null;
  return null;
}
