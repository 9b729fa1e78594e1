/**
 * The JSON report of docs/contract.md: one object per workbook. Numbers are decimal strings.
 * Fields beyond the contract are additive (department, project, year, missing anchors).
 */
import type { Finding, SeverityCounts } from './finding';

export type ReportStatus = 'checked' | 'unreadable' | 'unrecognised';

export type Grade = '优' | '良' | '中' | '差';

export interface ReportSummary extends SeverityCounts {
  /** Findings the clerk explained (已说明, still valid); counted in their severity too. */
  readonly acknowledged?: number;
  readonly enteredTotal: string | null;
  readonly recomputedTotal: string | null;
  readonly grade: Grade | null;
  /**
   * Why no grade is given, in Chinese (`得分未填完，不评等次`), when the form is unfinished or its
   * 分值 do not add up to its points (docs/rules-domain.md, "The form's points are fixed"); null otherwise.
   */
  readonly gradeWithheld: string | null;
}

/**
 * Which checks of the form's family ran and which could not (docs/rules-domain.md, "Any form: read what is
 * there, say what is not"), in Chinese: `notRun` and `unreadSheets` empty mean every check of
 * the family ran on every sheet that looks like a form, so "未发现问题" means what it says.
 */
export interface Coverage {
  /** Checks that ran: `执行率及得分`, `指标得分`, `偏差原因`… */
  readonly ran: readonly string[];
  /** Checks that could not run, each with the part whose absence stopped it (`偏差原因列`). */
  readonly notRun: ReadonlyArray<{ readonly check: string; readonly missing: string }>;
  /** Sheets that look like a form (title or header words) but yielded no table, and why. */
  readonly unreadSheets: ReadonlyArray<{ readonly sheet: string; readonly reason: string }>;
}

/** Whether every check of the family ran on every sheet that looks like a form. */
export function coverageComplete(c: Coverage): boolean {
  return c.notRun.length === 0 && c.unreadSheets.length === 0;
}

/** What every report carries, checked or not. */
interface ReportCommon {
  readonly file: string;
  readonly summary: ReportSummary;
  readonly findings: readonly Finding[];
  /** 单位名称 from the 自评表 (主管部门 on a project form), when found. */
  readonly department: string | null;
  /** 项目名称, on a project form. */
  readonly project: string | null;
  /** 年度 from the form titles, when found. */
  readonly year: string | null;
  /** The grade the form states (评价等次/自评等级), as written (`优秀`), when it states one. */
  readonly statedGrade: string | null;
  /** Anchor labels that were looked for and not found (why a template was not recognised). */
  readonly missingAnchors: readonly string[];
}

/**
 * The sheets a checked report found: at least one table (基础数据表, 自评表 or 指标评分表), so a
 * checked report cannot lack its tables. `scoreTable`: the 指标评分表's sheet, on a workbook that
 * has one (docs/contract.md).
 */
export type CheckedSheets =
  | { readonly basic: string | null; readonly selfEval: string; readonly scoreTable?: string }
  | { readonly basic: string; readonly selfEval: null; readonly scoreTable?: string }
  | { readonly basic: null; readonly selfEval: null; readonly scoreTable: string };

export interface CheckedReport extends ReportCommon {
  readonly status: 'checked';
  readonly profile: string;
  readonly error: null;
  readonly sheets: CheckedSheets;
  readonly coverage: Coverage;
}

/** A file that could not be read, or in which no known form was recognised: no tables, no findings. */
export interface FailedReport extends ReportCommon {
  readonly status: Exclude<ReportStatus, 'checked'>;
  readonly profile: null;
  /** A Chinese message naming what went wrong. */
  readonly error: string;
  readonly sheets: { readonly basic: null; readonly selfEval: null; readonly scoreTable?: undefined };
}

export type Report = CheckedReport | FailedReport;

/** The sheets of the tables located, or null when none was (the workbook is then unrecognised). */
export function checkedSheets(found: { readonly basic: string | null; readonly selfEval: string | null; readonly scoreTable: string | null }): CheckedSheets | null {
  const { basic, selfEval, scoreTable } = found;
  const withScoreTable = scoreTable !== null ? { scoreTable } : {};
  if (selfEval !== null) return { basic, selfEval, ...withScoreTable };
  if (basic !== null) return { basic, selfEval: null, ...withScoreTable };
  if (scoreTable !== null) return { basic: null, selfEval: null, scoreTable };
  return null;
}

export const EMPTY_SUMMARY: ReportSummary = {
  errors: 0,
  warnings: 0,
  infos: 0,
  acknowledged: 0,
  enteredTotal: null,
  recomputedTotal: null,
  grade: null,
  gradeWithheld: null,
};

/** A report for a file that could not be read at all. */
export function failedReport(file: string, status: Exclude<ReportStatus, 'checked'>, error: string, missingAnchors: readonly string[] = []): FailedReport {
  return {
    file,
    profile: null,
    status,
    error,
    sheets: { basic: null, selfEval: null },
    summary: EMPTY_SUMMARY,
    findings: [],
    department: null,
    project: null,
    year: null,
    statedGrade: null,
    missingAnchors,
  };
}
