/**
 * The page's worker: reads, checks and writes workbooks off the main thread, so a batch of
 * hundreds of files never freezes the page. ExcelJS and SheetJS are bundled here only.
 */
import { checkWorkbook } from '../engine';
import { failedReport } from '../core/report';
import { readWorkbook } from '../host/file/read';
import { annotateWorkbook } from '../host/file/annotate';
import { buildSummaryWorkbook } from '../host/file/summary';
import { renderHtmlReport } from '../report/html';
import { boundReport } from '../report/bounded';
import type { ProfileSource, WorkerRequest, WorkerResponse } from './protocol';
import type { Profile } from '../core/profile';
import { loadProfileText } from '../core/profile-load';
import { withBodySheet } from './body-sheet';
import { displayGrid } from './display-grid';

/** The worker's global scope, typed narrowly (the project's lib is DOM, not WebWorker). */
const scope = self as unknown as {
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
};

function post(msg: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

/** A standalone ArrayBuffer holding exactly these bytes (a view may share a larger buffer). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

/** The last profile file parsed, by its text: a batch sends the same one with every file. */
let lastProfile: { text: string; profile: Profile } | null = null;

function profileOf(src: ProfileSource): Profile {
  if (lastProfile?.text === src.text) return lastProfile.profile;
  const r = loadProfileText(src.text, src.fileName);
  // The page checked it before sending: a failure here is a bug, reported as the file's failure.
  if (!r.ok) throw new Error(r.message);
  lastProfile = { text: src.text, profile: r.profile };
  return r.profile;
}

async function handle(req: WorkerRequest): Promise<void> {
  switch (req.type) {
    case 'check': {
      const t0 = performance.now();
      const read = await readWorkbook({ bytes: req.bytes, fileName: req.name });
      if (!read.ok) {
        post({ type: 'checked', id: req.id, report: failedReport(req.name, 'unreadable', read.message), grid: null, ms: performance.now() - t0 });
        return;
      }
      const profile = req.profile ? profileOf(req.profile) : undefined;
      // Bounded before it leaves the worker (report/bounded.ts): the page keeps every report of a batch.
      const report = boundReport(checkWorkbook(read.grid, profile ? { file: req.name, profile } : { file: req.name }));
      post({ type: 'checked', id: req.id, report, grid: req.wantGrid ? withBodySheet(displayGrid(read.grid)) : null, ms: performance.now() - t0 });
      return;
    }
    case 'annotate': {
      const bytes = await annotateWorkbook({ bytes: req.bytes, report: req.report });
      const buf = ownBuffer(bytes);
      post({ type: 'bytes', id: req.id, bytes: buf }, [buf]);
      return;
    }
    case 'summary': {
      const bytes = await buildSummaryWorkbook(req.reports);
      const buf = ownBuffer(bytes);
      post({ type: 'bytes', id: req.id, bytes: buf }, [buf]);
      return;
    }
    case 'html':
      post({ type: 'text', id: req.id, text: renderHtmlReport(req.reports) });
      return;
  }
}

scope.onmessage = (ev) => {
  const req = ev.data;
  handle(req).catch((e: unknown) => {
    post({ type: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) });
  });
};
