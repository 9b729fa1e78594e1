/**
 * What a check worker does with one file: read and check it, and make its annotated copy when
 * asked. Runs inside the worker (worker.ts), so whatever a hostile workbook does to memory or
 * time stays there; every failure it can catch becomes a report.
 */
import type { Profile } from '../core/profile';
import { failedReport } from '../core/report';
import { annotateWorkbook } from '../host/file/annotate';
import { checkFile } from './check-file';
import { internalError } from './internal-error';
import type { CheckOutcome } from './task';

export async function runCheckTask(path: string, profile: string | Profile | undefined, annotate: boolean): Promise<CheckOutcome> {
  const { report, bytes } = await checkFile(path, profile);
  if (!annotate) return { report, annotated: null, annotateError: null };
  if (bytes === null || report.status === 'unreadable') {
    return { report, annotated: null, annotateError: report.error ?? '文件无法读取' };
  }
  // An unrecognised workbook still gets its copy: the 核对结果 sheet says why nothing is marked.
  try {
    return { report, annotated: await annotateWorkbook({ bytes, report }), annotateError: null };
  } catch (e) {
    return { report, annotated: null, annotateError: internalError(path, e) };
  }
}

/** A report for a failure the pipeline did not expect, the library's words wrapped. */
export function internalErrorReport(path: string, e: unknown): CheckOutcome {
  return { report: failedReport(path, 'unreadable', internalError(path, e)), annotated: null, annotateError: null };
}
