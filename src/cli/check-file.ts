/**
 * One file through the pipeline: read it into memory once (never opened for writing),
 * Grid, engine, Report. Every failure becomes a report, so the batch goes on.
 *
 * Only a regular file is read. The file is opened non-blocking (a FIFO named x.xlsx would
 * otherwise wait for a writer for ever) and checked with fstat on the descriptor itself, so
 * what is read is what was checked: a FIFO, a device (a link to /dev/zero), a socket or a folder
 * is refused with its kind named, before a byte is read. Reading stops at the size limit + 1
 * whatever the file claims.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'fs';
import { failedReport, type Report } from '../core/report';
import { checkWorkbook } from '../engine';
import type { Profile } from '../core/profile';
import { baseName } from '../host/file/bytes';
import { failures } from '../host/file/failure';
import { DEFAULT_READ_LIMITS, readWorkbook } from '../host/file/read';
import { internalError } from './internal-error';
import { fsErrorMessage } from './fs-message';
import { specialKind } from './walk';

export interface CheckedFile {
  readonly report: Report;
  /** The file's bytes, when it could be read from disk (for the annotated copy). */
  readonly bytes: Uint8Array | null;
}

type FileBytes = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

/** O_NONBLOCK where the platform has it (not on Windows, which has no FIFOs to hang on). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A regular file's bytes, at most `maxBytes`; anything else refused in Chinese. */
export function readRegularFile(path: string, maxBytes: number): FileBytes {
  const name = baseName(path);
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, message: `无法打开“${name}”：${fsErrorMessage(e)}` };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, message: `无法打开“${name}”：${fsErrorMessage({ code: 'EISDIR' })}` };
    if (!st.isFile()) return { ok: false, message: `“${name}”不是普通文件（${specialKind(st) ?? '特殊文件'}），未读取。请给出工作簿文件本身。` };
    if (st.size > maxBytes) return { ok: false, message: failures.tooManyBytes(name, st.size, maxBytes).message };
    // Never more than the limit + 1, whatever the size said (a file growing while it is read).
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got === buf.length) break;
    }
    if (got > maxBytes) return { ok: false, message: failures.tooManyBytes(name, got, maxBytes).message };
    return { ok: true, bytes: buf.subarray(0, got) };
  } catch (e) {
    return { ok: false, message: `无法读取“${name}”：${fsErrorMessage(e)}` };
  } finally {
    closeSync(fd);
  }
}

export async function checkFile(path: string, profile: string | Profile | undefined): Promise<CheckedFile> {
  const file = readRegularFile(path, DEFAULT_READ_LIMITS.maxBytes);
  if (!file.ok) return { report: failedReport(path, 'unreadable', file.message), bytes: null };
  const bytes = file.bytes;
  const read = await readWorkbook({ bytes, fileName: path });
  if (!read.ok) return { report: failedReport(path, 'unreadable', read.message), bytes };
  try {
    return { report: checkWorkbook(read.grid, { file: path, ...(profile ? { profile } : {}) }), bytes };
  } catch (e) {
    return { report: failedReport(path, 'unreadable', internalError(path, e)), bytes };
  }
}
