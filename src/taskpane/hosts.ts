/// <reference types="office-js" />
/**
 * Which spreadsheet the pane runs in. Excel loads office.js (taskpane.html) and is detected
 * through Office.onReady; WPS exposes its JSAPI as `wps.EtApplication()` / `Application`.
 */
import type { SpreadsheetHost } from '../host/types';
import { ExcelHost } from '../host/excel';
import { WpsHost, globalWpsApplication } from '../host/wps';

export type Detected =
  | { readonly kind: 'host'; readonly host: SpreadsheetHost; readonly fileName: string | undefined }
  | { readonly kind: 'none' };

function baseName(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  const clean = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  return clean.split(/[\\/]/).pop() || undefined;
}

/** The active workbook's name in WPS (`ActiveWorkbook.Name`), when it can be read. */
function wpsWorkbookName(app: object): string | undefined {
  try {
    const wb = (app as { ActiveWorkbook?: { Name?: unknown } }).ActiveWorkbook;
    return wb && typeof wb.Name === 'string' ? wb.Name : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves the host once the platform is ready; 'none' in a plain browser. */
export async function detectHost(): Promise<Detected> {
  // WPS first: its JSAPI is there synchronously, and office.js never reports a host in WPS.
  const wps = globalWpsApplication();
  if (wps) return { kind: 'host', host: new WpsHost(), fileName: wpsWorkbookName(wps) };
  if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
    const info = await Office.onReady();
    if (info.host === Office.HostType.Excel) {
      let fileName: string | undefined;
      try {
        fileName = baseName(Office.context.document.url);
      } catch {
        fileName = undefined;
      }
      return { kind: 'host', host: new ExcelHost(), fileName };
    }
  }
  return { kind: 'none' };
}
