/**
 * Stands in for Microsoft's office.js when the browser suite opens taskpane.html: the test
 * routes the CDN URL to this bundle. It installs the in-memory Excel fake of test/host on the
 * workbook the test put in `window.__FAKE_WORKBOOK__`, plus the two Office.js entry points
 * the pane calls first (Office.onReady, Office.HostType).
 */
import { excelWorkbookFromSpec } from '../host/excel-env';
import { installExcelFake } from '../host/excel-fake';
import type { SheetSpec } from '../host/spec';

type Info = { host: string; platform: string };

const w = window as unknown as { __FAKE_WORKBOOK__?: SheetSpec[]; __fakeExcel?: unknown } & Record<string, unknown>;
const wb = excelWorkbookFromSpec(w.__FAKE_WORKBOOK__ ?? []);
installExcelFake(wb);
w.__fakeExcel = wb;

const office = (globalThis as unknown as { Office: Record<string, unknown> }).Office;
const info: Info = { host: 'Excel', platform: 'PC' };
office.HostType = { Excel: 'Excel', Word: 'Word' };
office.onReady = (cb?: (i: Info) => void) => {
  cb?.(info);
  return Promise.resolve(info);
};
