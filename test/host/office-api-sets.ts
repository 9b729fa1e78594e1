/**
 * The requirement set Microsoft documents for each member of the Excel JavaScript API, read
 * from `@types/office-js` (the same `[Api set: ExcelApi 1.x]` remarks as the reference pages on
 * learn.microsoft.com). Node only: the fake's own table (excel-fake.ts, `API_SETS`) is checked
 * against this in test/host/excel-fake-gates.test.ts.
 */
import { readFileSync } from 'node:fs';

export interface ApiSet {
  /** Reading the property or calling the method. */
  readonly read: string;
  /** Setting the property, where the typings say it differs ("1.1 for reading …; 1.2 for setting it"). */
  readonly write?: string;
}

/** `Class.member` → its ExcelApi version(s), for every class of the Excel namespace. */
export function excelApiSets(): Map<string, ApiSet> {
  const text = readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8');
  const start = text.indexOf('declare namespace Excel {');
  const lines = text.slice(start).split('\n');
  const out = new Map<string, ApiSet>();
  let cls: string | null = null;
  let remark: string | null = null;
  for (const line of lines) {
    const c = /^ {4}class (\w+) extends OfficeExtension\.ClientObject/.exec(line);
    if (c) {
      cls = c[1]!;
      remark = null; // the class's own remark is not its first member's
      continue;
    }
    if (/^ {4}\}/.test(line)) {
      cls = null;
      continue;
    }
    const r = /\[Api set: ExcelApi ([^\]]+)\]/.exec(line);
    // The member's own remark comes first; a later one belongs to a parameter ("@param valuesOnly … [Api set: ExcelApi 1.2]").
    if (r) {
      remark ??= r[1]!;
      continue;
    }
    const m = /^ {8}(?:readonly )?(\w+)(?:<[^>]*>)?\??[(:]/.exec(line);
    if (m && cls && remark) {
      const key = `${cls}.${m[1]}`;
      const v = /^(\d+\.\d+) for reading [^;]*; (\d+\.\d+) for setting/.exec(remark);
      if (!out.has(key)) out.set(key, v ? { read: v[1]!, write: v[2]! } : { read: /^(\d+\.\d+)/.exec(remark)?.[1] ?? remark });
      remark = null;
    }
  }
  return out;
}
