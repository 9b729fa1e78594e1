/// <reference types="office-js" />
/**
 * Access to the Office.js globals, resolved at call time (so tests can install a fake), and
 * the run-time feature gates: the manifest asks for ExcelApi 1.1 only (so every Excel that can
 * run the pane can install it), and nothing above it is used without asking
 * `Office.context.requirements.isSetSupported` first.
 */

import { ACK_SHEET } from '../../core/acknowledge';

/** The Office.js surface the adapter needs, injectable for tests and odd hosts. */
export interface ExcelApi {
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T>;
  /**
   * `Excel.run(context, batch)`: a batch on an existing context — how an event handler is
   * removed (OfficeExtension.EventHandlerResult: "Excel.run(eventResult.context, …)").
   */
  runOn<T>(context: OfficeExtension.ClientRequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(version: string): boolean;
}

export function globalExcelApi(): ExcelApi {
  return {
    run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> {
      return options ? Excel.run(options, batch) : Excel.run(batch);
    },
    runOn<T>(context: OfficeExtension.ClientRequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
      return Excel.run(context, batch);
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
  /** worksheet.protection (ExcelApi 1.2); without it a sheet counts as writable and Excel refuses writes itself. */
  readonly protection: boolean;
  /** Setting Worksheet.visibility (ExcelApi 1.2; reading it is 1.1): the 已说明 sheet can be very hidden. */
  readonly setVisibility: boolean;
  /** getUsedRangeOrNullObject and getIntersectionOrNullObject (ExcelApi 1.4). */
  readonly nullObjects: boolean;
  /** Conditional formats (ExcelApi 1.6): the marks. Without them findings are listed only. */
  readonly conditionalFormats: boolean;
  /** getRanges / RangeAreas (ExcelApi 1.9): many cells per call. */
  readonly rangeAreas: boolean;
  /** Excel.run options such as delayForCellEdit (ExcelApi 1.11). */
  readonly runOptions: boolean;
  /** getMergedAreasOrNullObject (ExcelApi 1.13). */
  readonly mergedAreas: boolean;
  /** mergeUndoGroup: our writes become one undo step (ExcelApi 1.20). */
  readonly undoGroup: boolean;
}

export function probeCaps(api: ExcelApi): ExcelCaps {
  return {
    protection: api.isSetSupported('1.2'),
    setVisibility: api.isSetSupported('1.2'),
    nullObjects: api.isSetSupported('1.4'),
    conditionalFormats: api.isSetSupported('1.6'),
    rangeAreas: api.isSetSupported('1.9'),
    runOptions: api.isSetSupported('1.11'),
    mergedAreas: api.isSetSupported('1.13'),
    undoGroup: api.isSetSupported('1.20'),
  };
}

/** What this Excel cannot do, one Chinese sentence each, for the pane to say once. */
export function capLimitations(caps: ExcelCaps): string[] {
  const out: string[] = [];
  if (!caps.conditionalFormats) out.push('此版本 Excel 不支持条件格式（需要 ExcelApi 1.6，Office 2016 及更新版本的更新通道提供）：问题只在核对结果列表中列出，不在表内标记，一键重算写入的单元格也不着色。');
  if (!caps.mergedAreas) out.push('此版本 Excel 无法读取合并单元格（需要 ExcelApi 1.13）：合并的标签仍按其左上角单元格查找，个别表格可能认不全。');
  if (!caps.protection) out.push('此版本 Excel 无法查询工作表保护（需要 ExcelApi 1.2）：受保护的工作表在写入时才会报错。');
  if (!caps.setVisibility) out.push(`此版本 Excel 无法隐藏工作表（需要 ExcelApi 1.2）：“已说明”保存在可见的工作表“${ACK_SHEET}”中，请不要修改它。`);
  return out;
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
