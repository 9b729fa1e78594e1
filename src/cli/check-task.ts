/**
 * What a check worker does with one file: read and check it, and make its annotated copy when
 * asked. Runs inside the worker (worker.ts), so whatever a hostile workbook does to memory or
 * time stays there; every failure it can catch becomes a report.
 */
import type { Profile } from '../core/profile';
import { failedReport } from '../core/report';
import { annotateWorkbook } from '../host/file/annotate';
import { boundReport } from '../report/bounded';
import { checkFile } from './check-file';
import { warningCount } from './exit-code';
import { internalError } from './internal-error';
import type { CheckOutcome } from './task';

export async function runCheckTask(path: string, profile: string | Profile | undefined, annotate: boolean): Promise<CheckOutcome> {
  const checked = await checkFile(path, profile);
  // Bounded before it leaves this worker (report/bounded.ts): the main thread holds every
  // report of the batch, so none may be larger than a bounded size whatever the workbook holds.
  // The unexplained warnings are counted first, on every finding (for --max-warnings).
  const pendingWarnings = warningCount([checked.report]);
  const report = boundReport(checked.report);
  const { bytes } = checked;
  if (!annotate) return { report, pendingWarnings, annotated: null, annotateError: null };
  if (bytes === null || report.status === 'unreadable') {
    return { report, pendingWarnings, annotated: null, annotateError: report.error ?? '文件无法读取' };
  }
  // An unrecognised workbook still gets its copy: the 核对结果 sheet says why nothing is marked.
  try {
    return { report, pendingWarnings, annotated: await annotateWorkbook({ bytes, report }), annotateError: null };
  } catch (e) {
    return { report, pendingWarnings, annotated: null, annotateError: internalError(path, e) };
  }
}

/** A report for a failure the pipeline did not expect, the library's words wrapped. */
export function internalErrorReport(path: string, e: unknown): CheckOutcome {
  return { report: failedReport(path, 'unreadable', internalError(path, e)), pendingWarnings: 0, annotated: null, annotateError: null };
}
