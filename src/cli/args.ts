/** Command-line arguments → options (docs/contract.md, "Command line"). No I/O here. */

export type OutputFormat = 'text' | 'json' | 'html';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'html'];

export interface CliOptions {
  readonly paths: readonly string[];
  /** Absent: text, on a terminal or not (docs/contract.md, as ESLint). */
  readonly format?: OutputFormat;
  readonly out?: string;
  readonly annotateDir?: string;
  readonly summary?: string;
  readonly profile?: string;
  /** List only error findings in the report (the counts still count every finding). */
  readonly quiet?: boolean;
  /** Exit 1 when the batch has more warnings than this. */
  readonly maxWarnings?: number;
  /** --color / --no-color; absent: colour on a terminal, as NO_COLOR and FORCE_COLOR say. */
  readonly color?: boolean;
  /** Worker threads checking files at once (default: one per core). */
  readonly jobs?: number;
  /** Time budget per file, seconds. */
  readonly timeoutSeconds?: number;
  /** Heap limit of each worker, MB. */
  readonly maxMemoryMb?: number;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'list-rules' }
  | { readonly kind: 'print-profile'; readonly name: string }
  | { readonly kind: 'error'; readonly message: string };

const VALUE_OPTIONS = ['--format', '--out', '--annotate', '--summary', '--profile', '--max-warnings', '--jobs', '--timeout', '--max-memory'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

const FLAG_OPTIONS = ['--quiet', '--color', '--no-color'] as const;
type FlagOption = (typeof FLAG_OPTIONS)[number];

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const paths: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  const flags = new Set<FlagOption>();
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--version' || arg === '-V') return { kind: 'version' };
    if (arg === '--list-rules') return { kind: 'list-rules' };
    if (arg === '--print-profile' || arg.startsWith('--print-profile=')) {
      const name = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
      if (name === undefined || name === '' || name.startsWith('-')) return error('选项 --print-profile 需要一个内置规则配置的名称');
      return { kind: 'print-profile', name };
    }
    if (arg === '-q') {
      flags.add('--quiet');
      continue;
    }
    if ((FLAG_OPTIONS as readonly string[]).includes(arg)) {
      flags.add(arg as FlagOption);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) return error(`未知选项：${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return error(`选项 ${name} 需要一个值`);
    if (values[name as ValueOption] !== undefined) return error(`选项 ${name} 只能给一次`);
    values[name as ValueOption] = value;
  }
  return validate(paths, values, flags);
}

function validate(paths: string[], v: Partial<Record<ValueOption, string>>, flags: ReadonlySet<FlagOption>): ParsedArgs {
  if (paths.length === 0) return error('请给出要核对的工作簿或文件夹');
  const format = v['--format'];
  if (format !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    return error(`--format 只能是 ${OUTPUT_FORMATS.join('、')}，不能是“${format}”`);
  }
  const summary = v['--summary'];
  if (summary !== undefined && !/\.xlsx$/i.test(summary)) return error(`--summary 的文件名须以 .xlsx 结尾：${summary}`);
  const maxWarnings = v['--max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) return error(`--max-warnings 需要一个不小于 0 的整数，不能是“${maxWarnings}”`);
  if (flags.has('--color') && flags.has('--no-color')) return error('--color 与 --no-color 只能选一个');
  const jobs = positive(v, '--jobs', true);
  const timeout = positive(v, '--timeout', false);
  const memory = positive(v, '--max-memory', true);
  for (const bad of [jobs, timeout, memory]) if (typeof bad === 'string') return error(bad);
  if (typeof memory === 'number' && memory < 64) return error('--max-memory 至少为 64（MB）');
  const options: CliOptions = {
    paths,
    ...(format !== undefined ? { format: format as OutputFormat } : {}),
    ...(v['--out'] !== undefined ? { out: v['--out'] } : {}),
    ...(v['--annotate'] !== undefined ? { annotateDir: v['--annotate'] } : {}),
    ...(summary !== undefined ? { summary } : {}),
    ...(v['--profile'] !== undefined ? { profile: v['--profile'] } : {}),
    ...(flags.has('--quiet') ? { quiet: true } : {}),
    ...(maxWarnings !== undefined ? { maxWarnings: Number(maxWarnings) } : {}),
    ...(flags.has('--color') ? { color: true } : flags.has('--no-color') ? { color: false } : {}),
    ...(typeof jobs === 'number' ? { jobs } : {}),
    ...(typeof timeout === 'number' ? { timeoutSeconds: timeout } : {}),
    ...(typeof memory === 'number' ? { maxMemoryMb: memory } : {}),
  };
  return { kind: 'run', options };
}

/** A positive number option: the number, undefined when absent, or the error message. */
function positive(v: Partial<Record<ValueOption, string>>, name: ValueOption, integer: boolean): number | string | undefined {
  const text = v[name];
  if (text === undefined) return undefined;
  const n = Number(text);
  const ok = /^\d+(\.\d+)?$/.test(text) && n > 0 && (!integer || Number.isInteger(n));
  return ok ? n : `${name} 需要一个${integer ? '正整数' : '正数'}，不能是“${text}”`;
}

function error(message: string): ParsedArgs {
  return { kind: 'error', message };
}

/**
 * The format when --format is absent (docs/contract.md): text, on a terminal, in a pipe and into an
 * --out file alike — as ESLint; a script asks for `--format json`.
 */
export function resolveFormat(options: CliOptions): OutputFormat {
  return options.format ?? 'text';
}

/** A note when --out's extension asks for a format the default (text) does not give. */
export function formatHint(options: CliOptions): string | null {
  if (options.format || options.out === undefined) return null;
  const wanted = /\.html?$/i.test(options.out) ? 'html' : /\.json$/i.test(options.out) ? 'json' : null;
  return wanted ? `未指定 --format，“${options.out}”中写入的是文本报告；如需 ${wanted === 'html' ? 'HTML' : 'JSON'} 格式，请加 --format ${wanted}。` : null;
}
