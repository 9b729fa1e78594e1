/**
 * Following the clerk's edits in WPS. Where the build has `Application.ApiEvent` (WPS JSAPI's
 * event hub; the `SheetChange(Sh, Target)` event mirrors VBA's and fires after a committed
 * edit — to be confirmed per WPS build, see README), one listener does it. Without it, the
 * adapter polls: every POLL_MS it reads the watched sheets' used-range values (the same bulk
 * `Value2` read as a check) and reports a change when they differ from the last poll. A poll
 * that fails (WPS busy, a cell being edited, the workbook closing) is skipped, never reported.
 */
import type { Unwatch } from '../types';
import { findSheet, get, sheetName, worksheetsOf, type WpsApplication, type WpsRange, type WpsWorksheet } from './om';

export const POLL_MS = 1500;

interface ApiEventHub {
  AddApiEventListener(name: string, fn: (...args: unknown[]) => void): unknown;
  RemoveApiEventListener(name: string, fn: (...args: unknown[]) => void): unknown;
}

function hubOf(app: WpsApplication): ApiEventHub | null {
  try {
    const hub = get<ApiEventHub | undefined>(app, 'ApiEvent');
    return hub && typeof hub.AddApiEventListener === 'function' ? hub : null;
  } catch {
    return null;
  }
}

export function watchSheets(app: WpsApplication, sheets: readonly string[], onChange: () => void, pollMs = POLL_MS): Unwatch {
  const watched = new Set(sheets);
  const hub = hubOf(app);
  if (hub) {
    const listener = (sh: unknown) => {
      let name: string | null;
      try {
        name = sheetName(sh as WpsWorksheet);
      } catch {
        name = null;
      }
      // A sheet we cannot name: re-check rather than miss the clerk's edit.
      if (name === null || watched.has(name)) onChange();
    };
    hub.AddApiEventListener('SheetChange', listener);
    return () => {
      hub.RemoveApiEventListener('SheetChange', listener);
      return Promise.resolve();
    };
  }
  const snapshot = (): string | null => {
    try {
      const all = worksheetsOf(app);
      if (!all) return null;
      return JSON.stringify(
        [...watched].map((n) => {
          const ws = findSheet(all, n);
          if (!ws) return null;
          const used = get<WpsRange>(ws, 'UsedRange');
          return [get(used, 'Address'), get(used, 'Value2')];
        }),
      );
    } catch {
      return null;
    }
  };
  let last = snapshot();
  const timer = setInterval(() => {
    const now = snapshot();
    if (now === null) return;
    if (last !== null && now !== last) onChange();
    last = now;
  }, pollMs);
  return () => {
    clearInterval(timer);
    return Promise.resolve();
  };
}
