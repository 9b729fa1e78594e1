/**
 * The set-up the pane's workflow tests share: seed 004 read once, a pane opened on a host's
 * fake per test and torn down after it (with what the pane remembered in localStorage), and the
 * pane rendered as the add-in renders it.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { checkWorkbook } from '../../src/engine';
import type { WorkbookGrid } from '../../src/grid/grid';
import type { SpreadsheetHost } from '../../src/host/types';
import { TaskPane } from '../../src/taskpane/TaskPane';
import { openPane, type HostName, type PaneEnv } from './pane-env';
import { seedGrid } from './workbooks';

export interface SeedPanes {
  /** Seed 004 as read by the file door (available once the suite's beforeAll has run). */
  seed(): WorkbookGrid;
  /** A pane on `host`'s fake holding seed 004; torn down after the test. */
  open(host: HostName): PaneEnv;
  /** The pane this test opened. */
  current(): PaneEnv;
}

/** Call at the top of a test file: registers the beforeAll/afterEach it needs. */
export function seedPanes(): SeedPanes {
  let seed: WorkbookGrid | null = null;
  let pane: PaneEnv | null = null;
  beforeAll(async () => {
    seed = await seedGrid();
  });
  afterEach(() => {
    pane?.env.teardown();
    pane = null;
    localStorage.clear();
  });
  return {
    seed: () => seed!,
    open: (host) => (pane = openPane(host, seed!)),
    current: () => pane!,
  };
}

/** The task pane on `host`, in the Fluent theme the add-in uses. */
export function renderPane(host: SpreadsheetHost): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={host} check={checkWorkbook} fileName="自评表.xlsx" />
    </FluentProvider>,
  );
}

/** Clicks 核对 (or 重新核对) and waits until the check has finished. */
export async function clickCheck(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: /^(核对|重新核对)$/ }));
  await waitFor(() => expect((screen.getByRole('button', { name: '重新核对' }) as HTMLButtonElement).disabled).toBe(false), { timeout: 10_000 });
}
