/**
 * Paths on the command line → the workbooks and Word reports to check. Folders are walked recursively in a
 * stable order; Excel's `~$` lock files, macOS `._` shadow files and our own `*.checked.xlsx`
 * copies are skipped inside folders (a file named explicitly is always taken).
 */
import { readdirSync, realpathSync, statSync } from 'fs';
import { basename, join, relative } from 'path';

/** Workbooks, Word reports (their tables are checked), and old .doc reports (to say how to convert them). */
export const WORKBOOK_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.docx', '.doc'];

export type InputEntry =
  /**
   * A file to check; `path` is as given, or the folder as given joined with the file's place in
   * it; `relative` is that place (`乡镇/3.xls`), or the file's name when it was given itself
   * (where --annotate puts its copy).
   */
  | { readonly kind: 'file'; readonly path: string; readonly relative: string }
  /** A path that does not exist or cannot be listed. */
  | { readonly kind: 'missing'; readonly path: string; readonly reason: string };

export interface CollectedInputs {
  readonly entries: readonly InputEntry[];
  /** Files inside folders left out on purpose (lock files, our own copies), to say so. */
  readonly skipped: readonly string[];
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

export function collectInputs(paths: readonly string[]): CollectedInputs {
  const entries: InputEntry[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  let sawFolder = false;
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      entries.push({ kind: 'missing', path: p, reason: `找不到文件或文件夹“${p}”` });
      continue;
    }
    if (isDir) {
      sawFolder = true;
      walkFolder(p, p, entries, skipped, seen, new Set());
    } else {
      addFile(p, basename(p), entries, seen);
    }
  }
  return { entries, skipped, isBatch: paths.length > 1 || sawFolder };
}

function addFile(path: string, rel: string, entries: InputEntry[], seen: Set<string>): void {
  const key = realKey(path);
  if (seen.has(key)) return;
  seen.add(key);
  entries.push({ kind: 'file', path, relative: rel });
}

function walkFolder(root: string, dir: string, entries: InputEntry[], skipped: string[], seen: Set<string>, visiting: Set<string>): void {
  const key = realKey(dir);
  if (visiting.has(key)) return; // a symbolic link back up the tree
  visiting.add(key);
  let names: string[];
  try {
    names = readdirSync(dir).sort(compareNames);
  } catch {
    entries.push({ kind: 'missing', path: dir, reason: `无法打开文件夹“${dir}”` });
    return;
  }
  for (const name of names) {
    const full = join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue; // a dangling link
    }
    if (isDir) walkFolder(root, full, entries, skipped, seen, visiting);
    else if (!hasWorkbookExtension(name)) continue;
    else if (isLeftOut(name)) skipped.push(full);
    else addFile(full, relative(root, full), entries, seen);
  }
  visiting.delete(key);
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
