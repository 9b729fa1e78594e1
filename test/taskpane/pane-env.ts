/**
 * The pane under test runs on the real host adapters (src/host/excel, src/host/wps) over the
 * in-memory Office.js and WPS fakes of test/host — not on a mock of the pane's own logic.
 */
import { MemoryStore, type SpreadsheetHost } from '../../src/host/types';
import type { WorkbookGrid } from '../../src/grid/grid';
import type { HostEnv } from '../host/adapter-contract';
import { ExcelEnv } from '../host/excel-env';
import { specFromGrid } from '../host/spec';
import { WpsEnv } from '../host/wps-env';

export interface PaneEnv {
  readonly env: HostEnv;
  readonly host: SpreadsheetHost;
  /** Makes the host's next call fail the way that host fails. */
  failNext(): void;
  /** Undoes failNext where the failure would persist. */
  recover(): void;
}

export type HostName = 'Excel' | 'WPS';

export const HOSTS: readonly HostName[] = ['Excel', 'WPS'];

/** Loads a Grid into a fake workbook of the host (protected sheets stay protected) and opens an adapter on it. */
export function openPane(name: HostName, grid: WorkbookGrid): PaneEnv {
  const spec = specFromGrid(grid).map((s, i) => (grid.sheets[i]?.isProtected ? { ...s, protected: true } : s));
  if (name === 'Excel') {
    const env = new ExcelEnv();
    env.load(spec);
    return {
      env,
      host: env.newHost(new MemoryStore()),
      failNext: () => {
        env.wb.failNextSync = { code: 'GeneralException', message: '模拟的宿主错误' };
      },
      recover: () => undefined,
    };
  }
  const env = new WpsEnv();
  env.load(spec);
  return {
    env,
    host: env.newHost(new MemoryStore()),
    // WPS without its Application object: the adapter says no workbook is open.
    // No workbook open: the WPS globals gone, whatever an earlier pane's fake left installed beneath this one.
    failNext: () => {
      env.teardown();
      const g = globalThis as Record<string, unknown>;
      delete g.Application;
      delete g.wps;
    },
    recover: () => env.load(spec),
  };
}
