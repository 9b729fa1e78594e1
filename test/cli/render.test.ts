import { exitCodeFor } from '../../src/cli/exit-code';
import { escapeHtml, renderHtmlReport } from '../../src/report/html';
import { renderJsonReport } from '../../src/report/json';
import { createProgress } from '../../src/cli/progress';
import { renderTextReport } from '../../src/report/text';
import { failedReport } from '../../src/core/report';
import { checkedReport, finding } from '../host-file/fake-report';

const seed = checkedReport('批次/芦淞区.xlsx', [
  finding('附件3', 'H5', 'error', 'selfeval.execution-score', '执行率得分应为 9.90（10 × 98.99%），填报为 9.8', { explanation: '9.90 = 10 × 857.71 ÷ 866.48' }),
  finding('附件3', 'I19', 'warning', 'selfeval.missing-reason', '未填写偏差原因 <b>&</b>', { entered: null, expected: null }),
]);
const encrypted = failedReport('批次/加密.xlsx', 'unreadable', '“加密.xlsx”文件已加密（设有打开密码），无法读取。');

describe('renderJsonReport', () => {
  it('gives one object for a single file and an array for a batch', () => {
    expect(Array.isArray(JSON.parse(renderJsonReport([seed], false)))).toBe(false);
    expect(JSON.parse(renderJsonReport([seed], true))).toHaveLength(1);
    expect(JSON.parse(renderJsonReport([seed, encrypted], false))).toHaveLength(2);
  });

  it('puts the contract’s keys first, in its order', () => {
    const obj = JSON.parse(renderJsonReport([seed], false));
    expect(Object.keys(obj).slice(0, 7)).toEqual(['file', 'profile', 'status', 'error', 'sheets', 'summary', 'findings']);
    expect(Object.keys(obj.summary)).toEqual(['errors', 'warnings', 'infos', 'enteredTotal', 'recomputedTotal', 'grade', 'acknowledged', 'gradeWithheld']);
    expect(obj.coverage).toEqual({ ran: ['执行率及得分', '指标得分'], notRun: [], unreadSheets: [] });
    expect(obj.findings[0]).toMatchObject({ entered: '9.8', expected: '9.90', explanation: '9.90 = 10 × 857.71 ÷ 866.48' });
    expect(JSON.parse(renderJsonReport([encrypted], false))).toMatchObject({ status: 'unreadable', error: expect.stringContaining('已加密') });
  });
});

describe('renderTextReport', () => {
  const text = renderTextReport([seed, encrypted]);

  it('has the file, sheets, summary line and each finding with its explanation', () => {
    expect(text).toContain('文件：批次/芦淞区.xlsx');
    expect(text).toContain('工作表：基础数据表：附件2；自评表：附件3');
    expect(text).toContain('填报总分 95.8，重算总分 94.99；填报等次 优，重算等次 优；错误 1，警告 1，提示 0');
    expect(text).toContain('1. [错误] 附件3!H5  执行率得分应为 9.90');
    expect(text).toContain('9.90 = 10 × 857.71 ÷ 866.48');
    expect(text).toContain('2. [警告] 附件3!I19');
  });

  it('ends a batch with one line per file (file, 单位, 总分 填报/重算, 等次, counts), a clean file in one line', () => {
    const clean = checkedReport('批次/一致.xlsx', [], { statedGrade: '优秀' });
    const batch = renderTextReport([seed, clean, encrypted]);
    const lines = batch.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('批次/一致.xlsx'))).toEqual([
      '文件：批次/一致.xlsx　填报总分 95.8，重算总分 94.99；填报等次 优秀，重算等次 优；错误 0，警告 0，提示 0；未发现问题。',
      '  批次/一致.xlsx　某某县财政局　总分 95.8/94.99　填报等次 优秀，重算等次 优　未发现问题',
    ]);
    expect(lines.slice(-6)).toEqual([
      '逐个文件（文件　单位　总分 填报/重算　等次　问题数）：',
      '  批次/芦淞区.xlsx　某某县财政局　总分 95.8/94.99　填报等次 优，重算等次 优　错误 1，警告 1，提示 0',
      '  批次/一致.xlsx　某某县财政局　总分 95.8/94.99　填报等次 优秀，重算等次 优　未发现问题',
      '  批次/加密.xlsx　无法读取',
      '',
      '共 3 个文件：已核对 2，无法读取 1，未识别模板 0；错误 1，警告 1，提示 0',
    ]);
  });

  it('says why where the rules give no grade, and counts such forms apart', () => {
    const blank = checkedReport('批次/空表.xlsx', [], {
      statedGrade: null,
      summary: { errors: 0, warnings: 0, infos: 0, acknowledged: 0, enteredTotal: null, recomputedTotal: '0', grade: null, gradeWithheld: '得分未填完，不评等次' },
    });
    const text = renderTextReport([seed, blank]);
    expect(text).toContain('填报等次 —，重算等次 —（得分未填完，不评等次）');
    expect(text).toContain('；不评等次 1\n');
  });

  it('says why a file was not checked, and totals the batch', () => {
    expect(text).toContain('状态：无法读取\n原因：“加密.xlsx”文件已加密');
    expect(text).toContain('共 2 个文件：已核对 1，无法读取 1，未识别模板 0；错误 1，警告 1，提示 0');
  });
});

describe('renderHtmlReport', () => {
  const html = renderHtmlReport([seed, encrypted]);

  it('is a self-contained page with inline CSS and no scripts', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=/i);
  });

  it('has the same content as the text report, colour-coded', () => {
    expect(html).toContain('填报总分 95.8，重算总分 94.99；填报等次 优，重算等次 优；错误 1，警告 1，提示 0');
    expect(html).toContain('<tr class="sev-error">');
    expect(html).toContain('.sev-error{background:#FFC7CE}');
    expect(html).toContain('附件3!H5');
    expect(html).toContain('文件已加密');
    expect(html).toContain('预算执行得分<div class="rule-id">selfeval.execution-score</div>');
  });

  it('opens a batch with an overview whose rows link to the sections', () => {
    const links = [...html.matchAll(/<a href="#(wb-\d+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([['wb-1', '批次/芦淞区.xlsx'], ['wb-2', '批次/加密.xlsx']]);
    for (const [id, file] of links) expect(html).toMatch(new RegExp(`<section class="status-\\w+" id="${id}">\n<a class="back" href="#overview">[^<]*</a><h2>${file}</h2>`));
    expect(html).toContain('<table class="overview" id="overview">');
  });

  it('escapes every text', () => {
    expect(html).toContain('未填写偏差原因 &lt;b&gt;&amp;&lt;/b&gt;');
    expect(html).not.toContain('<b>&</b>');
    const evil = renderHtmlReport([failedReport('<img src=x onerror=alert(1)>.xlsx', 'unreadable', '"\'<>')]);
    expect(evil).not.toContain('<img');
    const evilBatch = renderHtmlReport([seed, failedReport('<img src=x>.xlsx', 'unreadable', 'x')]);
    expect(evilBatch).toContain('<a href="#wb-2">&lt;img src=x&gt;.xlsx</a>');
    expect(evilBatch).not.toContain('<img');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('exitCodeFor', () => {
  it('is 2 for any unreadable or unrecognised file, else 1 for error findings, else 0', () => {
    const clean = checkedReport('ok.xlsx', []);
    const unrecognised = failedReport('x.xlsx', 'unrecognised', '未识别');
    expect(exitCodeFor([clean])).toBe(0);
    expect(exitCodeFor([clean, seed])).toBe(1);
    expect(exitCodeFor([clean, seed, unrecognised])).toBe(2);
    expect(exitCodeFor([encrypted])).toBe(2);
    expect(exitCodeFor([checkedReport('w.xlsx', [finding('附件3', 'H1', 'warning', 'selfeval.grade', 'w')])])).toBe(0);
  });

  it('is 1 above --max-warnings, counting warnings the clerk has not explained', () => {
    const ack = { reason: '已报备', at: '2026-11-30T08:00:00.000Z' };
    const two = checkedReport('w.xlsx', [
      finding('附件3', 'H1', 'warning', 'selfeval.indicator-score', 'w'),
      finding('附件3', 'H2', 'warning', 'selfeval.indicator-score', 'w', { acknowledged: ack }),
      finding('附件3', 'H3', 'info', 'selfeval.qualitative', 'i'),
    ]);
    expect(exitCodeFor([two], 1)).toBe(0);
    expect(exitCodeFor([two], 0)).toBe(1);
    expect(exitCodeFor([two, two], 1)).toBe(1);
    expect(exitCodeFor([two, failedReport('x.xlsx', 'unreadable', 'x')], 0)).toBe(2);
  });
});

describe('createProgress', () => {
  function stream(isTTY: boolean) {
    const chunks: string[] = [];
    return { chunks, s: { isTTY, columns: 60, write: (c: string) => chunks.push(c) } };
  }

  it('draws a bar on a terminal when there is more than one file, and clears it', () => {
    const { chunks, s } = stream(true);
    const p = createProgress(s, 4);
    p.start(0, 'a.xlsx');
    p.start(2, 'c.xlsx');
    p.done();
    expect(chunks[0]).toContain('[------------------------] 1/4 a.xlsx');
    expect(chunks[1]).toContain('[############------------] 3/4 c.xlsx');
    expect(chunks[2]).toBe('\r\x1b[K');
  });

  it('stays silent for one file or when stderr is not a terminal', () => {
    for (const [tty, total] of [[true, 1], [false, 5]] as const) {
      const { chunks, s } = stream(tty);
      const p = createProgress(s, total);
      p.start(0, 'a.xlsx');
      p.done();
      expect(chunks).toEqual([]);
    }
  });
});
