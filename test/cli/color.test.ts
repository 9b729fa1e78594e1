import { ANSI_STYLE, colorWanted } from '../../src/cli/color';
import { renderTextReport } from '../../src/report/text';
import { renderReport } from '../../src/cli/render';
import { checkedReport, finding } from '../host-file/fake-report';

describe('colorWanted', () => {
  it.each([
    [true, {}, undefined, true],
    [false, {}, undefined, false],
    [true, { TERM: 'dumb' }, undefined, false],
    [true, { NO_COLOR: '1' }, undefined, false],
    [true, { NO_COLOR: '' }, undefined, true], // no-color.org: only a non-empty value counts
    [false, { FORCE_COLOR: '1' }, undefined, true],
    [false, { FORCE_COLOR: '' }, undefined, true],
    [true, { FORCE_COLOR: '0' }, undefined, false],
    [true, { FORCE_COLOR: 'false' }, undefined, false],
    [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, undefined, true], // as Node: FORCE_COLOR wins
    [true, { FORCE_COLOR: '1' }, false, false], // --no-color wins over all
    [false, { NO_COLOR: '1' }, true, true], // --color too
  ])('tty %s, env %j, flag %s → %s', (tty, env, flag, want) => {
    expect(colorWanted(tty, env, flag)).toBe(want);
  });
});

describe('the coloured text report', () => {
  const report = checkedReport('a.xlsx', [
    finding('附件3', 'H5', 'error', 'selfeval.execution-score', '执行率得分应为 9.90'),
    finding('附件3', 'I19', 'warning', 'selfeval.missing-reason', '未填写偏差原因'),
  ]);

  it('colours the severity tags and nothing else changes', () => {
    const coloured = renderTextReport([report], ANSI_STYLE);
    expect(coloured).toContain('\x1b[31m[错误]\x1b[39m 附件3!H5');
    expect(coloured).toContain('\x1b[33m[警告]\x1b[39m 附件3!I19');
    expect(coloured).toContain('\x1b[1m文件：a.xlsx\x1b[22m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(renderTextReport([report]));
    expect(renderTextReport([report])).not.toContain('\x1b');
  });

  it('--quiet lists the errors only and says how many it left out', () => {
    const text = renderReport('text', [report], false, { quiet: true });
    expect(text).toContain('[错误] 附件3!H5');
    expect(text).not.toContain('I19');
    expect(text).toContain('另有 1 条警告或提示未列出。');
    expect(text).toContain('错误 1，警告 1，提示 0'); // counts stay true
    const json = JSON.parse(renderReport('json', [report], false, { quiet: true }));
    expect(json.findings.map((f: { cell: string }) => f.cell)).toEqual(['H5']);
    expect(json.summary.warnings).toBe(1);
    const clean = renderReport('text', [checkedReport('b.xlsx', [finding('附件3', 'I19', 'warning', 'selfeval.missing-reason', 'w')])], false, { quiet: true });
    expect(clean).not.toContain('未发现问题');
    expect(renderReport('html', [report], false, { quiet: true })).toContain('另有 1 条警告或提示未列出。');
  });
});
