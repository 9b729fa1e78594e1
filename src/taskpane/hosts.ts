/// <reference types="office-js" />
/**
 * Which spreadsheet the pane runs in. Excel loads office.js (taskpane.html) and is detected
 * through Office.onReady; WPS exposes its JSAPI as `window.wps` / `window.Application`.
 */
import type { SpreadsheetHost } from '../host/types';
import { ExcelHost } from '../host/excel';

export type Detected =
  | { readonly kind: 'host'; readonly host: SpreadsheetHost; readonly fileName: string | undefined }
  | { readonly kind: 'none' };

function baseName(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  const clean = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  return clean.split(/[\\/]/).pop() || undefined;
}

/** The WPS JSAPI, when the page runs inside WPS 表格. */
function wpsApplication(): unknown {
  const w = window as unknown as { wps?: { Application?: unknown }; Application?: unknown };
  return w.wps?.Application ?? w.Application;
}

/** Resolves the host once the platform is ready; 'none' in a plain browser. */
export async function detectHost(wpsFactory?: () => Promise<SpreadsheetHost | null>): Promise<Detected> {
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
  if (wpsApplication() && wpsFactory) {
    const host = await wpsFactory();
    if (host) return { kind: 'host', host, fileName: undefined };
  }
  return { kind: 'none' };
}
