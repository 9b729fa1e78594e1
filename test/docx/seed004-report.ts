/**
 * Seed 004's 自评报告 as a Word document: its narrative as published (seed-004-narrative.txt,
 * from the published report of 芦淞区商务局 2023), then 附件2 and 附件3 as Word tables with the template's merged
 * cells, each under its 附件 line and title paragraph, as the report carries them.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { basicSheet, selfEvalSheet, type Row } from '../core/seed004';
import { parseRect, rectToA1 } from '../../src/grid/grid';
import { buildDocx, type Block, type TableSpec } from './build-docx';

export const NARRATIVE: readonly string[] = readFileSync(join(__dirname, 'seed-004-narrative.txt'), 'utf8').replace(/\n$/, '').split('\n');

export const BASIC_CAPTION = '2023年度部门（单位）整体支出绩效评价基础数据表';
export const SELF_CAPTION = '2023年度部门（单位）整体支出绩效自评表';
/** The sheets' first two rows (附件 line and title) are paragraphs above the table in the report. */
export const TITLE_ROWS = 2;

/** A sheet layout of test/core/seed004.ts without its title rows, as a Word table. */
export function asTable(layout: { rows: Row[]; merges: string[] }, headerRows = 0): TableSpec {
  return {
    rows: layout.rows.slice(TITLE_ROWS),
    merges: layout.merges.map((m) => {
      const r = parseRect(m);
      return rectToA1({ ...r, top: r.top - TITLE_ROWS, bottom: r.bottom - TITLE_ROWS });
    }),
    headerRows,
  };
}

export interface ReportParts {
  readonly narrative?: readonly string[];
  readonly basic?: TableSpec;
  readonly selfEval?: TableSpec;
}

/** The report's blocks in order; the paragraph numbers (¶N) of the narrative are its line numbers. */
export function seed004Blocks(parts: ReportParts = {}): Block[] {
  return [
    ...(parts.narrative ?? NARRATIVE),
    '附件2',
    BASIC_CAPTION,
    parts.basic ?? asTable(basicSheet()),
    '说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。',
    '填表人：文晨    填报日期：        联系电话：28580799    单位负责人签字：杨虎',
    '',
    '附件3',
    SELF_CAPTION,
    parts.selfEval ?? asTable(selfEvalSheet()),
    '填表人：文晨    填报日期：           联系电话：28580799   单位负责人签字：杨虎',
  ];
}

export function seed004Report(parts: ReportParts = {}): Promise<Uint8Array> {
  return buildDocx(seed004Blocks(parts));
}
