/**
 * Workbook → located tables: detect which sheet is which by content, then locate each block.
 */
import type { WorkbookGrid } from '../grid/grid';
import { SheetView } from './sheet-view';
import { BASIC_ANCHORS, SELF_EVAL_ANCHORS, detectSheet } from './detect';
import { locateBasic } from './locate-basic';
import { locateSelfEval } from './locate-selfeval';
import { findScoreTableHeader, locateScoreTable } from './locate-scoretable';
import type { LocatedWorkbook } from './tables';
import type { LabelSynonyms } from './synonyms';
import { NO_SYNONYMS, synonyms, type Synonyms } from './synonyms';
import { isExecutionRowLabel } from './placeholder';

/**
 * The 指标评分表 is found first: it shares 一级指标/三级指标/合计 with the 自评表 and would
 * otherwise be read as an empty one. A sheet with a 年度资金总额 row is a 自评表 whatever else it has.
 */
function findScoreTableSheet(views: readonly SheetView[], syn: Synonyms): SheetView | null {
  for (const v of views) {
    if (v.findFirst(isExecutionRowLabel)) continue;
    if (findScoreTableHeader(v, syn)) return v;
  }
  return null;
}

/** `labels`: a bureau profile's label synonyms, beside the built-in ones. */
export function locateWorkbook(grid: WorkbookGrid, labels?: LabelSynonyms): LocatedWorkbook {
  const syn = labels ? synonyms(labels) : NO_SYNONYMS;
  const views = grid.sheets.map((s) => new SheetView(s));
  const scoreSheet = findScoreTableSheet(views, syn);
  const rest = scoreSheet ? views.filter((v) => v !== scoreSheet) : views;
  const selfEval = detectSheet(rest, SELF_EVAL_ANCHORS);
  const basic = detectSheet(rest, BASIC_ANCHORS, selfEval.sheet);
  const missingAnchors: string[] = [];
  if (!selfEval.sheet && !basic.sheet && !scoreSheet) {
    missingAnchors.push(...SELF_EVAL_ANCHORS.anchors.map((a) => `自评表：${a.name}`), ...BASIC_ANCHORS.anchors.map((a) => `基础数据表：${a.name}`));
  }
  const used = new Set([scoreSheet, selfEval.sheet, basic.sheet]);
  const unreadSheets = views.filter((v) => !used.has(v)).flatMap((v) => {
    const reason = looksLikeForm(v);
    return reason ? [{ sheet: v.name, reason }] : [];
  });
  return {
    basic: basic.sheet ? locateBasic(basic.sheet) : null,
    selfEval: selfEval.sheet ? locateSelfEval(selfEval.sheet, syn) : null,
    scoreTable: scoreSheet ? locateScoreTable(scoreSheet, syn) : null,
    missingAnchors,
    unreadSheets,
    ...(grid.paragraphs ? { paragraphs: grid.paragraphs } : {}),
  };
}

/** A form's title words: a sheet titled so is a form whatever its layout. */
const TITLE_WORDS = /(自评表|基础数据表|评分表|评价表|绩效目标表)/;
/** Header words of the tables; two of them in one sheet make it look like a form. */
const HEADER_WORDS: readonly string[] = ['一级指标', '二级指标', '三级指标', '指标值', '完成值', '分值', '得分', '年度资金总额', '编制数', '三公经费', '评分标准'];

/**
 * Why a sheet that yielded no table looks like a form (its title or header words), or null:
 * such a sheet is named in the report's coverage, never passed over in silence.
 */
function looksLikeForm(view: SheetView): string | null {
  const title = view.findFirst((l) => TITLE_WORDS.test(l));
  if (title) return `有标题“${view.text(title.row, title.col).trim().slice(0, 40)}”，但未找到可核对的表格`;
  const words = HEADER_WORDS.filter((w) => view.findFirst((l) => l.includes(w)));
  if (words.length >= 2) return `有表头“${words.slice(0, 3).join('”“')}”，但未找到可核对的表格`;
  return null;
}
