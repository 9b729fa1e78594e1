/** Turns picked or dropped files and folders into a flat list of named files. */
import type { NamedFile } from './useWebChecker';

const WORKBOOK = /\.(xlsx|xlsm|xls|docx|doc)$/i;

/** Office's `~$` lock files and macOS `._` shadow files: never a workbook, picked or in a folder (as the CLI). */
export function isLockFile(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return base.startsWith('~$') || base.startsWith('._');
}

/** Files in folders: only workbooks, and not lock files. */
function isWorkbookInFolder(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return WORKBOOK.test(base) && !isLockFile(base) && !base.startsWith('.');
}

export function filesFromInput(list: FileList | null, folder: boolean): NamedFile[] {
  const out: NamedFile[] = [];
  for (const file of Array.from(list ?? [])) {
    const name = folder && file.webkitRelativePath ? file.webkitRelativePath : file.name;
    if (folder ? isWorkbookInFolder(name) : !isLockFile(name)) out.push({ file, name });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

interface FsEntry {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  readonly fullPath: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: FsEntry[]) => void, fail: (e: unknown) => void): void };
}

async function walk(entry: FsEntry, inFolder: boolean, out: NamedFile[]): Promise<void> {
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((ok, fail) => entry.file!(ok, fail));
    const name = inFolder ? entry.fullPath.replace(/^\//, '') : file.name;
    if (inFolder ? isWorkbookInFolder(name) : !isLockFile(name)) out.push({ file, name });
  } else if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise<FsEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, true, out);
    }
  }
}

/** Dropped files and folders (folders are walked recursively). */
export async function filesFromDrop(dt: DataTransfer): Promise<NamedFile[]> {
  const entries: FsEntry[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    const entry = (item as DataTransferItem & { webkitGetAsEntry?: () => FsEntry | null }).webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return filesFromInput(dt.files, false);
  const out: NamedFile[] = [];
  for (const e of entries) await walk(e, false, out);
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * A picked file's bytes. Through FileReader, not `Blob.prototype.arrayBuffer()`: that method
 * arrived in Chromium 76, after the Chromium 65–72 inside WPS 2019-era panes, and core-js does
 * not polyfill Blob (a DOM API), so an old engine read no file at all ("浏览器未能打开该文件").
 */
export function fileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}
