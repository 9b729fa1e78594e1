/**
 * One file through the pipeline: read it into memory once (never opened for writing),
 * Grid, engine, Report. Every failure becomes a report, so the batch goes on.
 */
import { readFileSync, statSync } from 'fs';
import { failedReport, type Report } from '../core/report';
import { checkWorkbook } from '../engine';
import type { Profile } from '../core/profile';
import { baseName } from '../host/file/bytes';
import { failures } from '../host/file/failure';
import { DEFAULT_READ_LIMITS, readWorkbook } from '../host/file/read';
import { internalError } from './internal-error';
import { fsErrorMessage } from './fs-message';

export interface CheckedFile {
  readonly report: Report;
  /** The file's bytes, when it could be read from disk (for the annotated copy). */
  readonly bytes: Uint8Array | null;
}

export async function checkFile(path: string, profile: string | Profile | undefined): Promise<CheckedFile> {
  let bytes: Uint8Array;
  try {
    // Refuse an oversized file before loading it into memory.
    const size = statSync(path).size;
    if (size > DEFAULT_READ_LIMITS.maxBytes) {
      const tooBig = failures.tooManyBytes(baseName(path), size, DEFAULT_READ_LIMITS.maxBytes);
      return { report: failedReport(path, 'unreadable', tooBig.message), bytes: null };
    }
    bytes = readFileSync(path);
  } catch (e) {
    return { report: failedReport(path, 'unreadable', `无法打开“${baseName(path)}”：${describe(e)}`), bytes: null };
  }
  const read = await readWorkbook({ bytes, fileName: path });
  if (!read.ok) return { report: failedReport(path, 'unreadable', read.message), bytes };
  try {
    return { report: checkWorkbook(read.grid, { file: path, ...(profile ? { profile } : {}) }), bytes };
  } catch (e) {
    return { report: failedReport(path, 'unreadable', internalError(path, e)), bytes };
  }
}

function describe(e: unknown): string {
  return fsErrorMessage(e);
}
