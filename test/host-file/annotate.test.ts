import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { annotateWorkbook } from '../../src/host/file/annotate';
import { RESULTS_SHEET_NAME } from '../../src/host/file/results-sheet';
import { addZipParts, buildXls, buildXlsx, replaceZipPart, STYLES_EXCELJS_REJECTS } from './sample-workbooks';
import { checkedReport, finding } from './fake-report';

const RED = 'FFFFC7CE';
const AMBER = 'FFFFEB9C';
const BLUE = 'FFBDD7EE';

/** A workbook with what reviewers' files have: styles shared by many cells, merges, widths, formulas, notes. */
async function buildStyledSource(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const basic = wb.addWorksheet('附件2');
  basic.getCell('A1').value = '基础数据表';
  basic.getCell('B2').value = 40;
  const ws = wb.addWorksheet('附件3');
  ws.getColumn(1).width = 28;
  ws.getColumn(8).width = 12.5;
  ws.getRow(1).height = 36;
  ws.getCell('A1').value = '部门整体支出绩效自评表';
  ws.getCell('A1').font = { bold: true, size: 16, name: '宋体' };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A1:H1');
  const bordered: Partial<ExcelJS.Style> = {
    border: { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } },
    font: { name: '宋体', size: 10 },
    numFmt: '0.00',
  };
  for (const address of ['D5', 'E5', 'G5', 'H5', 'H6', 'H7']) {
    ws.getCell(address).style = bordered;
    ws.getCell(address).value = 10;
  }
  ws.getCell('D5').value = 866.48;
  ws.getCell('E5').value = 857.71;
  ws.getCell('F5').value = { formula: 'E5/D5', result: 0.9899 };
  ws.getCell('F5').numFmt = '0.00%';
  ws.getCell('H5').value = 9.8;
  ws.getCell('H8').value = { formula: 'SUM(H5:H7)', result: 29.8 };
  ws.getCell('B9').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
  ws.getCell('B9').value = '原有填充';
  ws.getCell('H7').note = '填报人备注';
  ws.mergeCells('A5:C5');
  ws.getCell('A5').value = '年度资金总额';
  // What templates carry besides values: a drop-down, a highlight rule, a frozen header,
  // a print set-up, a defined name and a picture (a scanned seal, say).
  ws.getCell('I5').dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  ws.addConditionalFormatting({
    ref: 'H5:H7',
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['10'], priority: 1, style: { font: { color: { argb: 'FFFF0000' } } } }],
  });
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: 'A1:I21' };
  wb.definedNames.add('附件3!$H$21', '总分');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'J2:K4');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

function fillColor(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
}

function noteOf(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (!note) return '';
  if (typeof note === 'string') return note;
  return ((note as ExcelJS.Comment).texts ?? []).map((t) => t.text).join('');
}

const findings = [
  finding('附件3', 'H5', 'warning', 'selfeval.score-bounds', '得分超出分值'),
  finding('附件3', 'H5', 'error', 'selfeval.execution-score', '执行率得分应为 9.90（10 × 98.99%），填报为 9.8', {
    explanation: '9.90 = 10 × 857.71 ÷ 866.48',
  }),
  finding('附件3', 'H6', 'warning', 'selfeval.missing-reason', '得分低于分值，未填写偏差原因', { entered: null, expected: null }),
  finding('附件3', 'H7', 'info', 'selfeval.qualitative', '定性指标，得分无法重算'),
  finding('附件2', 'B2', 'info', 'value.rounding', '合计差 0.01，属四舍五入'),
];

describe('annotateWorkbook on an .xlsx', () => {
  let source: Uint8Array;
  let pristine: Uint8Array;
  let out: ExcelJS.Workbook;

  beforeAll(async () => {
    source = await buildStyledSource();
    pristine = source.slice();
    out = await load(await annotateWorkbook({ bytes: source, report: checkedReport('自评.xlsx', findings) }));
  });

  it('leaves the input bytes unchanged', () => {
    expect(Buffer.from(source).equals(Buffer.from(pristine))).toBe(true);
  });

  it('shares style objects among cells when it loads a file (the trap of exceljs #2055)', async () => {
    const ws = (await load(source)).getWorksheet('附件3')!;
    expect(ws.getCell('H5').style).toBe(ws.getCell('G5').style);
  });

  it('fills each finding cell with the strongest severity colour, and no other cell', () => {
    const ws = out.getWorksheet('附件3')!;
    expect(fillColor(ws.getCell('H5'))).toBe(RED);
    expect(fillColor(ws.getCell('H6'))).toBe(AMBER);
    expect(fillColor(ws.getCell('H7'))).toBe(BLUE);
    expect(fillColor(out.getWorksheet('附件2')!.getCell('B2'))).toBe(BLUE);
    for (const address of ['D5', 'E5', 'G5']) expect(fillColor(ws.getCell(address))).toBeUndefined();
    expect(fillColor(ws.getCell('B9'))).toBe('FF00FF00');
  });

  it('keeps the painted cell’s own style apart from the fill', () => {
    const h5 = out.getWorksheet('附件3')!.getCell('H5');
    expect(h5.border?.left?.style).toBe('thin');
    expect(h5.font?.name).toBe('宋体');
    expect(h5.numFmt).toBe('0.00');
    expect(h5.value).toBe(9.8);
  });

  it('writes one note per cell listing all its findings with their explanation', () => {
    const note = noteOf(out.getWorksheet('附件3')!.getCell('H5'));
    expect(note).toContain('【错误】执行率得分应为 9.90（10 × 98.99%），填报为 9.8');
    expect(note).toContain('9.90 = 10 × 857.71 ÷ 866.48');
    expect(note).toContain('【警告】得分超出分值');
    expect(note).toMatch(/1\. [\s\S]*2\. /);
  });

  it('keeps an existing note and adds ours after it', () => {
    const note = noteOf(out.getWorksheet('附件3')!.getCell('H7'));
    expect(note.startsWith('填报人备注')).toBe(true);
    expect(note).toContain('【提示】定性指标，得分无法重算');
  });

  it('keeps the rest of the workbook: sheets, merges, widths, heights, formulas, styles', () => {
    expect(out.worksheets.map((w) => w.name)).toEqual(['附件2', '附件3', RESULTS_SHEET_NAME]);
    const ws = out.getWorksheet('附件3')!;
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect([...merges].sort()).toEqual(['A1:H1', 'A5:C5']);
    expect(ws.getColumn(1).width).toBe(28);
    expect(ws.getColumn(8).width).toBe(12.5);
    expect(ws.getRow(1).height).toBe(36);
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16, name: '宋体' });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('F5').value).toEqual({ formula: 'E5/D5', result: 0.9899 });
    expect(ws.getCell('F5').numFmt).toBe('0.00%');
    expect(ws.getCell('H8').value).toEqual({ formula: 'SUM(H5:H7)', result: 29.8 });
    expect(ws.getCell('D5').border?.top?.style).toBe('thin');
    expect(out.getWorksheet('附件2')!.getCell('A1').value).toBe('基础数据表');
  });

  it('keeps drop-downs, conditional formats, frozen panes, print set-up, names and pictures', () => {
    const ws = out.getWorksheet('附件3')!;
    expect(ws.getCell('I5').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }> }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0]!.type])).toEqual([['H5:H7', 'cellIs']]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, printArea: 'A1:I21' });
    expect(out.definedNames.getRanges('总分').ranges).toEqual(["'附件3'!$H$21"]);
    const images = ws.getImages();
    expect(images).toHaveLength(1);
    expect(out.getImage(Number(images[0]!.imageId)).extension).toBe('png');
  });

  it('adds a 核对结果 sheet listing every finding with a link to its cell', () => {
    const ws = out.getWorksheet(RESULTS_SHEET_NAME)!;
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '严重程度', '工作表', '单元格', '规则名称', '填报值', '应为', '说明', '规则编号']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    // The table, a blank row, the legend of the fills, what was checked, then where the copy came from.
    expect(ws.rowCount).toBe(findings.length + 5);
    expect([1, 2, 3, 4].map((c) => ws.getCell(findings.length + 3, c).value)).toEqual(['图例', '红 错误', '黄 警告', '蓝 提示']);
    expect([2, 3, 4].map((c) => fillColor(ws.getCell(findings.length + 3, c)))).toEqual([RED, fillColor(ws.getRow(2).getCell(2)), fillColor(ws.getRow(5).getCell(2))]);
    expect(ws.getCell(findings.length + 4, 1).value).toBe('核对范围：各项检查均已进行');
    expect(ws.getCell(findings.length + 4, 1).font?.bold).toBeFalsy();
    expect(ws.getCell(findings.length + 5, 1).value).toMatch(/^原文件：/);
    const second = ws.getRow(3);
    expect(second.getCell(1).value).toBe(2);
    expect(second.getCell(2).value).toBe('错误');
    expect(second.getCell(3).value).toBe('附件3');
    expect(second.getCell(4).value).toEqual({ formula: `HYPERLINK("#'附件3'!H5","H5")`, result: 'H5' });
    expect(second.getCell(5).value).toBe('预算执行得分');
    expect(second.getCell(9).value).toBe('selfeval.execution-score');
    // Figures as numbers in the form's format, never text.
    expect([second.getCell(6).value, second.getCell(6).numFmt]).toEqual([9.8, '0.0']);
    expect([second.getCell(7).value, second.getCell(7).numFmt]).toEqual([9.9, '0.00']);
    expect(String(second.getCell(8).value)).toContain('9.90 = 10 × 857.71 ÷ 866.48');
    expect(ws.getRow(4).getCell(6).value).toBeNull();
    expect(['警告', '错误', '警告', '提示', '提示']).toEqual([2, 3, 4, 5, 6].map((r) => ws.getRow(r).getCell(2).value));
  });

  it('gives the results sheet widths, a frozen header and an autofilter over the table', () => {
    const ws = out.getWorksheet(RESULTS_SHEET_NAME)!;
    expect(ws.getColumn(8).width).toBeGreaterThanOrEqual(60);
    expect(ws.getColumn(3).width).toBeGreaterThan(8);
    expect(ws.autoFilter).toBe('A1:I6');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(2).getCell(8).alignment?.wrapText).toBe(true);
  });

  it('prints the results sheet landscape at full size (never shrunk), the header row and first column on every page', () => {
    const ws = out.getWorksheet(RESULTS_SHEET_NAME)!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: false, scale: 100, printTitlesRow: '1:1', printTitlesColumn: 'A:A', pageOrder: 'overThenDown' });
  });

  it('opens on 核对结果, its tab the only one selected', async () => {
    const results = out.getWorksheet(RESULTS_SHEET_NAME)!;
    expect(out.views[0]!.activeTab).toBe(out.worksheets.indexOf(results));
    // ExcelJS reads tabSelected but does not keep it: read the parts themselves.
    const parts = unzipSync(await annotateWorkbook({ bytes: source, report: checkedReport('自评.xlsx', findings) }));
    const selected = Object.keys(parts)
      .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      .sort()
      .filter((name) => /<sheetView[^>]*tabSelected="1"/.test(strFromU8(parts[name]!)));
    expect(selected).toEqual([`xl/worksheets/sheet${out.worksheets.indexOf(results) + 1}.xml`]);
  });

  it('says below the table what the copy could not keep of the original, and nothing when it kept all', async () => {
    // The styled source has a picture (kept), none of these: only the legend, coverage and source lines follow the table.
    expect(out.getWorksheet(RESULTS_SHEET_NAME)!.rowCount).toBe(findings.length + 5);
    const richer = addZipParts(source, {
      'xl/charts/chart1.xml': '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
      'xl/vbaProject.bin': 'not really VBA',
      'xl/drawings/drawing9.xml': '<xdr:wsDr xmlns:xdr="x"><xdr:twoCellAnchor><xdr:sp macro="" textlink=""/></xdr:twoCellAnchor></xdr:wsDr>',
    });
    const copy = await load(await annotateWorkbook({ bytes: richer, report: checkedReport('自评.xlsm', findings) }));
    const ws = copy.getWorksheet(RESULTS_SHEET_NAME)!;
    expect(ws.rowCount).toBe(findings.length + 6);
    expect(ws.getCell(findings.length + 5, 1).value).toBe('注意：本副本由核对工具另存，未保留原工作簿中的图表、宏（VBA）、形状和文本框。提交和存档请以原文件为准。');
    expect(ws.getCell(findings.length + 6, 1).value).toBe('原文件：自评.xlsm');
    expect(ws.autoFilter).toBe('A1:I6');
  });

  it('names the results sheet apart when the workbook already has one', async () => {
    const again = await load(await annotateWorkbook({ bytes: await out.xlsx.writeBuffer().then((b) => new Uint8Array(b)), report: checkedReport('x.xlsx', findings) }));
    expect(again.worksheets.map((w) => w.name)).toEqual(['附件2', '附件3', '核对结果', '核对结果(2)']);
  });
});

describe('annotateWorkbook on an .xls', () => {
  it('writes an .xlsx with the values, merges and widths of the .xls, painted', async () => {
    const xls = buildXls();
    const pristine = xls.slice();
    const bytes = await annotateWorkbook({ bytes: xls, report: checkedReport('a.xls', [finding('附件3', 'E4', 'error', 'selfeval.execution-rate', '执行率应为 98.99%')]) });
    expect(Buffer.from(xls).equals(Buffer.from(pristine))).toBe(true);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const wb = await load(bytes);
    const ws = wb.getWorksheet('附件3')!;
    expect(ws.getCell('A1').value).toBe('部门整体支出绩效自评表（2023年度）');
    expect(ws.getCell('E4').value).toBe(0.9899);
    expect(ws.getCell('E4').numFmt).toBe('0.00%');
    expect(fillColor(ws.getCell('E4'))).toBe(RED);
    expect([...(ws.model as unknown as { merges: string[] }).merges].sort()).toEqual(['A1:F1', 'A6:A7', 'B6:C7']);
    expect(String(wb.getWorksheet(RESULTS_SHEET_NAME)!.getCell(6, 1).value)).toContain('未保留原工作簿中的字体、边框、填充等样式');
    expect(wb.getWorksheet(RESULTS_SHEET_NAME)!.rowCount).toBe(7); // header, one finding, a blank row, the legend, the coverage, the note, the source
    expect(wb.getWorksheet(RESULTS_SHEET_NAME)!.getCell(5, 1).value).toBe('核对范围：各项检查均已进行');
    expect(wb.getWorksheet(RESULTS_SHEET_NAME)!.getCell(7, 1).value).toBe('原文件：a.xls');
  });
});

describe('annotateWorkbook on a package ExcelJS cannot parse', () => {
  it('rebuilds it from the SheetJS read and paints it', async () => {
    const quirky = replaceZipPart(await buildXlsx(), 'xl/styles.xml', STYLES_EXCELJS_REJECTS);
    const wb = await load(await annotateWorkbook({ bytes: quirky, report: checkedReport('q.xlsx', [finding('附件3', 'B4', 'warning', 'value.unparsed', 'x')]) }));
    const ws = wb.getWorksheet('附件3')!;
    expect(ws.getCell('B4').value).toBe(866.48);
    expect(fillColor(ws.getCell('B4'))).toBe(AMBER);
  });
});

describe('sheet names with any character Excel allows', () => {
  // `!`, `'` inside, `#`, `&`, and 31 characters (Excel refuses `[ ] * ? : \\ /` and a leading
  // or trailing `'`): the copy is painted and no library message escapes.
  test.each(['附件!3', "附'件3", '附件#3 & (2023)', '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一'])('%s', async (name) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(name).getCell('H5').value = 9.8;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const warn = jest.spyOn(console, 'warn');
    const copy = await load(await annotateWorkbook({ bytes, report: checkedReport('a.xlsx', [finding(name, 'H5', 'error', 'selfeval.execution-score', '执行率得分应为 9.90')]) }));
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    const fill = copy.getWorksheet(name)!.getCell('H5').fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe(RED);
  });
});
