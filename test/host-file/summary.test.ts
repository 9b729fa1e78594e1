import ExcelJS from 'exceljs';
import { failedReport } from '../../src/core/report';
import { buildSummaryWorkbook, SUMMARY_SHEET_NAME } from '../../src/host/file/summary';
import { checkedReport, finding } from './fake-report';

describe('buildSummaryWorkbook', () => {
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const reports = [
      checkedReport('批次/芦淞区商务局.xlsx', [
        finding('附件3', 'H5', 'error', 'selfeval.execution-score', 'x'),
        finding('附件3', 'H6', 'warning', 'selfeval.missing-reason', 'y'),
        finding('附件3', 'H7', 'warning', 'selfeval.indicator-score', 'z'),
      ]),
      failedReport('批次/加密.xlsx', 'unreadable', '“加密.xlsx”文件已加密（设有打开密码），无法读取。'),
      failedReport('批次/其他.xlsx', 'unrecognised', '未识别出附件2 基础数据表或附件3 自评表'),
      checkedReport('批次/良好.xls', [], {
        summary: { errors: 0, warnings: 0, infos: 0, enteredTotal: '88', recomputedTotal: '88.00', grade: '良' },
        project: '商务发展专项资金',
      }),
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildSummaryWorkbook(reports)) as unknown as ExcelJS.Buffer);
    ws = wb.getWorksheet(SUMMARY_SHEET_NAME)!;
  });

  it('has the header of CONTRACT.md, styled', () => {
    expect(ws.getRow(1).values).toEqual([undefined, '文件', '单位', '年度', '填报总分', '重算总分', '等次', '错误', '警告', '提示', '状态', '原因', '项目']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect((ws.getRow(1).getCell(1).fill as ExcelJS.FillPattern).pattern).toBe('solid');
  });

  it('writes one row per workbook with totals as numbers and counts by severity', () => {
    expect(ws.rowCount).toBe(5);
    expect(ws.getRow(2).values).toEqual([undefined, '批次/芦淞区商务局.xlsx', '某某县财政局', '2023', 95.8, 94.99, '优', 1, 2, 0, '已核对']);
    expect(ws.getRow(2).getCell(4).numFmt).toBe('0.0');
    expect(ws.getRow(2).getCell(5).numFmt).toBe('0.00');
    expect(ws.getRow(5).getCell(4).value).toBe(88);
    expect(ws.getRow(5).getCell(6).value).toBe('良');
    expect(ws.getRow(5).getCell(12).value).toBe('商务发展专项资金'); // a project form's 项目名称, appended
  });

  it('gives the status of files that were not checked, with the reason', () => {
    expect(ws.getRow(3).getCell(10).value).toBe('无法读取');
    expect(ws.getRow(3).getCell(11).value).toContain('文件已加密');
    expect(ws.getRow(3).getCell(7).value).toBeNull();
    expect(ws.getRow(4).getCell(10).value).toBe('未识别模板');
    expect(ws.getRow(4).getCell(11).value).toContain('未识别');
  });

  it('freezes the header, filters the table and sets widths', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:L5');
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(40);
    expect(ws.getColumn(11).width).toBeGreaterThanOrEqual(40);
  });
});
