/// <reference types="office-js" />
/**
 * Following the clerk's edits in Excel: one `Worksheet.onChanged` handler (ExcelApi 1.7) per
 * checked sheet. Excel raises the event only once an edit is committed (Enter, Tab, a paste),
 * never while a cell is being edited, so a re-check it triggers never races the clerk's typing;
 * and the re-check itself runs with `delayForCellEdit` where the host has it (ExcelApi 1.11),
 * waiting should the clerk have started editing another cell by then. Format changes (our
 * marks) raise `onFormatChanged`, not this event, so painting does not trigger a re-check.
 */
import type { Unwatch } from '../types';
import type { ExcelApi } from './api';
import type { Sync } from './sync';

export async function watchSheets(api: ExcelApi, ctx: Excel.RequestContext, sync: Sync, sheets: readonly string[], onChange: () => void): Promise<Unwatch> {
  const results: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  for (const name of new Set(sheets)) {
    results.push(
      ctx.workbook.worksheets.getItem(name).onChanged.add(() => {
        onChange();
        return Promise.resolve();
      }),
    );
  }
  await sync();
  const first = results[0];
  return async () => {
    if (!first) return;
    // Removed in a batch on the handlers' own context, as documented
    // (learn.microsoft.com, "Work with events using the Excel JavaScript API", "Remove an event
    // handler": `Excel.run(eventResult.context, async (context) => { eventResult.remove(); … })`):
    // the context of the Excel.run that added them has ended by now.
    await api.runOn(first.context, async (context) => {
      for (const r of results) r.remove();
      await context.sync();
    });
  };
}
