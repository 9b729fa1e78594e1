/**
 * Locates the blocks of 附件3 自评表: the 年度资金总额 row, the funds breakdown typed inside
 * label cells, the indicator table, the 总分 row and a stated grade.
 */
import { compactLabel, parseAfterColon, parseText } from '../values/value';
import type { SheetView } from './sheet-view';
import { isExecutionRowLabel, isPlaceholderName } from './placeholder';
import { withoutBracketed } from './brackets';
import { titleField } from './title';
import { NO_SYNONYMS, orSynonym, type Synonyms } from './synonyms';
import type { BreakdownGroup, ExecutionRow, Field, IndicatorColumn, IndicatorKind, IndicatorRow, LevelLabel, SelfEvalTable, StatedGrade } from './tables';

type Test = (label: string) => boolean;

/** Column-header synonyms seen across counties and years (RULES.md, "Column names vary"). */
const EXEC_HEADERS = {
  initialBudget: (l: string) => l.startsWith('年初预算'),
  budget: (l: string) => l === '全年预算数' || l.startsWith('调整后预算') || l === '全年预算' || l === '预算数',
  actual: (l: string) => l === '全年执行数' || l === '预算执行数' || l === '执行数' || l === '实际执行数' || l === '全年执行',
  weight: (l: string) => l === '分值' || l === '权重' || l === '执行率权重' || l === '指标分值',
  rate: (l: string) => l.startsWith('执行率') && !l.includes('得分') && !l.includes('权重'),
  score: (l: string) => l === '得分' || l === '执行率得分',
} satisfies Record<string, Test>;

const INDICATOR_HEADERS = {
  level1: (l: string) => l === '一级指标',
  level2: (l: string) => l === '二级指标',
  level3: (l: string) => l === '三级指标',
  target: (l: string) => (l.includes('指标值') || l.includes('目标值')) && !l.includes('完成') && !l.includes('实际'),
  actual: (l: string) => l.includes('完成值') || l.includes('实际值'),
  weight: (l: string) => l === '分值' || l === '权重',
  score: (l: string) => l === '得分',
  reason: (l: string) => l.includes('偏差原因') || l.includes('原因分析') || l.includes('未完成原因'),
  kind: (l: string) => l === '指标性质' || l === '指标方向',
  unit: (l: string) => l === '度量单位' || l === '计量单位' || l === '单位',
} satisfies Record<string, Test>;

/** The built-in header tests widened by a profile's label synonyms. */
type ExecHeaders = Record<keyof typeof EXEC_HEADERS, Test>;
type IndicatorHeaders = Record<keyof typeof INDICATOR_HEADERS, Test>;

function execHeaders(syn: Synonyms): ExecHeaders {
  if (syn === NO_SYNONYMS) return EXEC_HEADERS;
  return {
    ...EXEC_HEADERS,
    budget: orSynonym(EXEC_HEADERS.budget, syn.has('budget')),
    actual: orSynonym(EXEC_HEADERS.actual, syn.has('actual')),
    weight: orSynonym(EXEC_HEADERS.weight, syn.has('weight')),
    score: orSynonym(EXEC_HEADERS.score, syn.has('score')),
  };
}

function indicatorHeaders(syn: Synonyms): IndicatorHeaders {
  if (syn === NO_SYNONYMS) return INDICATOR_HEADERS;
  return {
    ...INDICATOR_HEADERS,
    target: orSynonym(INDICATOR_HEADERS.target, syn.has('target')),
    actual: orSynonym(INDICATOR_HEADERS.actual, syn.has('completion')),
    weight: orSynonym(INDICATOR_HEADERS.weight, syn.has('weight')),
    score: orSynonym(INDICATOR_HEADERS.score, syn.has('score')),
    reason: orSynonym(INDICATOR_HEADERS.reason, syn.has('reason')),
  };
}

/** Header text without units in brackets: `全年预算数（万元）` → `全年预算数`. */
function headerLabel(view: SheetView, r: number, c: number): string {
  return withoutBracketed(view.label(r, c));
}

export { withoutBracketed } from './brackets';

function mapHeaders<K extends string>(view: SheetView, r: number, tests: Record<K, Test>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const { col } of view.areasInRow(r)) {
    const l = headerLabel(view, r, col);
    if (l === '') continue;
    for (const k of Object.keys(tests) as K[]) {
      if (out[k] === undefined && tests[k](l)) {
        out[k] = col;
        break;
      }
    }
  }
  return out;
}

export function locateSelfEval(view: SheetView, syn: Synonyms = NO_SYNONYMS): SelfEvalTable {
  const execAnchor = view.findFirst(orSynonym(isExecutionRowLabel, syn.has('executionRow')));
  const indicatorAnchor = view.findFirst((l) => l === '一级指标');
  const indicatorHeaderRow = indicatorAnchor?.row;
  const { execution, executionParts, execHeaderRow } = locateExecution(view, execAnchor, execHeaders(syn));
  const breakdownEnd = indicatorHeaderRow ?? view.rowCount;
  const breakdown = execAnchor ? locateBreakdown(view, execAnchor.row + 1, breakdownEnd) : [];
  const indicators = indicatorHeaderRow !== undefined ? locateIndicators(view, indicatorHeaderRow, indicatorHeaders(syn)) : { rows: [], total: null, missing: [] };
  const header = { from: 0, to: execHeaderRow ?? breakdownEnd };
  const project = valueRightOf(view, (l) => l === '项目名称', header);
  const form = project !== null || view.findFirst((l) => l.includes('项目支出绩效自评表'), header) ? 'project' : 'dept-overall';
  return {
    sheet: view.name,
    title: titleField(view, header.to),
    indicatorHeader: indicatorAnchor ? { field: view.field(indicatorAnchor.row, indicatorAnchor.col), missing: indicators.missing } : null,
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
    total: indicators.total,
    grade: locateGrade(view),
  };
}

function locateExecution(
  view: SheetView,
  anchor: { row: number; col: number } | undefined,
  headers: ExecHeaders,
): { execution: ExecutionRow | null; executionParts: ExecutionRow[]; execHeaderRow: number | undefined } {
  if (!anchor) return { execution: null, executionParts: [], execHeaderRow: undefined };
  for (let h = anchor.row - 1; h >= Math.max(0, anchor.row - 6); h--) {
    const cols = mapHeaders(view, h, headers);
    // Guizhou's form has 年初预算数(A) and 全年执行数(B) only: its execution rate is on 年初预算数.
    if (cols.budget === undefined && cols.initialBudget !== undefined) cols.budget = cols.initialBudget;
    if (cols.budget === undefined || cols.actual === undefined) continue;
    const budgetName = headerLabel(view, h, cols.budget);
    const rowAt = (r: number, labelCol: number): ExecutionRow => ({
      budgetName,
      label: view.label(r, labelCol),
      labelField: view.field(r, labelCol),
      initialBudget: cols.initialBudget !== undefined ? view.field(r, cols.initialBudget) : null,
      budget: view.field(r, cols.budget!),
      actual: view.field(r, cols.actual!),
      weight: cols.weight !== undefined ? view.field(r, cols.weight) : null,
      rate: cols.rate !== undefined ? view.field(r, cols.rate) : null,
      score: cols.score !== undefined ? view.field(r, cols.score) : null,
    });
    const execution = rowAt(anchor.row, anchor.col);
    const parts: ExecutionRow[] = [];
    for (let r = view.area(anchor.row, anchor.col).bottom + 1; r < view.rowCount; r++) {
      // `其中：当年财政拨款` is a part with its figures in the columns; `按收入性质分：866.48`
      // (a figure after the colon) starts the breakdown block instead.
      const label = compactLabel(view.text(r, anchor.col)).replace(/^其中:?/, '');
      const colon = label.indexOf(':');
      if (colon >= 0 && label.slice(colon + 1) !== '') break;
      if (!/(当年财政拨款|上年结转|其他资金|财政拨款)/.test(label)) break;
      parts.push(rowAt(r, anchor.col));
    }
    return { execution, executionParts: parts, execHeaderRow: h };
  }
  return { execution: null, executionParts: [], execHeaderRow: undefined };
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

/** The columns an indicator row needs, and the reason column the 偏差原因 check needs. */
const NEEDED_COLUMNS: readonly IndicatorColumn[] = ['level3', 'target', 'actual', 'weight', 'score'];

function locateIndicators(view: SheetView, headerRow: number, headers: IndicatorHeaders): { rows: IndicatorRow[]; total: SelfEvalTable['total']; missing: IndicatorColumn[] } {
  const cols = mapHeaders(view, headerRow, headers);
  const missing = [...NEEDED_COLUMNS, 'reason' as const].filter((k) => cols[k] === undefined);
  if (cols.level3 === undefined || cols.weight === undefined || cols.score === undefined || cols.target === undefined || cols.actual === undefined) {
    return { rows: [], total: null, missing };
  }
  const start = Math.max(...Object.values<number>(cols as Record<string, number>).map((c) => view.area(headerRow, c).bottom)) + 1;
  const rows: IndicatorRow[] = [];
  let total: SelfEvalTable['total'] = null;
  let prevLevel1: LevelLabel | null = null;
  let prevLevel2 = '';
  for (let r = start; r < view.rowCount; r++) {
    const totalCol = findTotalLabel(view, r, cols.level3);
    if (totalCol !== undefined) {
      total = locateTotal(view, r, totalCol, cols.weight, cols.score);
      break;
    }
    const name = view.label(r, cols.level3);
    const weight = view.field(r, cols.weight);
    const score = view.field(r, cols.score);
    if (view.area(r, cols.level3).top !== r) continue;
    if (name === '' && weight.parsed.kind === 'blank' && score.parsed.kind === 'blank') continue;
    // A row the template leaves for the clerk (`指标1：`, `……`) with nothing scored in it is no indicator.
    const target = view.field(r, cols.target);
    const actual = view.field(r, cols.actual);
    if (isPlaceholderName(name) && score.parsed.kind === 'blank' && target.parsed.kind === 'blank' && actual.parsed.kind === 'blank') continue;
    let level1: LevelLabel | null = prevLevel1;
    if (cols.level1 !== undefined) {
      const text = view.label(r, cols.level1);
      if (text !== '') {
        const field = view.field(r, cols.level1);
        level1 = prevLevel1 && prevLevel1.field.row === field.row && prevLevel1.field.col === field.col ? prevLevel1 : { text, field, declaredWeight: declaredWeight(text) };
      }
    }
    const level2Text = cols.level2 !== undefined ? view.label(r, cols.level2) : '';
    const level2 = level2Text !== '' ? level2Text : prevLevel2;
    rows.push({
      row: r,
      level1,
      level2,
      name,
      nameField: view.field(r, cols.level3),
      target,
      actual,
      weight,
      score,
      reason: cols.reason !== undefined ? view.field(r, cols.reason) : null,
      declaredKind: cols.kind !== undefined ? parseDeclaredKind(view.text(r, cols.kind)) : null,
      declaredUnit: cols.unit !== undefined ? view.label(r, cols.unit) || null : null,
    });
    prevLevel1 = level1;
    prevLevel2 = level2;
  }
  return { rows, total, missing };
}

/** The column of a `总分` label left of the 三级指标 column's right edge, if row r is the total row. */
const TOTAL_LABELS = new Set(['总分', '合计', '总计']);

function findTotalLabel(view: SheetView, r: number, lastCol: number): number | undefined {
  const row = view.grid.rows[r];
  if (!row) return undefined;
  for (let c = 0; c <= lastCol; c++) {
    // Checked for every indicator row: the cheap tests first, the label (NFKC, spaces) last.
    if (typeof row[c]?.value !== 'string' || !view.isTopLeft(r, c)) continue;
    if (TOTAL_LABELS.has(view.label(r, c))) return c;
  }
  return undefined;
}

/** The 总分 row: values under the 分值 and 得分 columns, or the first two figures right of the label. */
function locateTotal(view: SheetView, r: number, labelCol: number, weightCol: number, scoreCol: number): SelfEvalTable['total'] {
  const labelField = view.field(r, labelCol);
  const labelRight = view.area(r, labelCol).right;
  if (weightCol > labelRight && scoreCol > labelRight) {
    return { labelField, weight: view.field(r, weightCol), score: view.field(r, scoreCol) };
  }
  const figures = view
    .areasInRow(r, labelRight + 1)
    .map(({ col }) => view.field(r, col))
    .filter((f) => f.parsed.kind !== 'blank');
  return { labelField, weight: figures[0] ?? null, score: figures[1] ?? null };
}

const GRADE_LABEL = /^(评价等次|评价等级|自评等级|自评等次|绩效等级|绩效等次|等次|等级|评价结果|自评结果)/;

export function locateGrade(view: SheetView): StatedGrade | null {
  for (const p of view.findAll((l) => GRADE_LABEL.test(l))) {
    const raw = view.text(p.row, p.col).normalize('NFKC');
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
