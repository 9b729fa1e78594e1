/**
 * The standalone page's state: the files opened, each one's report as the workers finish it,
 * the workbook being looked at (with its Grid for the sheet view), and the downloads.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { failedReport, type Report, type ReportStatus } from '../core/report';
import type { WorkbookGrid } from '../grid/grid';
import { PoolFailure, WorkerPool, defaultPoolSize } from './pool';
import type { ProfileSource, WorkerResponse } from './protocol';
import { saveBytes, saveText, downloadName } from './save';
import { fileBytes } from './files';
import { zipSync } from 'fflate';

/** `dir/自评表.xlsx` → `dir/自评表.checked.xlsx`: the folder layout kept inside the .zip. */
function zipPath(name: string): string {
  const i = name.lastIndexOf('/');
  return `${i >= 0 ? name.slice(0, i + 1) : ''}${downloadName(name, '.checked.xlsx')}`;
}

/** Two inputs with one copy name (a.xls and a.xlsx) get `(2)`. */
function uniqueName(name: string, taken: Set<string>): string {
  let out = name;
  for (let n = 2; taken.has(out.toLowerCase()); n++) out = name.replace(/\.checked\.xlsx$/, `(${n}).checked.xlsx`);
  taken.add(out.toLowerCase());
  return out;
}

/** `cancelled`: the reviewer stopped the batch (取消) before this file was checked. */
export type FileStatus = 'queued' | 'checking' | 'cancelled' | ReportStatus;

export interface FileEntry {
  /** Unique across openings: opening number, position, name. */
  readonly key: string;
  /** As shown and as put in reports: the path inside a dropped folder, else the file name. */
  readonly name: string;
  readonly file: File;
  readonly status: FileStatus;
  readonly report: Report | null;
  /** Read + check time in the worker, ms. */
  readonly ms: number | null;
}

export interface Detail {
  readonly key: string;
  readonly report: Report | null;
  readonly grid: WorkbookGrid | null;
  readonly loading: boolean;
}

export interface WebState {
  readonly mode: 'empty' | 'single' | 'batch';
  readonly files: readonly FileEntry[];
  /** The workbook whose findings are shown (the single file, or a batch row opened). */
  readonly detail: Detail | null;
  /** Downloads being prepared, by kind. */
  readonly preparing: ReadonlySet<DownloadKind>;
  readonly error: string | null;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
}

export type DownloadKind = 'annotated' | 'json' | 'html' | 'summary' | 'batch-json' | 'batch-html' | 'batch-annotated';

export interface WebActions {
  open(files: readonly NamedFile[]): void;
  openDetail(key: string): void;
  closeDetail(): void;
  download(kind: DownloadKind): Promise<void>;
  /** Stops a running batch: files not yet checked are marked 已取消; those done keep their reports. */
  cancel(): void;
}

export interface NamedFile {
  readonly file: File;
  /** Path inside a dropped or picked folder; the file name otherwise. */
  readonly name: string;
}

const INITIAL: WebState = {
  mode: 'empty',
  files: [],
  detail: null,
  preparing: new Set(),
  error: null,
  startedAt: null,
  finishedAt: null,
};

export type PoolFactory = () => WorkerPool;

/** How often a running batch re-renders, at most. */
const UPDATE_MS = 100;

/**
 * Time budget per workbook in the worker, ms: past it the worker is ended and the file reported
 * unreadable. 120 s as in the CLI; `?timeout=秒` in the page's address changes it.
 */
export function fileTimeoutMs(): number {
  const asked = typeof location !== 'undefined' ? Number(new URLSearchParams(location.search).get('timeout')) : NaN;
  return Number.isFinite(asked) && asked > 0 ? asked * 1000 : 120_000;
}

export function defaultPool(): WorkerPool {
  return new WorkerPool(() => new Worker('worker.js', { name: 'selfeval-check' }), defaultPoolSize());
}

/** The report of a file whose worker gave no answer (ran out of time, died). */
function skippedReport(name: string, e: unknown): Report {
  if (e instanceof PoolFailure && e.kind !== 'cancelled') {
    return failedReport(name, 'unreadable', `工作簿过大或结构异常，已跳过：“${name}”${e.message}。请在 Excel 或 WPS 中打开检查，删去无关内容后另存再核对。`);
  }
  const message = e instanceof Error ? e.message : String(e);
  return failedReport(name, 'unreadable', `“${name}”无法核对：${message}`);
}

function responseReport(res: WorkerResponse, name: string): { report: Report; grid: WorkbookGrid | null; ms: number | null } {
  if (res.type === 'checked') return { report: res.report, grid: res.grid, ms: res.ms };
  const message = res.type === 'failed' ? res.message : '后台核对进程返回了意外的结果';
  return { report: failedReport(name, 'unreadable', `“${name}”无法核对：${message}`), grid: null, ms: null };
}

/** `profile`: a bureau's profile file loaded in the page, for the checks from now on. */
export function useWebChecker(makePool: PoolFactory = defaultPool, profile: ProfileSource | null = null): [WebState, WebActions] {
  const [state, setState] = useState<WebState>(INITIAL);
  const profileRef = useRef(profile);
  profileRef.current = profile;
  const stateRef = useRef(state);
  stateRef.current = state;
  const poolRef = useRef<WorkerPool | null>(null);
  /** Bumped on every open(): results of an older opening are dropped. */
  const generation = useRef(0);
  /** Keys of the current opening whose report is in. */
  const done = useRef(new Set<string>());

  const pool = useCallback((): WorkerPool => {
    if (!poolRef.current) poolRef.current = makePool();
    return poolRef.current;
  }, [makePool]);

  useEffect(
    () => () => {
      if (flushTimer.current) clearTimeout(flushTimer.current);
      poolRef.current?.terminate();
      poolRef.current = null;
    },
    [],
  );

  /**
   * File updates are applied together at most every UPDATE_MS: a batch of hundreds re-renders
   * the table a few times a second, not once per message, and the workers never wait for it.
   */
  const pending = useRef(new Map<string, Partial<FileEntry>>());
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    flushTimer.current = null;
    const patches = pending.current;
    if (patches.size === 0) return;
    pending.current = new Map();
    const finishedAt = performance.now();
    setState((s) => {
      const files = s.files.map((f) => {
        const p = patches.get(f.key);
        return p ? { ...f, ...p } : f;
      });
      const done = files.every((f) => f.status !== 'queued' && f.status !== 'checking');
      return { ...s, files, finishedAt: done && s.finishedAt === null ? finishedAt : s.finishedAt };
    });
  }, []);

  const updateFile = useCallback(
    (gen: number, key: string, p: Partial<FileEntry>) => {
      if (gen !== generation.current) return;
      pending.current.set(key, { ...pending.current.get(key), ...p });
      flushTimer.current ??= setTimeout(flush, UPDATE_MS);
    },
    [flush],
  );

  /** Checks one entry in a worker, with or without its Grid. */
  const checkEntry = useCallback(
    async (entry: FileEntry, wantGrid: boolean, urgent: boolean) => {
      let bytes: ArrayBuffer;
      try {
        bytes = await fileBytes(entry.file);
      } catch {
        return { report: failedReport(entry.name, 'unreadable', `“${entry.name}”无法读取：浏览器未能打开该文件。`), grid: null, ms: null };
      }
      try {
        const res = await pool().run({ type: 'check', name: entry.name, bytes, wantGrid, profile: profileRef.current }, [bytes], urgent, fileTimeoutMs());
        return responseReport(res, entry.name);
      } catch (e) {
        return { report: skippedReport(entry.name, e), grid: null, ms: null };
      }
    },
    [pool],
  );

  const showDetail = useCallback(
    async (gen: number, entry: FileEntry) => {
      setState((s) => ({ ...s, detail: { key: entry.key, report: entry.report, grid: null, loading: true } }));
      const { report, grid, ms } = await checkEntry(entry, true, true);
      if (gen !== generation.current) return;
      setState((s) =>
        s.detail?.key === entry.key ? { ...s, detail: { key: entry.key, report, grid, loading: false } } : s,
      );
      if (!done.current.has(entry.key)) {
        done.current.add(entry.key);
        updateFile(gen, entry.key, { status: report.status, report, ms });
      }
    },
    [checkEntry, updateFile],
  );

  const open = useCallback(
    (picked: readonly NamedFile[]) => {
      if (picked.length === 0) return;
      const gen = ++generation.current;
      done.current = new Set();
      pending.current = new Map();
      poolRef.current?.clearQueue();
      const files: FileEntry[] = picked.map((p, i) => ({
        key: `${gen}:${i}:${p.name}`,
        name: p.name,
        file: p.file,
        status: 'queued',
        report: null,
        ms: null,
      }));
      const single = files.length === 1;
      setState({
        ...INITIAL,
        mode: single ? 'single' : 'batch',
        files,
        startedAt: performance.now(),
      });
      if (single) {
        const entry = files[0]!;
        updateFile(gen, entry.key, { status: 'checking' });
        void showDetail(gen, entry);
        return;
      }
      // Two lanes per worker: while a worker checks one file, the next one's bytes are read and
      // queued, so the worker never waits for the page. A batch of hundreds still holds only a
      // few workbooks in memory at a time.
      const queue = [...files];
      for (let lane = 0; lane < pool().size * 2; lane++) {
        void (async () => {
          while (queue.length > 0 && gen === generation.current) {
            const entry = queue.shift()!;
            if (done.current.has(entry.key)) continue; // opened and checked while it waited
            updateFile(gen, entry.key, { status: 'checking' });
            const { report, ms } = await checkEntry(entry, false, false);
            done.current.add(entry.key);
            updateFile(gen, entry.key, { status: report.status, report, ms });
          }
        })();
      }
    },
    [checkEntry, pool, showDetail, updateFile],
  );

  const openDetail = useCallback(
    (key: string) => {
      const entry = stateRef.current.files.find((f) => f.key === key);
      if (entry) void showDetail(generation.current, entry);
    },
    [showDetail],
  );

  const cancel = useCallback(() => {
    const s = stateRef.current;
    if (s.mode !== 'batch') return;
    // A new generation: the lanes stop taking files and answers still on their way are dropped.
    generation.current++;
    pending.current = new Map();
    if (flushTimer.current) clearTimeout(flushTimer.current);
    flushTimer.current = null;
    // Running checks end with their workers; the next request starts a fresh pool.
    poolRef.current?.terminate();
    poolRef.current = null;
    const finishedAt = performance.now();
    setState((st) => ({
      ...st,
      files: st.files.map((f) => (f.status === 'queued' || f.status === 'checking' ? { ...f, status: 'cancelled' as const } : f)),
      detail: st.detail?.loading ? null : st.detail,
      finishedAt: st.finishedAt ?? finishedAt,
    }));
  }, []);

  const closeDetail = useCallback(() => setState((s) => (s.mode === 'batch' ? { ...s, detail: null } : s)), []);

  const download = useCallback(
    async (kind: DownloadKind) => {
      const s = stateRef.current;
      const detailEntry = s.detail ? s.files.find((f) => f.key === s.detail!.key) : undefined;
      const detailReport = s.detail?.report ?? null;
      const batchReports = s.files.map((f) => f.report).filter((r): r is Report => r !== null);
      setState((st) => ({ ...st, preparing: new Set(st.preparing).add(kind), error: null }));
      try {
        switch (kind) {
          case 'json':
            if (detailReport && detailEntry) saveText(downloadName(detailEntry.name, '.report.json'), `${JSON.stringify(detailReport, null, 2)}\n`, 'application/json');
            break;
          case 'batch-json':
            saveText('核对报告.json', `${JSON.stringify(batchReports, null, 2)}\n`, 'application/json');
            break;
          case 'html':
          case 'batch-html': {
            const reports = kind === 'html' ? (detailReport ? [detailReport] : []) : batchReports;
            const res = await pool().run({ type: 'html', reports }, [], true);
            if (res.type !== 'text') throw new Error(res.type === 'failed' ? res.message : 'HTML 报告生成失败');
            const name = kind === 'html' && detailEntry ? downloadName(detailEntry.name, '.report.html') : '核对报告.html';
            saveText(name, res.text, 'text/html');
            break;
          }
          case 'annotated': {
            // An unrecognised workbook gets its copy too (saying why), as the CLI gives it.
            if (!detailEntry || !detailReport || detailReport.status === 'unreadable') break;
            const bytes = await fileBytes(detailEntry.file);
            const res = await pool().run({ type: 'annotate', bytes, report: detailReport }, [bytes], true);
            if (res.type !== 'bytes') throw new Error(res.type === 'failed' ? res.message : '标注副本生成失败');
            saveBytes(downloadName(detailEntry.name, '.checked.xlsx'), res.bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
            break;
          }
          case 'batch-annotated': {
            // One .zip of every copy, made one workbook at a time (fflate), named as the CLI names them.
            const entries = s.files.filter((f) => f.report && (f.report.status === 'checked' || f.report.status === 'unrecognised'));
            const zip: Record<string, Uint8Array> = {};
            const taken = new Set<string>();
            for (const f of entries) {
              const bytes = await fileBytes(f.file);
              const res = await pool().run({ type: 'annotate', bytes, report: f.report! }, [bytes], true);
              if (res.type !== 'bytes') throw new Error(`“${f.name}”：${res.type === 'failed' ? res.message : '标注副本生成失败'}`);
              zip[uniqueName(zipPath(f.name), taken)] = new Uint8Array(res.bytes);
            }
            saveBytes('标注副本.zip', zipSync(zip, { level: 0 }).buffer as ArrayBuffer, 'application/zip');
            break;
          }
          case 'summary': {
            const res = await pool().run({ type: 'summary', reports: batchReports }, [], true);
            if (res.type !== 'bytes') throw new Error(res.type === 'failed' ? res.message : '汇总工作簿生成失败');
            saveBytes('核对汇总.xlsx', res.bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
            break;
          }
        }
      } catch (e) {
        setState((st) => ({ ...st, error: `下载未完成：${e instanceof Error ? e.message : String(e)}` }));
      } finally {
        setState((st) => {
          const preparing = new Set(st.preparing);
          preparing.delete(kind);
          return { ...st, preparing };
        });
      }
    },
    [pool],
  );

  return [state, { open, openDetail, closeDetail, download, cancel }];
}
