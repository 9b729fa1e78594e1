/**
 * Paths on the command line → the workbooks and Word reports to check. Folders are walked in a
 * stable order; Excel's `~$` lock files, macOS `._` shadow files and our own `*.checked.xlsx`
 * copies are skipped inside folders (a file named explicitly is always taken).
 *
 * The walk is a stranger's folder too, so it is bounded and stays inside the folders given:
 * * iterative (an explicit stack, never recursion), at most WALK_LIMITS.maxDepth levels deep,
 *   WALK_LIMITS.maxEntries directory entries looked at and WALK_LIMITS.maxSeconds spent; past
 *   any of them the walk stops and says so (the batch is then incomplete: exit status 2);
 * * a symbolic link inside a folder is never followed — not to a folder (a link to `/`, a
 *   DAG of links doubling at each level, a link out of the folder given), not to a file (a link
 *   to /dev/zero, or to a workbook outside the folder): a link with a workbook's name gets a
 *   report saying it was not followed, other links are counted in a note;
 * * anything but a regular file with a workbook's name (a FIFO named x.xlsx, a socket, a
 *   device) gets a report saying what it is, and is never opened.
 * A path given on the command line is taken as the user named it (a link to a folder given is
 * walked); check-file.ts still opens only regular files.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'fs';
import { basename, join, relative } from 'path';

/** Workbooks, Word reports (their tables are checked), and old .doc reports (to say how to convert them). */
export const WORKBOOK_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.docx', '.doc'];

export interface WalkLimits {
  /** Folder levels below a folder given. */
  readonly maxDepth: number;
  /** Directory entries looked at, all folders together. */
  readonly maxEntries: number;
  /** Time for the whole walk. */
  readonly maxSeconds: number;
}

export const WALK_LIMITS: WalkLimits = { maxDepth: 32, maxEntries: 200_000, maxSeconds: 60 };

export type InputEntry =
  /**
   * A file to check; `path` is as given, or the folder as given joined with the file's place in
   * it; `relative` is that place (`乡镇/3.xls`), or the file's name when it was given itself
   * (where --annotate puts its copy).
   */
  | { readonly kind: 'file'; readonly path: string; readonly relative: string }
  /** A path that does not exist, cannot be listed, or is not a file we open (a link, a FIFO…): reported with the reason. */
  | { readonly kind: 'missing'; readonly path: string; readonly reason: string };

export interface CollectedInputs {
  readonly entries: readonly InputEntry[];
  /** Files inside folders left out on purpose (lock files, our own copies), to say so. */
  readonly skipped: readonly string[];
  /** Symbolic links inside folders that are not workbooks by name (links to folders…), not followed. */
  readonly linksNotFollowed: readonly string[];
  /** Why the walk stopped early (a limit passed), in Chinese; null when it saw everything. */
  readonly stopped: string | null;
  /** More than one path, or any folder: the JSON report is an array. */
  readonly isBatch: boolean;
}

export function isWorkbookFileName(name: string): boolean {
  return hasWorkbookExtension(name) && !isLeftOut(name);
}

function hasWorkbookExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return WORKBOOK_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Excel's lock files, macOS shadow files and our own annotated copies. */
function isLeftOut(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('._') || name.toLowerCase().endsWith('.checked.xlsx');
}

/** What a directory entry that is not a regular file is, in Chinese (null for a regular file or a folder). */
export function specialKind(st: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>): string | null {
  if (st.isSymbolicLink()) return '符号链接';
  if (st.isFIFO()) return '命名管道（FIFO）';
  if (st.isSocket()) return '套接字';
  if (st.isCharacterDevice()) return '字符设备';
  if (st.isBlockDevice()) return '块设备';
  return null;
}

export function collectInputs(paths: readonly string[], limits: WalkLimits = WALK_LIMITS): CollectedInputs {
  const walk = new Walk(limits);
  let sawFolder = false;
  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch {
      walk.entries.push({ kind: 'missing', path: p, reason: `找不到文件或文件夹“${p}”` });
      continue;
    }
    if (st.isDirectory()) {
      sawFolder = true;
      walk.folder(p);
    } else walk.addFile(p, basename(p));
  }
  return { entries: walk.entries, skipped: walk.skipped, linksNotFollowed: walk.links, stopped: walk.stopped, isBatch: paths.length > 1 || sawFolder };
}

class Walk {
  readonly entries: InputEntry[] = [];
  readonly skipped: string[] = [];
  readonly links: string[] = [];
  stopped: string | null = null;
  private readonly seen = new Set<string>();
  private readonly foldersSeen = new Set<string>();
  private looked = 0;
  private readonly deadline: number;

  constructor(private readonly limits: WalkLimits) {
    this.deadline = Date.now() + limits.maxSeconds * 1000;
  }

  addFile(path: string, rel: string): void {
    const key = realKey(path);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.entries.push({ kind: 'file', path, relative: rel });
  }

  /**
   * Walks one folder given on the command line, without recursion: a stack of open folders,
   * each listed in code-point order, a subfolder walked where it comes in its parent's order.
   */
  folder(root: string): void {
    const stack: Array<{ dir: string; depth: number; dirents: Dirent[]; next: number }> = [];
    const open = (dir: string, depth: number): void => {
      const id = folderId(dir);
      if (id !== null) {
        if (this.foldersSeen.has(id)) return; // the same folder again (a bind mount, a folder given twice)
        this.foldersSeen.add(id);
      }
      try {
        stack.push({ dir, depth, dirents: readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name)), next: 0 });
      } catch {
        this.entries.push({ kind: 'missing', path: dir, reason: `无法打开文件夹“${dir}”` });
      }
    };
    open(root, 0);
    while (stack.length > 0 && !this.overLimit()) {
      const top = stack[stack.length - 1]!;
      const d = top.dirents[top.next++];
      if (!d) {
        stack.pop();
        continue;
      }
      const full = join(top.dir, d.name);
      const kind = entryKind(d, full);
      if (kind === 'folder') {
        if (top.depth + 1 > this.limits.maxDepth) this.stopped = `文件夹层级超过 ${this.limits.maxDepth} 层（“${full}”），更深的文件夹未查找`;
        else open(full, top.depth + 1);
      } else if (!hasWorkbookExtension(d.name)) {
        if (kind === 'link') this.links.push(full);
      } else if (isLeftOut(d.name)) this.skipped.push(full);
      else if (kind === 'file') this.addFile(full, relative(root, full));
      else this.entries.push({ kind: 'missing', path: full, reason: notRegular(full, kind) });
    }
  }

  private overLimit(): boolean {
    if (this.stopped !== null) return true;
    if (++this.looked > this.limits.maxEntries) this.stopped = `文件夹中的条目超过 ${this.limits.maxEntries.toLocaleString('en-US')} 个，其余未查找`;
    else if (this.looked % 256 === 0 && Date.now() > this.deadline) this.stopped = `查找文件夹超过 ${this.limits.maxSeconds} 秒，其余未查找`;
    return this.stopped !== null;
  }
}

type EntryKind = 'folder' | 'file' | 'link' | 'special';

/** From the directory listing's own type; lstat where the file system does not give one. */
function entryKind(d: Dirent, full: string): EntryKind {
  const of = (x: Pick<Stats, 'isDirectory' | 'isFile' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): EntryKind | null =>
    x.isDirectory() ? 'folder' : x.isFile() ? 'file' : x.isSymbolicLink() ? 'link' : x.isFIFO() || x.isSocket() || x.isCharacterDevice() || x.isBlockDevice() ? 'special' : null;
  const known = of(d);
  if (known) return known;
  try {
    return of(lstatSync(full)) ?? 'special';
  } catch {
    return 'special';
  }
}

/** Why an entry with a workbook's name is not opened: a link (never followed) or a special file. */
function notRegular(path: string, kind: 'link' | 'special'): string {
  if (kind === 'link') return `“${basename(path)}”是符号链接，为免读到文件夹以外的文件或设备，未跟随读取；需要时请直接给出它指向的文件`;
  let what = '特殊文件';
  try {
    what = specialKind(lstatSync(path)) ?? what;
  } catch {
    // gone meanwhile: still not a file we read
  }
  return `“${basename(path)}”不是普通文件（${what}），未读取`;
}

function folderId(dir: string): string | null {
  try {
    const st = statSync(dir);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

function realKey(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Code-point order: stable across machines and locales. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
