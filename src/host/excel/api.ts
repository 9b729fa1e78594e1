/// <reference types="office-js" />
/**
 * Access to the Office.js globals, resolved at call time (so tests can install a fake), and
 * the run-time feature gates: nothing above ExcelApi 1.4 is used without asking
 * `Office.context.requirements.isSetSupported` first.
 */

/** The Office.js surface the adapter needs, injectable for tests and odd hosts. */
export interface ExcelApi {
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T>;
  isSetSupported(version: string): boolean;
}

export function globalExcelApi(): ExcelApi {
  return {
    run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> {
      return options ? Excel.run(options, batch) : Excel.run(batch);
    },
    isSetSupported(version: string): boolean {
      try {
        return Office.context.requirements.isSetSupported('ExcelApi', version);
      } catch {
        return false;
      }
    },
  };
}

/** What this Excel can do, asked once per adapter. */
export interface ExcelCaps {
  /** getCellProperties / setCellProperties / getRanges / fill.pattern (ExcelApi 1.9). */
  readonly cellProperties: boolean;
  /** getMergedAreasOrNullObject (ExcelApi 1.13). */
  readonly mergedAreas: boolean;
  /** Excel.run options such as delayForCellEdit (ExcelApi 1.11). */
  readonly runOptions: boolean;
  /** mergeUndoGroup: our writes become one undo step (ExcelApi 1.20). */
  readonly undoGroup: boolean;
}

export function probeCaps(api: ExcelApi): ExcelCaps {
  return {
    cellProperties: api.isSetSupported('1.9'),
    mergedAreas: api.isSetSupported('1.13'),
    runOptions: api.isSetSupported('1.11'),
    undoGroup: api.isSetSupported('1.20'),
  };
}

/** Runs one batch: waits for cell edit mode to end where supported; one undo group for writes. */
export function runBatch<T>(
  api: ExcelApi,
  caps: ExcelCaps,
  batch: (ctx: Excel.RequestContext) => Promise<T>,
  opts: { undoGroup?: boolean } = {},
): Promise<T> {
  if (!caps.runOptions) return api.run(batch);
  const options: Excel.RunOptions = { delayForCellEdit: true };
  if (opts.undoGroup && caps.undoGroup) options.mergeUndoGroup = true;
  return api.run(batch, options);
}
