import { formatHint, parseArgs, resolveFormat, type CliOptions } from '../../src/cli/args';
import { renderRuleList } from '../../src/cli/usage';
import { RULES } from '../../src/core/rules/registry';

function options(argv: string[]): CliOptions {
  const r = parseArgs(argv);
  if (r.kind !== 'run') throw new Error(`expected run, got ${JSON.stringify(r)}`);
  return r.options;
}

describe('parseArgs', () => {
  it('reads every option of docs/contract.md, in both --name value and --name=value forms', () => {
    expect(options(['--format', 'json', '--out=r.json', '--annotate', 'out', '--summary', 's.xlsx', '--profile', 'p', 'a.xlsx', 'dir'])).toEqual({
      paths: ['a.xlsx', 'dir'],
      format: 'json',
      out: 'r.json',
      annotateDir: 'out',
      summary: 's.xlsx',
      profile: 'p',
    });
  });

  it('reads --quiet (-q), --max-warnings N and --color / --no-color', () => {
    expect(options(['--quiet', '--max-warnings', '0', '--no-color', 'a.xlsx'])).toEqual({ paths: ['a.xlsx'], quiet: true, maxWarnings: 0, color: false });
    expect(options(['-q', '--max-warnings=12', '--color', 'a.xlsx'])).toMatchObject({ quiet: true, maxWarnings: 12, color: true });
    expect(options(['a.xlsx'])).toEqual({ paths: ['a.xlsx'] });
  });

  it('answers help and version before anything else', () => {
    expect(parseArgs(['a.xlsx', '--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it('takes everything after -- as a path', () => {
    expect(options(['--', '--format', '-x.xlsx']).paths).toEqual(['--format', '-x.xlsx']);
  });

  it.each([
    [[], '请给出'],
    [['--format', 'xml', 'a.xlsx'], '--format'],
    [['--format'], '需要一个值'],
    [['--out', 'a', '--out', 'b', 'x.xlsx'], '只能给一次'],
    [['--summary', 's.csv', 'a.xlsx'], '.xlsx'],
    [['--wat', 'a.xlsx'], '未知选项'],
    [['--max-warnings', '-1', 'a.xlsx'], '不小于 0 的整数'],
    [['--max-warnings', '2.5', 'a.xlsx'], '不小于 0 的整数'],
    [['--max-warnings', 'many', 'a.xlsx'], '“many”'],
    [['--color', '--no-color', 'a.xlsx'], '只能选一个'],
  ])('rejects %j with a Chinese message', (argv, text) => {
    const r = parseArgs(argv as string[]);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toContain(text);
  });
});

describe('resolveFormat', () => {
  it('defaults to text, whether or not the output is a terminal (docs/contract.md, as ESLint)', () => {
    expect(resolveFormat({ paths: ['a'] })).toBe('text');
    expect(resolveFormat({ paths: ['a'], out: 'r.txt' })).toBe('text');
  });

  it('follows --format; into an --out file the default is text, with a hint when its name asks otherwise', () => {
    expect(resolveFormat({ paths: ['a'], format: 'json' })).toBe('json');
    expect(resolveFormat({ paths: ['a'], out: 'r.HTML' })).toBe('text');
    expect(formatHint({ paths: ['a'], out: 'r.HTML' })).toContain('--format html');
    expect(resolveFormat({ paths: ['a'], out: 'r.json' })).toBe('text');
    expect(formatHint({ paths: ['a'], out: 'r.json' })).toContain('--format json');
    expect(formatHint({ paths: ['a'], out: 'r.txt' })).toBeNull();
    expect(formatHint({ paths: ['a'], out: 'r.html', format: 'html' })).toBeNull();
  });
});

describe('--list-rules', () => {
  it('is its own command', () => {
    expect(parseArgs(['--list-rules'])).toEqual({ kind: 'list-rules' });
  });
  it('lists every rule of the registry with its severity, and every profile', () => {
    const text = renderRuleList();
    for (const r of RULES) expect(text).toMatch(new RegExp(`${r.id.replace('.', '\\.')}\\s+(错误|警告|提示)\\s+${r.description.slice(0, 6)}`));
    expect(text).toContain('hunan-dept-overall-platform');
  });
});
