/**
 * Located tables: what the template reader finds in a workbook, with every value already
 * parsed and every value carrying its cell. Rules read only these types.
 */
import type { Parsed } from '../values/value';

/** A parsed value and where it came from. */
export interface Field {
  readonly sheet: string;
  /** Top-left A1 address of the (possibly merged) cell. */
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly parsed: Parsed;
  /** The cell's formula without `=`, when it has one (its value is then the cached result). */
  readonly formula?: string;
}

// ───────────────────────────── 附件2 基础数据表 ─────────────────────────────

export interface StaffBlock {
  /** 编制数 */
  readonly quota: Field;
  /** 实际在职人数 */
  readonly actual: Field;
  /** 控制率 */
  readonly rate: Field | null;
}

/** The three year columns of 经费控制情况. */
export type FundColumn = 'prevFinal' | 'budget' | 'final';

export const FUND_COLUMN_NAMES: Record<FundColumn, string> = {
  prevFinal: '上年决算数',
  budget: '本年预算数',
  final: '本年决算数',
};

/** One labelled row of 经费控制情况, a Field per year column found. */
export interface FundRow {
  readonly label: string;
  readonly labelField: Field;
  readonly values: Partial<Record<FundColumn, Field>>;
}

export interface FundsBlock {
  readonly columns: readonly FundColumn[];
  /** Column headers as found, for messages: `2023年决算数`. */
  readonly headers: Partial<Record<FundColumn, string>>;
  readonly threePublic: FundRow | null;
  readonly vehicle: FundRow | null;
  readonly vehiclePurchase: FundRow | null;
  readonly vehicleRunning: FundRow | null;
  readonly abroad: FundRow | null;
  readonly reception: FundRow | null;
  readonly project: FundRow | null;
  readonly projectParts: readonly FundRow[];
  readonly publicFunds: FundRow | null;
  readonly publicParts: readonly FundRow[];
  /** 政府采购金额 (information on the 自评表 family; 政府采购执行率 on the 指标评分表). */
  readonly procurement?: FundRow | null;
  /** 部门整体支出预算调整 (部门基本支出预算调整 on some forms): 预算调整率 on the 指标评分表. */
  readonly budgetAdjust?: FundRow | null;
}

export interface BuildingRow {
  readonly row: number;
  readonly approvedScale: Field;
  readonly actualScale: Field;
  readonly scaleRate: Field;
  readonly budgetInvestment: Field;
  readonly actualInvestment: Field;
  readonly investRate: Field;
}

export interface BasicDataTable {
  readonly sheet: string;
  /** The form's title (or its first filled cell): where a missing block was looked for. */
  readonly title: Field;
  readonly staff: StaffBlock | null;
  readonly funds: FundsBlock | null;
  readonly buildings: readonly BuildingRow[];
}

// ───────────────────────────── 附件3 自评表 ─────────────────────────────

/** The 年度资金总额 row and its 其中 rows share these columns. */
export interface ExecutionRow {
  readonly label: string;
  readonly labelField: Field;
  readonly initialBudget: Field | null;
  readonly budget: Field;
  /** The budget column's header as the form writes it (全年预算数, 调整后预算数; 年初预算数 on a form without either). */
  readonly budgetName?: string;
  readonly actual: Field;
  readonly weight: Field | null;
  readonly rate: Field | null;
  readonly score: Field | null;
}

/** A total typed inside a label (`按收入性质分：866.48`) and its parts. */
export interface BreakdownGroup {
  readonly name: string;
  readonly total: Field;
  readonly parts: ReadonlyArray<{ readonly name: string; readonly field: Field }>;
}

export type IndicatorKind = 'positive' | 'reverse' | 'qualitative';

export interface LevelLabel {
  readonly text: string;
  readonly field: Field;
  /** The Σ 分值 a label like `产出指标(40分)` declares. */
  readonly declaredWeight: { readonly value: string; readonly decimals: number } | null;
  /** The cell declaring the weight when it is a 分值 column beside the label (指标评分表), not the label itself. */
  readonly weightField?: Field;
}

export interface IndicatorRow {
  readonly row: number;
  readonly level1: LevelLabel | null;
  readonly level2: string;
  readonly name: string;
  readonly nameField: Field;
  readonly target: Field;
  readonly actual: Field;
  /** Null on a form whose rows carry a 得分 but no 分值 of their own (the total is still checked). */
  readonly weight: Field | null;
  readonly score: Field;
  /** A 得分系数 column (Chongqing T5): 得分 = 分值 × 得分系数. */
  readonly coefficient: Field | null;
  readonly reason: Field | null;
  /** From an explicit 指标性质 column (`=`, `≥`, `≤`, `定性`), when the template has one. */
  readonly declaredKind: IndicatorKind | null;
  /** From an explicit 度量单位 column, when the template has one. */
  readonly declaredUnit: string | null;
}

export interface StatedGrade {
  readonly field: Field;
  readonly text: string;
}

/** Which form the 自评表 is: a department's overall spending, or one project's (财预〔2020〕10号). */
export type SelfEvalForm = 'dept-overall' | 'project';

/** Columns of the indicator table; one the form lacks stops the checks that read it (coverage). */
export type IndicatorColumn = 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'reason';

/** Where a table's parts were looked for: what a missing part's finding points at. */
export interface TableHeader {
  /** The header cell (一级指标 / 三级指标) the table was found by. */
  readonly field: Field;
  /** Columns looked for in the header row and not found. */
  readonly missing: readonly IndicatorColumn[];
}

export interface SelfEvalTable {
  readonly sheet: string;
  /** The form's title (or its first filled cell): where a missing execution row was looked for. */
  readonly title: Field;
  /** The indicator table's header, when a 一级指标/三级指标 header was found (even without rows). */
  readonly indicatorHeader: TableHeader | null;
  readonly form: SelfEvalForm;
  /** The department: its name row, or 主管部门 on a project form. */
  readonly department: string | null;
  /** 项目名称, on a project form. */
  readonly project: string | null;
  readonly year: string | null;
  readonly execution: ExecutionRow | null;
  /** 其中 rows under 年度资金总额 (当年财政拨款 / 上年结转资金 / 其他资金). */
  readonly executionParts: readonly ExecutionRow[];
  readonly breakdown: readonly BreakdownGroup[];
  readonly indicators: readonly IndicatorRow[];
  readonly total: { readonly labelField: Field; readonly weight: Field | null; readonly score: Field | null } | null;
  readonly grade: StatedGrade | null;
}

// ───────────────────────────── 指标评分表 (财预〔2013〕53号 lineage) ─────────────────────────────

export interface ScoreTableRow {
  readonly row: number;
  readonly level1: LevelLabel | null;
  readonly level2: LevelLabel | null;
  /** 三级指标 */
  readonly name: string;
  readonly nameField: Field;
  /** 分值 */
  readonly weight: Field;
  /** 评分标准 / 评价标准 / 计分标准, as typed. */
  readonly criterion: Field | null;
  readonly criterionText: string;
  /** 指标说明 / 指标解释, as typed (formulas and figures quoted in prose). */
  readonly explanation: string | null;
  /** 得分 / 自评得分 */
  readonly score: Field;
  /** 扣分原因 (plays the part of 偏差原因). */
  readonly reason: Field | null;
}

export interface ScoreTable {
  readonly sheet: string;
  /** The 三级指标 header cell, and the optional columns (扣分原因) not found. */
  readonly header: TableHeader;
  readonly department: string | null;
  readonly year: string | null;
  readonly rows: readonly ScoreTableRow[];
  readonly total: { readonly labelField: Field; readonly weight: Field | null; readonly score: Field | null } | null;
  readonly grade: StatedGrade | null;
}

export interface LocatedWorkbook {
  readonly basic: BasicDataTable | null;
  readonly selfEval: SelfEvalTable | null;
  /** The older 部门整体支出绩效评价指标（评分）表, beside its 基础数据表. */
  readonly scoreTable?: ScoreTable | null;
  /** Sheets that look like a form (title or header words) but yielded no table, and why (Chinese). */
  readonly unreadSheets?: ReadonlyArray<{ readonly sheet: string; readonly reason: string }>;
  /** Anchors looked for and not found, in Chinese, for the 'unrecognised' message. */
  readonly missingAnchors: readonly string[];
  /** A Word report's body paragraphs (¶1 first), for the narrative check; absent for workbooks. */
  readonly paragraphs?: readonly string[];
}
