/**
 * Writes every output (--out, --summary, the --annotate copies) so that it cannot land on the
 * wrong file: the bytes go to a new temporary file in the target's folder, which is then renamed
 * into place. A rename replaces the directory entry itself, so a symbolic link or a hard link
 * standing where the output goes is never written through; and before that, an entry that is not
 * a regular file, or that is one of the inputs (same device and inode), is refused outright.
 */
import { closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { randomBytes } from 'crypto';
import { makeFolders } from './make-folders';

/** A refusal to write, with the reason in Chinese. */
export class OutputRefused extends Error {}

/** The (device, inode) pairs of the inputs, to recognise an input under any name or link. */
export class InputIdentities {
  private readonly keys = new Set<string>();

  add(path: string): void {
    try {
      this.keys.add(identity(statSync(path)));
    } catch {
      // A missing input has no identity to protect.
    }
  }

  has(st: Stats): boolean {
    return this.keys.has(identity(st));
  }
}

function identity(st: Stats): string {
  return `${st.dev}:${st.ino}`;
}

export function writeOutputFile(path: string, data: string | Uint8Array, inputs?: InputIdentities): void {
  const target = resolve(path);
  const dir = dirname(target);
  makeFolders(dir);
  refuseUnsafeTarget(target, inputs);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // 'wx': the temporary name must be new (O_EXCL), so not even it can follow a link.
  const fd = openSync(temp, 'wx', 0o644);
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Checked again just before the rename: the entry may have appeared meanwhile.
    refuseUnsafeTarget(target, inputs);
    renameSync(temp, target);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or never created
    }
    throw e;
  }
}

/** Throws OutputRefused when the existing entry at `target` must not be replaced. */
function refuseUnsafeTarget(target: string, inputs: InputIdentities | undefined): void {
  let st: Stats;
  try {
    st = lstatSync(target);
  } catch {
    return; // nothing there yet
  }
  if (st.isSymbolicLink()) throw new OutputRefused('该位置已有一个符号链接，为免写到链接指向的文件，未写入');
  if (!st.isFile()) throw new OutputRefused('该位置已有同名的文件夹或特殊文件，未写入');
  if (inputs?.has(st)) throw new OutputRefused('该位置的文件就是要核对的输入文件之一（同一文件或硬链接），原文件不会被改写');
}

/** The path's canonical form, for comparing outputs with inputs (the file may not exist yet). */
export function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return resolve(realpathSync(dirname(resolve(path))), resolve(path).slice(dirname(resolve(path)).length + 1));
    } catch {
      return resolve(path);
    }
  }
}

/** Whether anything (a file, a folder, a link, even a dangling one) exists at `path`. */
export function entryExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
