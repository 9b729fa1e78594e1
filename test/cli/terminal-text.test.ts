import { hasTerminalControls, jsonTerminalSafe, terminalSafe } from '../../src/cli/terminal-text';
import { renderReport } from '../../src/cli/render';
import { ANSI_STYLE } from '../../src/cli/color';
import { failedReport } from '../../src/core/report';

describe('terminalSafe, the one sanitiser for what reaches a terminal', () => {
  it('writes ESC sequences, C1 controls, newlines and bidi overrides as visible escapes', () => {
    expect(terminalSafe('\u001b[2J\u001b[32m全部通过\u001b[0m')).toBe('\\x1B[2J\\x1B[32m全部通过\\x1B[0m');
    expect(terminalSafe('a\nb\rc')).toBe('a\\nb\\rc');
    expect(terminalSafe('\u009b31m')).toBe('\\x9B31m');
    expect(terminalSafe('局\u202e务商')).toBe('局\\u202E务商');
    expect(terminalSafe('\u2066x\u2069\u2028')).toBe('\\u2066x\\u2069\\u2028');
  });

  it('leaves ordinary text, tabs, CJK, full-width spaces and emoji as they are', () => {
    const plain = '株洲市芦淞区商务局　2023\t得分 9.8 ✓ 📊';
    expect(terminalSafe(plain)).toBe(plain);
    expect(hasTerminalControls(plain)).toBe(false);
    expect(hasTerminalControls('x\u001by')).toBe(true);
  });

  it('keeps JSON the same value while escaping what JSON.stringify leaves raw', () => {
    const value = { s: 'a\u009b31m\u202eb\u2028' };
    const json = jsonTerminalSafe(JSON.stringify(value));
    expect(json).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('the text report on a terminal', () => {
  it('cannot be steered by a file name or a reason, coloured or not', () => {
    const report = failedReport('evil\n已写出 报告：伪造.json\u001b[2J.xlsx', 'unreadable', '原因\u001b[32m全部通过');
    for (const style of [undefined, ANSI_STYLE]) {
      const text = renderReport('text', [report], false, { style });
      // eslint-disable-next-line no-control-regex -- the style's own SGR codes
      const ours = text.replace(/\u001b\[\d+m/g, ''); // the style's own colours
      expect(ours).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/); // eslint-disable-line no-control-regex
      expect(text.split('\n').some((line) => line.startsWith('已写出'))).toBe(false);
      expect(ours).toContain('evil\\n已写出 报告：伪造.json\\x1B[2J.xlsx');
    }
  });
});
