/**
 * Locates the 部门整体支出绩效评价指标（评分）表 (docs/families.md §1): 一级/二级/三级指标, their
 * 分值 (in a column beside each level, or inside the label: `投 入(15分)`), a 评分标准 text per
 * row, 得分, often 指标说明 and 扣分原因 — in whatever column order the county used.
 */
import { normalizeVisible } from '../values/text';
import { compactLabel } from '../values/value';
import type { SheetView } from './sheet-view';
import { declaredWeight, locateGrade, locateYear } from './locate-selfeval';
import { SCORE_TABLE_ROLES, TOTAL_ROW_WORDS, bestRole, headerKey, isWord, wordRank, type ScoreTableRole } from './roles';
import { isPlaceholderName } from './placeholder';
import type { Field, LevelLabel, ScoreTable, ScoreTableRow } from './tables';
import { NO_SYNONYMS, type Synonyms } from './synonyms';

type Role = ScoreTableRole;

/** `分值(分)`, `得分（分）`: the unit in brackets is not part of the header. */
function headerText(view: SheetView, r: number, c: number): string {
  return headerKey(view.label(r, c));
}

/** The role a header plays on a 指标评分表 (roles.ts), a bureau's synonyms included. */
export function roleOf(label: string, syn: Synonyms = NO_SYNONYMS): Role | null {
  return bestRole(SCORE_TABLE_ROLES, label, syn)?.role ?? null;
}

interface Columns {
  readonly level1?: number;
  readonly level1Weight?: number;
  readonly level2?: number;
  readonly level2Weight?: number;
  readonly level3: number;
  readonly weight: number;
  readonly criterion: number;
  readonly explanation?: number;
  readonly score: number;
  readonly reason?: number;
}

/**
 * A header row of the table: 三级指标, a 评分标准-like column and 得分 in one row. A 分值 column
 * belongs to the nearest level column on its left (T1: 一级 | 分值 | 二级 | 分值 | 三级 | 分值).
 */
export function scoreTableColumns(view: SheetView, r: number, syn: Synonyms = NO_SYNONYMS): Columns | null {
  const found: Array<{ role: Role; col: number }> = [];
  for (const { col } of view.areasInRow(r)) {
    const role = roleOf(headerText(view, r, col), syn);
    if (role) found.push({ role, col });
  }
  // Several columns may read as a criterion (`指标说明及评分标准` beside `评分标准`): the best-ranked one.
  const criteria = found.filter((f) => f.role === 'criterion');
  if (criteria.length > 1) {
    const rank = (col: number) => wordRank(SCORE_TABLE_ROLES.criterion.words, headerText(view, r, col));
    const best = criteria.reduce((a, b) => (rank(b.col) < rank(a.col) ? b : a));
    found.splice(0, found.length, ...found.filter((f) => f.role !== 'criterion' || f === best));
  }
  const first = (role: Role) => found.find((f) => f.role === role)?.col;
  const level3 = first('level3');
  const criterion = first('criterion');
  const score = first('score');
  if (level3 === undefined || criterion === undefined || score === undefined) return null;
  const levels = (['level1', 'level2', 'level3'] as const).map((l) => ({ l, col: first(l) })).filter((x) => x.col !== undefined) as Array<{ l: 'level1' | 'level2' | 'level3'; col: number }>;
  const weights: Partial<Record<'level1' | 'level2' | 'level3', number>> = {};
  for (const w of found.filter((f) => f.role === 'weight')) {
    const owner = levels.filter((x) => x.col < w.col).pop()?.l ?? 'level3';
    weights[owner] ??= w.col;
  }
  // A single 分值 column left of 三级指标 (一级 | 分值 | 三级…) still scores the rows when no other is found.
  const weight = weights.level3 ?? (Object.keys(weights).length === 1 ? Object.values(weights)[0] : undefined);
  if (weight === undefined) return null;
  return {
    level1: first('level1'),
    level1Weight: weights.level1 !== weight ? weights.level1 : undefined,
    level2: first('level2'),
    level2Weight: weights.level2 !== weight ? weights.level2 : undefined,
    level3,
    weight,
    criterion,
    explanation: first('explanation'),
    score,
    reason: first('reason'),
  };
}

/** The header row: the first row whose cells name the columns a 指标评分表 needs. */
export function findScoreTableHeader(view: SheetView, syn: Synonyms = NO_SYNONYMS): { row: number; cols: Columns } | null {
  // Only the 评分标准 test is asked of every text cell (the other roles' tests run on the rows it finds).
  const isCriterion = (l: string) => roleOf(headerKey(l), syn) === 'criterion';
  for (const p of view.findAll(isCriterion)) {
    const cols = scoreTableColumns(view, p.row, syn);
    if (cols) return { row: p.row, cols };
  }
  return null;
}


export function locateScoreTable(view: SheetView, syn: Synonyms = NO_SYNONYMS): ScoreTable | null {
  const header = findScoreTableHeader(view, syn);
  if (!header) return null;
  const { cols } = header;
  const used = Object.values(cols).filter((c): c is number => c !== undefined);
  const start = Math.max(...used.map((c) => view.area(header.row, c).bottom)) + 1;
  const rows: ScoreTableRow[] = [];
  let total: ScoreTable['total'] = null;
  let prev1: LevelLabel | null = null;
  let prev2: LevelLabel | null = null;
  const level = (r: number, col: number | undefined, weightCol: number | undefined, prev: LevelLabel | null): LevelLabel | null => {
    if (col === undefined) return null;
    const text = view.label(r, col);
    if (text === '') return prev;
    const field = view.field(r, col);
    if (prev && prev.field.row === field.row && prev.field.col === field.col) return prev;
    if (weightCol === undefined) return { text, field, declaredWeight: declaredWeight(text) };
    return { text, field, declaredWeight: weightFromCell(view, r, weightCol), weightField: view.field(r, weightCol) };
  };
  for (let r = start; r < view.rowCount; r++) {
    const totalLabel = view.areasInRow(r).find(({ col }) => col <= cols.level3 && isWord(TOTAL_ROW_WORDS, headerKey(view.label(r, col))));
    if (totalLabel) {
      const weight = firstFilled(view, r, [cols.weight, cols.level1Weight]);
      total = { labelField: view.field(r, totalLabel.col), weight, score: view.field(r, cols.score) };
      break;
    }
    if (view.area(r, cols.level3).top !== r) continue;
    const name = view.label(r, cols.level3);
    const weight = view.field(r, cols.weight);
    const score = view.field(r, cols.score);
    const criterionText = view.text(r, cols.criterion);
    if (isPlaceholderName(name) && score.parsed.kind === 'blank' && (weight.parsed.kind === 'blank' || compactLabel(criterionText) === '')) continue;
    const level1 = level(r, cols.level1, cols.level1Weight, prev1);
    const level2 = level(r, cols.level2, cols.level2Weight, level1 !== prev1 ? null : prev2);
    rows.push({
      row: r,
      level1,
      level2,
      name,
      nameField: view.field(r, cols.level3),
      weight,
      criterion: view.field(r, cols.criterion),
      criterionText,
      explanation: cols.explanation !== undefined ? view.text(r, cols.explanation) || null : null,
      score,
      reason: cols.reason !== undefined ? view.field(r, cols.reason) : null,
    });
    prev1 = level1;
    prev2 = level2;
  }
  const top = { from: 0, to: header.row };
  return {
    sheet: view.name,
    header: { field: view.field(header.row, cols.level3), missing: cols.reason === undefined ? ['reason'] : [] },
    department: department(view, top),
    year: locateYear(view, header.row),
    rows,
    total,
    grade: locateGrade(view),
  };
}

function weightFromCell(view: SheetView, r: number, c: number): LevelLabel['declaredWeight'] {
  const p = view.field(r, c).parsed;
  if (p.kind !== 'number' || p.percent) return null;
  return { value: p.value.toFixed(), decimals: p.decimals };
}

function firstFilled(view: SheetView, r: number, cols: ReadonlyArray<number | undefined>): Field | null {
  for (const c of cols) if (c !== undefined && view.field(r, c).parsed.kind !== 'blank') return view.field(r, c);
  return cols[0] !== undefined ? view.field(r, cols[0]) : null;
}

/** `单位名称：湘西州商务局`, `填报单位 | 湘西州商务局`. */
function department(view: SheetView, rows: { from: number; to: number }): string | null {
  const p = view.findFirst((l) => /^(单位名称|部门名称|部门\(单位\)名称|填报单位|评价单位|被评价单位|部门\(单位\))/.test(l), rows);
  if (!p) return null;
  const raw = normalizeVisible(view.text(p.row, p.col));
  const after = raw.includes(':') ? raw.slice(raw.indexOf(':') + 1).trim() : '';
  if (after !== '') return after.replace(/\s+/g, ' ');
  const right = view.areasInRow(p.row, view.area(p.row, p.col).right + 1).find(({ col }) => view.label(p.row, col) !== '');
  return right ? view.text(p.row, right.col).trim() : null;
}
