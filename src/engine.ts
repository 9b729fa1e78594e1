/**
 * The one entry point every door calls: Grid in, Report out. Pure and synchronous.
 */
import Decimal from 'decimal.js';
import type { WorkbookGrid } from './grid/grid';
import { locateWorkbook } from './template/locate';
import type { LocatedWorkbook } from './template/tables';
import type { Finding } from './core/finding';
import { compareFindings, countBySeverity } from './core/finding';
import type { CheckedReport, CheckedSheets, Report } from './core/report';
import { checkedSheets, failedReport } from './core/report';
import type { Profile } from './core/profile';
import { HUNAN_DEPT_OVERALL, HUNAN_DEPT_SCORETABLE_2013, MOF_PROJECT_2020, findProfile, PROFILES } from './core/profile';
import { recomputeScoreTable } from './core/scoretable';
import { RULES } from './core/rules/registry';
import type { AnyReport, Rule, RuleContext } from './core/rule';
import { num, toFinding } from './core/rule';
import { recompute } from './core/recompute';
import { decimalString, enteredString } from './values/precision';
import { gradeFor } from './core/grade';
import { ACK_SHEET, applyAcknowledgements, countAcknowledged } from './core/acknowledge';
import { assessCoverage, coverageOf } from './core/coverage';
import { pointsVerdict } from './core/points';

export interface CheckOptions {
  /** The file as the user named it; goes into the report unchanged. */
  readonly file: string;
  /** A profile ID, or a profile read from a bureau's file; detected from the workbook when absent. */
  readonly profile?: string | Profile;
}

export class UnknownProfileError extends Error {
  constructor(readonly profileId: string) {
    super(`未知的规则配置“${profileId}”。可用：${PROFILES.map((p) => p.id).join('、')}`);
  }
}

/** The form decides the family; the platform variant is never guessed (nothing on the form shows it). */
function detectProfile(tables: LocatedWorkbook): Profile {
  if (!tables.selfEval && tables.scoreTable) return HUNAN_DEPT_SCORETABLE_2013;
  return tables.selfEval?.form === 'project' ? MOF_PROJECT_2020 : HUNAN_DEPT_OVERALL;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export function checkWorkbook(grid: WorkbookGrid, opts: CheckOptions): Report {
  // A bureau's profile names its forms' labels; a shipped one adds none.
  const tables = locateWorkbook(grid, typeof opts.profile === 'object' ? opts.profile.labels : undefined);
  const sheets = sheetsOf(tables);
  if (!sheets) {
    const named = grid.sheets.map((s) => s.name).filter((n) => n !== ACK_SHEET);
    return failedReport(
      opts.file,
      'unrecognised',
      `“${baseName(opts.file)}”中未识别出附件2 基础数据表、附件3 自评表、项目支出绩效自评表或指标评分表（在 ${named.length} 个工作表（${named.join('、')}）中未找到：${tables.missingAnchors.join('、')}）`,
      tables.missingAnchors,
    );
  }
  let profile: Profile;
  if (typeof opts.profile === 'object') profile = opts.profile;
  else if (opts.profile) {
    const p = findProfile(opts.profile);
    if (!p) throw new UnknownProfileError(opts.profile);
    profile = p;
  } else profile = detectProfile(tables);
  return withAcknowledgements(grid, runRules(opts.file, tables, profile, grid.sheets.map((s) => s.name), sheets));
}

function sheetsOf(tables: LocatedWorkbook): CheckedSheets | null {
  return checkedSheets({ basic: tables.basic?.sheet ?? null, selfEval: tables.selfEval?.sheet ?? null, scoreTable: tables.scoreTable?.sheet ?? null });
}

/** Explanations stored in the workbook (已说明) mark the findings they still apply to. */
function withAcknowledgements(grid: WorkbookGrid, report: CheckedReport): CheckedReport {
  const { findings, valid } = applyAcknowledgements(grid, report.findings);
  if (!valid.length) return report;
  return { ...report, findings, summary: { ...report.summary, acknowledged: countAcknowledged(findings) } };
}

/** `sheets`: where the tables were found (at least one was: checkWorkbook says unrecognised otherwise). */
export function runRules(file: string, tables: LocatedWorkbook, profile: Profile, sheetOrder: readonly string[], sheets: CheckedSheets): CheckedReport {
  const recomputed = tables.selfEval ? recompute(tables.selfEval, profile) : null;
  const scoreTable = tables.scoreTable ? recomputeScoreTable(tables.scoreTable, tables.basic, profile.scoring) : null;
  const findings: Finding[] = [];
  for (const rule of RULES as readonly Rule[]) {
    if (!rule.check) continue;
    const ctx: RuleContext = {
      tables,
      profile,
      recomputed,
      scoreTable,
      report: (r) => findings.push(toFinding(rule, profile, r)),
      reportAs: (other, r) => findings.push(toFinding(other, profile, r as AnyReport)),
    };
    rule.check(ctx);
  }
  findings.sort(compareFindings(sheetOrder));
  // A workbook with both a 自评表 and a 指标评分表 is summed on its 自评表.
  const scored = tables.selfEval ? null : tables.scoreTable;
  const enteredTotal = num(tables.selfEval?.total?.score ?? scored?.total?.score);
  const recomputedTotal = recomputed?.total ?? (scored ? (scoreTable?.total ?? null) : null);
  // No grade for an unfinished form, one whose 分值 do not add up to its points, or one not on 100 points.
  const points = pointsVerdict(tables, profile.minDecimals);
  const gradeWithheld = recomputedTotal && points.kind !== 'ok' ? points.reason : null;
  return {
    file,
    profile: profile.id,
    status: 'checked',
    error: null,
    sheets,
    summary: {
      ...countBySeverity(findings),
      enteredTotal: enteredTotal ? enteredString(enteredTotal) : null,
      recomputedTotal: recomputedTotal ? decimalString(recomputedTotal, profile.minDecimals, false) : null,
      // Graded as shown (94.995 reads 95.00), so the summary never contradicts itself.
      grade: recomputedTotal && !gradeWithheld ? gradeFor(recomputedTotal.toDecimalPlaces(profile.minDecimals, Decimal.ROUND_HALF_UP), profile) : null,
      gradeWithheld,
    },
    coverage: coverageOf(assessCoverage(tables)),
    findings,
    department: tables.selfEval?.department ?? scored?.department ?? null,
    project: tables.selfEval?.project ?? null,
    year: tables.selfEval?.year ?? scored?.year ?? null,
    statedGrade: tables.selfEval?.grade?.text ?? scored?.grade?.text ?? null,
    missingAnchors: tables.missingAnchors,
  };
}
