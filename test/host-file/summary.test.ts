import ExcelJS from 'exceljs';
import { failedReport } from '../../src/core/report';
import { linkTargetOf } from '../../src/host/file/links';
import { buildSummaryWorkbook, SUMMARY_SHEET_NAME } from '../../src/host/file/summary';
import { FINDINGS_SHEET_NAME } from '../../src/host/file/summary-findings';
import { OVERVIEW_SHEET_NAME } from '../../src/host/file/summary-overview';
import { checkedReport, finding } from './fake-report';
import { argb } from '../../src/host/file/severity-style';
import { SEVERITY_FILL } from '../../src/report/severity';

describe('buildSummaryWorkbook', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const reports = [
      checkedReport('批次/芦淞区商务局.xlsx', [
        finding('附件3', 'H5', 'error', 'selfeval.execution-score', 'x'),
        finding('附件3', 'H6', 'warning', 'selfeval.missing-reason', 'y', { acknowledged: { reason: '年中调整指标，已报备', at: '2026-11-30T08:00:00.000Z' } }),
        finding('附件3', 'H7', 'warning', 'selfeval.indicator-score', 'z'),
      ]),
      failedReport('批次/加密.xlsx', 'unreadable', '“加密.xlsx”文件已加密（设有打开密码），无法读取。'),
      failedReport('批次/其他.xlsx', 'unrecognised', '未识别出附件2 基础数据表或附件3 自评表'),
      checkedReport('批次/良好.xls', [], {
        summary: { errors: 0, warnings: 0, infos: 0, enteredTotal: '88', recomputedTotal: '88.00', grade: '良', gradeWithheld: null },
        project: '商务发展专项资金',
        coverage: { ran: ['执行率及得分', '指标得分'], notRun: [{ check: '偏差原因', missing: '偏差原因列' }], unreadSheets: [] },
      }),
    ];
    reports[3] = { ...reports[3]!, statedGrade: '良好' };
    wb = new ExcelJS.Workbook();
    const copies = ['标注/芦淞区商务局.checked.xlsx', null, 'x/其他.checked.xlsx', '标注/良好.checked.xlsx'];
    await wb.xlsx.load((await buildSummaryWorkbook(reports, { copies })) as unknown as ExcelJS.Buffer);
    ws = wb.getWorksheet(SUMMARY_SHEET_NAME)!;
  });

  it('has the sheets 核对汇总 (first, where scripts read), 全部问题 and 概览', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET_NAME, FINDINGS_SHEET_NAME, OVERVIEW_SHEET_NAME]);
  });

  it('has the header of docs/contract.md, styled', () => {
    // 填报等次 beside 重算等次, so a form whose two grades differ stands out (issue 22); 核对范围 last.
    expect(ws.getRow(1).values).toEqual([undefined, '文件', '单位', '年度', '填报总分', '重算总分', '填报等次', '重算等次', '错误', '警告', '提示', '状态', '原因', '项目', '标注副本', '已说明', '核对范围']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect((ws.getRow(1).getCell(1).fill as ExcelJS.FillPattern).pattern).toBe('solid');
  });

  it('writes one row per workbook with totals as numbers and counts by severity', () => {
    expect(ws.rowCount).toBe(5);
    expect((ws.getRow(2).values as unknown[]).slice(0, 12)).toEqual([undefined, '批次/芦淞区商务局.xlsx', '某某县财政局', 2023, 95.8, 94.99, '优', '优', 1, 2, 0, '已核对']);
    // Figures are numbers with the form's decimals, the year a number too (no "stored as text").
    expect(ws.getRow(2).getCell(3).numFmt).toBe('0');
    expect(ws.getRow(2).getCell(4).numFmt).toBe('0.0');
    expect(ws.getRow(2).getCell(5).numFmt).toBe('0.00');
    expect(ws.getRow(5).getCell(4).value).toBe(88);
    expect(ws.getRow(5).getCell(7).value).toBe('良');
    expect(ws.getRow(5).getCell(13).value).toBe('商务发展专项资金'); // a project form's 项目名称
  });

  it('gives the status of files that were not checked, with the reason', () => {
    expect(ws.getRow(3).getCell(11).value).toBe('无法读取');
    expect(ws.getRow(3).getCell(12).value).toContain('文件已加密');
    expect(ws.getRow(3).getCell(8).value).toBeNull();
    expect(ws.getRow(4).getCell(11).value).toBe('未识别模板');
    expect(ws.getRow(4).getCell(12).value).toContain('未识别');
    // The reason wraps, and its row is as tall as the wrapped text.
    expect(ws.getRow(3).getCell(12).alignment?.wrapText).toBe(true);
  });

  it('freezes the header, filters the table and sets widths', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:P5');
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(40);
    expect(ws.getColumn(12).width).toBeGreaterThanOrEqual(40);
  });

  it('gives the stated grade and a link to each annotated copy, relative to the summary', () => {
    expect(ws.getRow(2).getCell(6).value).toBe('优');
    expect(ws.getRow(5).getCell(6).value).toBe('良好');
    expect(ws.getRow(3).getCell(6).value).toBeNull();
    expect(linkTargetOf(ws.getRow(2).getCell(14).value)).toBe('标注/芦淞区商务局.checked.xlsx');
    expect(ws.getRow(2).getCell(14).text).toBe('标注/芦淞区商务局.checked.xlsx');
    expect(ws.getRow(3).getCell(14).value).toBeNull();
  });

  it('says per workbook which checks could not run (核对范围), marked where some could not', () => {
    expect(ws.getRow(2).getCell(16).value).toBe('各项检查均已进行');
    expect(ws.getRow(3).getCell(16).value).toBeNull();
    expect(ws.getRow(5).getCell(16).value).toBe('部分检查未能进行（缺少偏差原因列）');
    expect(ws.getRow(5).getCell(16).fill).toMatchObject({ fgColor: { argb: argb(SEVERITY_FILL.warning) } });
    expect(ws.getRow(2).getCell(16).fill).not.toMatchObject({ pattern: 'solid' });
  });

  it('counts the findings the clerk explained (已说明) per workbook', () => {
    expect(ws.getRow(2).getCell(15).value).toBe(1);
    expect(ws.getRow(5).getCell(15).value).toBe(0);
    expect(ws.getRow(3).getCell(15).value).toBeNull();
  });

  it('lists every finding of the batch on 全部问题, each cell linked into its copy', () => {
    const all = wb.getWorksheet(FINDINGS_SHEET_NAME)!;
    expect(all.getRow(1).values).toEqual([undefined, '文件', '单位', '年度', '工作表', '单元格', '规则名称', '严重程度', '填报值', '应为', '说明', '已说明', '规则编号']);
    expect(all.rowCount).toBe(1 + 3);
    const first = all.getRow(2);
    expect(first.getCell(1).value).toBe('批次/芦淞区商务局.xlsx');
    expect(first.getCell(2).value).toBe('某某县财政局');
    expect(first.getCell(4).value).toBe('附件3');
    expect(first.getCell(5).text).toBe('H5');
    expect(linkTargetOf(first.getCell(5).value)).toBe("标注/芦淞区商务局.checked.xlsx#'附件3'!H5");
    expect(first.getCell(6).value).toBe('预算执行得分');
    expect(first.getCell(7).value).toBe('错误');
    expect((first.getCell(7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    // Figures as numbers with the form's decimals, never text.
    expect([first.getCell(8).value, first.getCell(9).value]).toEqual([9.8, 9.9]);
    expect([first.getCell(8).numFmt, first.getCell(9).numFmt]).toEqual(['0.0', '0.00']);
    expect(first.getCell(10).value).toBe('x\n说明 selfeval.execution-score');
    expect(first.getCell(10).alignment?.wrapText).toBe(true);
    expect(first.getCell(11).value).toBeNull();
    expect(first.getCell(12).value).toBe('selfeval.execution-score');
    expect(all.getRow(3).getCell(11).value).toBe('年中调整指标，已报备（2026-11-30）');
    expect([3, 4].map((r) => all.getRow(r).getCell(6).value)).toEqual(['缺少偏差原因', '指标得分']);
    expect(all.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(all.autoFilter).toBe('A1:L4');
  });

  it('counts workbooks by grade and findings by rule on 概览', () => {
    const o = wb.getWorksheet(OVERVIEW_SHEET_NAME)!;
    expect(o.getCell('A2').value).toBe('共 4 个文件：已核对 2，无法读取 1，未识别模板 1；错误 1，警告 2，提示 0');
    expect(o.getRow(4).values).toEqual([undefined, '等次', '按重算等次（文件数）', '按填报等次（文件数）']);
    const grades = [5, 6, 7, 8, 9].map((r) => o.getRow(r).values);
    expect(grades).toEqual([
      [undefined, '优', 1, 1],
      [undefined, '良', 1, 1],
      [undefined, '中', 0, 0],
      [undefined, '差', 0, 0],
      [undefined, '无等次', 2, 2],
    ]);
    expect(o.getRow(11).values).toEqual([undefined, '规则名称', '规则编号', '错误', '警告', '提示', '合计', '其中已说明', '涉及文件数']);
    expect(o.getRow(12).values).toEqual([undefined, '预算执行得分', 'selfeval.execution-score', 1, 0, 0, 1, 0, 1]);
    const reason = [12, 13, 14].map((r) => o.getRow(r).values as unknown[]).find((v) => v[2] === 'selfeval.missing-reason')!;
    expect(reason.slice(3)).toEqual([0, 1, 0, 1, 1, 1]);
    expect([12, 13, 14].map((r) => o.getRow(r).getCell(2).value).sort()).toEqual(['selfeval.execution-score', 'selfeval.indicator-score', 'selfeval.missing-reason']);
  });

  it('prints every sheet at full size (never shrunk under 8 pt), a wide one across pages with its header and first column repeated', () => {
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ fitToPage: false, scale: 100, paperSize: 9, printTitlesRow: '1:1' });
    }
    expect(ws.pageSetup).toMatchObject({ printTitlesColumn: 'A:A', pageOrder: 'overThenDown' });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(wb.getWorksheet(FINDINGS_SHEET_NAME)!.pageSetup.orientation).toBe('landscape');
    expect(wb.getWorksheet(OVERVIEW_SHEET_NAME)!.pageSetup.orientation).toBe('portrait');
    expect(ws.headerFooter.oddFooter).toContain('&P');
  });

  it('gives no grade where the rules give none, says why, and counts such forms apart on 概览; rates as %, wrapped rows tall enough', async () => {
    const blank = checkedReport('批次/空表.xlsx', [finding('附件2', 'F4', 'error', 'basic.staff-control-rate', '控制率', { entered: '1.0000', expected: '0.9333' })], {
      statedGrade: null,
      summary: { errors: 1, warnings: 0, infos: 0, acknowledged: 0, enteredTotal: null, recomputedTotal: '0', grade: null, gradeWithheld: '得分未填完，不评等次' },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildSummaryWorkbook([blank])) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet(SUMMARY_SHEET_NAME)!;
    expect(sheet.getRow(2).getCell(7).value).toBe('不评：得分未填完，不评等次');
    expect(sheet.getRow(2).height).toBeGreaterThan(15); // wrapped in its 16-character column: two lines
    const all = book.getWorksheet(FINDINGS_SHEET_NAME)!.getRow(2);
    expect([all.getCell(8).value, all.getCell(8).numFmt, all.getCell(9).value, all.getCell(9).numFmt]).toEqual([1, '0.00%', 0.9333, '0.00%']);
    const o = book.getWorksheet(OVERVIEW_SHEET_NAME)!;
    expect([5, 6, 7, 8, 9, 10].map((r) => o.getRow(r).values)).toEqual([
      [undefined, '优', 0, 0],
      [undefined, '良', 0, 0],
      [undefined, '中', 0, 0],
      [undefined, '差', 0, 0],
      [undefined, '不评等次（未填完或分值不符）', 1, 0],
      [undefined, '无等次', 0, 1],
    ]);
  });

  it('writes no links when there are no copies', async () => {
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load((await buildSummaryWorkbook([checkedReport('a.xlsx', [finding('附件3', 'H5', 'error', 'selfeval.grade', 'g')])])) as unknown as ExcelJS.Buffer);
    expect(plain.getWorksheet(SUMMARY_SHEET_NAME)!.getRow(2).getCell(14).value).toBeNull();
    expect(plain.getWorksheet(FINDINGS_SHEET_NAME)!.getRow(2).getCell(5).value).toBe('H5');
  });
});
