/**
 * Workbook → located tables: detect which sheet is which by content, then locate each block.
 */
import type { WorkbookGrid } from './grid';
import { SheetView } from './sheet-view';
import { BASIC_ANCHORS, SELF_EVAL_ANCHORS, detectSheet } from './detect';
import { locateBasic } from './locate-basic';
import { locateSelfEval } from './locate-selfeval';
import type { LocatedWorkbook } from './tables';

export function locateWorkbook(grid: WorkbookGrid): LocatedWorkbook {
  const views = grid.sheets.map((s) => new SheetView(s));
  const selfEval = detectSheet(views, SELF_EVAL_ANCHORS);
  const basic = detectSheet(views, BASIC_ANCHORS, selfEval.sheet);
  const missingAnchors: string[] = [];
  if (!selfEval.sheet && !basic.sheet) {
    missingAnchors.push(...SELF_EVAL_ANCHORS.anchors.map((a) => `自评表：${a.name}`), ...BASIC_ANCHORS.anchors.map((a) => `基础数据表：${a.name}`));
  }
  return {
    basic: basic.sheet ? locateBasic(basic.sheet) : null,
    selfEval: selfEval.sheet ? locateSelfEval(selfEval.sheet) : null,
    missingAnchors,
    ...(grid.paragraphs ? { paragraphs: grid.paragraphs } : {}),
  };
}
