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
import { removeOnInterrupt, release } from './interrupt';
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
  const out = openOutputFile(path, inputs);
  try {
    out.write(data);
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
}

/** An output being written piece by piece into its temporary file; `commit` renames it into place. */
export interface OutputFile {
  write(data: string | Uint8Array): void;
  commit(): void;
  /** Removes the temporary file (after a failure); the target is untouched. */
  abort(): void;
}

/**
 * Opens `path`'s temporary file (removed on Ctrl+C, interrupt.ts), for an output written in
 * pieces (a batch's report) or at once (writeOutputFile).
 */
export function openOutputFile(path: string, inputs?: InputIdentities): OutputFile {
  const target = resolve(path);
  const dir = dirname(target);
  makeFolders(dir);
  refuseUnsafeTarget(target, inputs);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Registered before it exists: an interruption between the open and the registration would leave it.
  removeOnInterrupt(temp);
  // 'wx': the temporary name must be new (O_EXCL), so not even it can follow a link.
  let fd: number | null;
  try {
    fd = openSync(temp, 'wx', 0o644);
  } catch (e) {
    release(temp);
    throw e;
  }
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  const abort = () => {
    try {
      close();
    } catch {
      // closing a failed file: the removal below is what matters
    }
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or never created
    }
    release(temp);
  };
  return {
    write(data) {
      if (fd === null) throw new Error('output already closed');
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    },
    commit() {
      try {
        if (fd !== null) fsyncSync(fd);
        close();
        // Checked again just before the rename: the entry may have appeared meanwhile.
        refuseUnsafeTarget(target, inputs);
        renameSync(temp, target);
        release(temp);
      } catch (e) {
        abort();
        throw e;
      }
    },
    abort,
  };
}

/**
 * Creates `path` empty, only if nothing is there (O_EXCL): the name is then this run's, and no
 * other run — nor another copy in this one — can take it. The copy is later renamed onto it
 * (writeOutputFile). false when the name is taken; other failures throw.
 */
export function reserveName(path: string): boolean {
  makeFolders(dirname(resolve(path)));
  try {
    closeSync(openSync(path, 'wx', 0o644));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  removeOnInterrupt(path);
  return true;
}

/** A reserved name that got its copy: it is no longer removed on interruption. */
export function keepReserved(path: string): void {
  release(path);
}

/** A reserved name that will get no copy: removed. */
export function dropReserved(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
  release(path);
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
