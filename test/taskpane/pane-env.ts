/**
 * The pane under test runs on the real Excel adapter (src/host/excel) over the in-memory
 * Office.js fake of test/host — not on a mock of the pane's own logic.
 */
import { MemoryStore } from '../../src/host/types';
import type { ExcelHost } from '../../src/host/excel';
import type { WorkbookGrid } from '../../src/template/grid';
import { ExcelEnv } from '../host/excel-env';
import { specFromGrid } from '../host/spec';

export interface PaneEnv {
  readonly env: ExcelEnv;
  readonly host: ExcelHost;
}

/** Loads a Grid into a fake Excel workbook (protected sheets stay protected) and opens a host on it. */
export function excelPane(grid: WorkbookGrid): PaneEnv {
  const env = new ExcelEnv();
  const spec = specFromGrid(grid).map((s, i) => (grid.sheets[i]?.isProtected ? { ...s, protected: true } : s));
  env.load(spec);
  return { env, host: env.newHost(new MemoryStore()) };
}
