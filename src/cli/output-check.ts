/**
 * Output mistakes caught before any workbook is checked, each said in Chinese: a reviewer
 * should not wait for 300 files to learn that --out names a folder. Every output folder is
 * created (as writing would) and a probe file is made and removed in it, so a read-only disk,
 * a missing permission or a path through a file is found now, not at the end.
 */
import { closeSync, lstatSync, openSync, statSync, unlinkSync, type Stats } from 'fs';
import { dirname, join, resolve, sep } from 'path';
import type { CliOptions, OutputFormat } from './args';
import { fsErrorMessage } from './fs-message';
import { makeFolders } from './make-folders';

/** The first output mistake in the options, or null. */
export function outputMistake(options: CliOptions, format: OutputFormat): string | null {
  if (options.out !== undefined && options.summary !== undefined && resolve(options.out) === resolve(options.summary)) {
    return `--out 与 --summary 不能是同一个文件“${options.out}”。`;
  }
  if (options.out !== undefined) {
    const m = fileTargetMistake('--out', options.out, `核对报告.${format === 'text' ? 'txt' : format}`);
    if (m) return m;
  }
  if (options.summary !== undefined) {
    const m = fileTargetMistake('--summary', options.summary, '核对汇总.xlsx');
    if (m) return m;
  }
  if (options.annotateDir !== undefined) {
    const st = lstatOrNull(options.annotateDir);
    if (st && !st.isDirectory()) return `--annotate 需要一个文件夹，而“${options.annotateDir}”是一个文件。`;
    const m = folderMistake('--annotate', options.annotateDir, options.annotateDir);
    if (m) return m;
  }
  return null;
}

function fileTargetMistake(option: string, path: string, example: string): string | null {
  const st = lstatOrNull(path);
  if ((st && st.isDirectory()) || /[\\/]$/.test(path)) {
    return `${option} 应给出文件名，而“${path}”是一个文件夹；例如：${option} ${join(path, example)}`;
  }
  return folderMistake(option, dirname(resolve(path)), path);
}

/** Why `dir` cannot take `option`'s output (`path`), or null once it exists and takes a file. */
function folderMistake(option: string, dir: string, path: string): string | null {
  const blocker = fileOnTheWay(resolve(dir));
  if (blocker) return `无法写出 ${option} 的“${path}”：路径中的“${blocker}”是文件，不是文件夹。`;
  try {
    makeFolders(resolve(dir));
  } catch (e) {
    return `无法写出 ${option} 的“${path}”：不能创建文件夹“${dir}”（${fsErrorMessage(e)}）。`;
  }
  const probe = join(dir, `.selfeval-check-${process.pid}.probe`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (e) {
    return `无法写出 ${option} 的“${path}”：文件夹“${dir}”不能写入（${fsErrorMessage(e)}）。`;
  }
  return null;
}

/** The first existing entry on the way to `dir` that is not a folder, if any. */
function fileOnTheWay(dir: string): string | null {
  const parts = dir.split(sep);
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join(sep) || sep;
    let st: Stats;
    try {
      st = statSync(prefix); // a link to a folder is a folder here
    } catch {
      return null; // from here on nothing exists: mkdir will make it
    }
    if (!st.isDirectory()) return prefix;
  }
  return null;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
