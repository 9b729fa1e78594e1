/**
 * The command's main flow: arguments → files → reports → outputs → exit status.
 * Files are read and checked in worker threads (pool.ts), never opened for writing; this thread
 * only writes outputs — --out, --summary and the --annotate copies — through write-output.ts,
 * which never writes through a link or onto an input. Reports, warnings and outputs come in input
 * order whatever order the workers finish in.
 */
import { readFileSync } from 'fs';
import { dirname, relative, resolve, sep } from 'path';
import { findProfile, PROFILES } from '../core/profile';
import type { Profile } from '../core/profile';
import { profileToJson } from '../core/profile-file';
import { loadProfileText } from '../core/profile-load';
import { failedReport, type Report } from '../core/report';
import { AnnotatedNames, type AnnotatedTarget } from './annotated-names';
import { formatHint, parseArgs, resolveFormat, type CliOptions } from './args';
import { ANSI_STYLE, colorWanted } from './color';
import { EXIT_OK, EXIT_TROUBLE, exitCodeFor } from './exit-code';
import { fsErrorMessage } from './fs-message';
import { makeFolders } from './make-folders';
import type { CliIo } from './io';
import { checkInPool, DEFAULT_TIMEOUT_SECONDS, defaultHeapMb, defaultJobs, type TaskInput } from './pool';
import { createProgress } from './progress';
import { outputMistake } from './output-check';
import { reportChunks } from './render';
import { removePending } from './interrupt';
import { terminalSafe } from './terminal-text';
import type { CheckOutcome } from './task';
import { PLAIN_STYLE } from '../report/text';
import { renderRuleList, USAGE } from './usage';
import { packageVersion } from './version';
import { collectInputs, type InputEntry } from './walk';
import { canonicalPath, InputIdentities, keepReserved, openOutputFile, writeOutputFile } from './write-output';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.kind) {
    case 'help':
      io.stdout.write(USAGE);
      return EXIT_OK;
    case 'version':
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT_OK;
    case 'list-rules':
      io.stdout.write(renderRuleList());
      return EXIT_OK;
    case 'print-profile': {
      const p = findProfile(parsed.name);
      if (!p) {
        say(io, `selfeval-check：未知的规则配置“${parsed.name}”。可用：${PROFILES.map((x) => x.id).join('、')}`);
        return EXIT_TROUBLE;
      }
      io.stdout.write(`${JSON.stringify(profileToJson(p), null, 2)}\n`);
      return EXIT_OK;
    }
    case 'error':
      say(io, `selfeval-check：${parsed.message}`);
      io.stderr.write('运行 selfeval-check --help 查看用法。\n');
      return EXIT_TROUBLE;
    case 'run':
      return checkAll(parsed.options, io);
  }
}

async function checkAll(options: CliOptions, io: CliIo): Promise<number> {
  try {
    return await checkAllInputs(options, io);
  } finally {
    // Names reserved for copies never written (an interrupted or failed run): given back.
    removePending();
  }
}

async function checkAllInputs(options: CliOptions, io: CliIo): Promise<number> {
  const profile = resolveProfile(options.profile, io);
  if (profile === false) return EXIT_TROUBLE;
  const mistake = outputMistake(options, resolveFormat(options));
  if (mistake) {
    say(io, `selfeval-check：${mistake}未核对任何文件。`);
    return EXIT_TROUBLE;
  }
  const inputs = collectInputs(options.paths);
  const clash = outputOnInput(options, inputs.entries);
  if (clash) {
    say(io, `selfeval-check：输出文件“${clash}”就是要核对的文件之一；原文件不会被改写，请换一个输出文件名。`);
    return EXIT_TROUBLE;
  }
  const warnings: string[] = [];
  const hint = formatHint(options);
  if (hint) warnings.push(hint);
  if (inputs.skipped.length) {
    warnings.push(`文件夹中有 ${inputs.skipped.length} 个文件未核对（Excel 临时文件或本工具生成的 .checked.xlsx 副本）：${inputs.skipped.slice(0, 3).join('、')}${inputs.skipped.length > 3 ? ' 等' : ''}。需要时请直接指定文件。`);
  }
  if (inputs.linksNotFollowed.length) {
    warnings.push(`文件夹中有 ${inputs.linksNotFollowed.length} 个符号链接未跟随（只查找所给文件夹本身的内容）：${inputs.linksNotFollowed.slice(0, 3).join('、')}${inputs.linksNotFollowed.length > 3 ? ' 等' : ''}。`);
  }
  if (inputs.stopped) warnings.push(`${inputs.stopped}；本次核对不完整。`);
  if (inputs.entries.length === 0) warnings.push(`在 ${options.paths.join('、')} 中没有找到 .xlsx、.xlsm、.xls 工作簿或 .docx 自评报告。`);

  const annotate = options.annotateDir ? prepareAnnotateDir(options.annotateDir, io) : null;
  if (annotate === false) return EXIT_TROUBLE;
  const identities = new InputIdentities();
  for (const e of inputs.entries) if (e.kind === 'file') identities.add(e.path);
  // Decided (and reserved) before any worker starts, in input order: the same inputs give the same names.
  let targets: (AnnotatedTarget | null)[];
  try {
    targets = inputs.entries.map((e) => (annotate && e.kind === 'file' ? annotate.next(e.relative) : null));
  } catch (e) {
    say(io, `selfeval-check：无法在标注副本文件夹“${options.annotateDir}”中创建文件：${fsErrorMessage(e)}`);
    return EXIT_TROUBLE;
  }

  const reports: (Report | null)[] = inputs.entries.map((e) => (e.kind === 'missing' ? failedReport(e.path, 'unreadable', e.reason) : null));
  /** Per input, its warnings not explained (已说明), counted on every finding (a report lists at most a bounded number). */
  const pending: number[] = inputs.entries.map(() => 0);
  /** Per input, what to say about it on stderr, in input order at the end. */
  const notes: string[][] = inputs.entries.map((e) => (e.kind === 'missing' && annotate ? [`未为“${e.path}”写标注副本：${e.reason}`] : []));
  /** Per input, the annotated copy written for it (for the summary's links). */
  const copies: (string | null)[] = inputs.entries.map(() => null);
  let outputFailed = false;
  /** Per input, its annotated copy once written, said on stderr at the end (`已写出 …`). */
  const writtenCopies: (string | null)[] = inputs.entries.map(() => null);

  const files = inputs.entries.flatMap((e, i) => (e.kind === 'file' ? [{ entry: e, index: i }] : []));
  const tasks: TaskInput[] = files.map(({ entry }) => ({ path: entry.path, profile, annotate: annotate !== null }));
  const progress = createProgress(io.stderr, files.length);
  let finished = 0;
  const jobs = options.jobs ?? defaultJobs();
  const onDone = (t: number, outcome: CheckOutcome) => {
    const { entry, index } = files[t]!;
    progress.start(finished++, entry.path);
    reports[index] = outcome.report;
    pending[index] = outcome.pendingWarnings;
    const target = targets[index];
    if (!target || !annotate) return;
    if (!outcome.annotated) {
      annotate.drop(target);
      notes[index]!.push(`未为“${entry.path}”写标注副本：${outcome.annotateError ?? '文件无法读取'}`);
      return;
    }
    try {
      writeOutputFile(target.path, outcome.annotated, identities);
      keepReserved(target.path);
      copies[index] = target.path;
      writtenCopies[index] = `标注副本：${target.path}`;
      if (target.taken) notes[index]!.push(`“${target.taken}”已存在，未覆盖；“${entry.path}”的标注副本写为“${target.path}”。`);
    } catch (e) {
      annotate.drop(target);
      outputFailed = true;
      notes[index]!.push(`无法写出“${entry.path}”的标注副本 ${target.path}：${fsErrorMessage(e)}`);
    }
  };
  await checkInPool(tasks, { jobs, heapMb: options.maxMemoryMb ?? defaultHeapMb(jobs), timeoutMs: (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000 }, onDone);
  progress.done();

  const all = reports.map((r, i) => r ?? failedReport(inputs.entries[i]!.path, 'unreadable', '未能核对'));
  warnings.push(...notes.flat());
  /** Every output written, said on stderr at the end (`已写出 …`). */
  const written = writtenCopies.filter((w): w is string => w !== null);
  const format = resolveFormat(options);
  const colour = format === 'text' && options.out === undefined && colorWanted(Boolean(io.stdout.isTTY), io.env ?? {}, options.color);
  const chunks = reportChunks(format, all, inputs.isBatch, { quiet: options.quiet, style: colour ? ANSI_STYLE : PLAIN_STYLE });
  const reportWritten = writeChunksOrWarn(options.out, chunks, io, warnings, identities);
  if (reportWritten && options.out !== undefined) written.push(`报告：${options.out}`);
  outputFailed = !reportWritten || outputFailed;
  if (options.summary) {
    // ExcelJS is loaded here only, and only for a summary: the checking happens in the workers.
    const { buildSummaryWorkbook } = await import('../host/file/summary');
    const summaryDir = dirname(resolve(options.summary));
    const links = copies.map((c) => (c === null ? null : relative(summaryDir, resolve(c)).split(sep).join('/')));
    const ok = writeOrWarn(options.summary, await buildSummaryWorkbook(all, { copies: links }), warnings, identities);
    if (ok) written.push(`汇总表：${options.summary}`);
    outputFailed = !ok || outputFailed;
  }
  for (const w of written) say(io, `已写出 ${w}`);
  const pendingWarnings = pending.reduce((a, b) => a + b, 0);
  if (options.maxWarnings !== undefined && pendingWarnings > options.maxWarnings) {
    warnings.push(`共有 ${pendingWarnings} 条警告（已说明的不计），超过 --max-warnings 规定的 ${options.maxWarnings} 条。`);
  }
  for (const w of warnings) say(io, `selfeval-check：${w}`);
  if (outputFailed || inputs.entries.length === 0 || inputs.stopped) return EXIT_TROUBLE;
  return exitCodeFor(all, options.maxWarnings, pendingWarnings);
}

/** One line on stderr, every stranger's text in it (file names, reasons) made safe for a terminal. */
function say(io: CliIo, line: string): void {
  io.stderr.write(`${terminalSafe(line)}\n`);
}

/** The report, piece by piece, to a file or to stdout when no path is given; false (and a warning) on failure. */
function writeChunksOrWarn(path: string | undefined, chunks: Iterable<string>, io: CliIo, warnings: string[], identities: InputIdentities): boolean {
  if (path === undefined) {
    for (const chunk of chunks) io.stdout.write(chunk);
    return true;
  }
  try {
    const out = openOutputFile(path, identities);
    try {
      for (const chunk of chunks) out.write(chunk);
    } catch (e) {
      out.abort();
      throw e;
    }
    out.commit();
    return true;
  } catch (e) {
    warnings.push(`无法写出“${path}”：${fsErrorMessage(e)}`);
    return false;
  }
}

/** Writes a file; false (and a warning) on failure. */
function writeOrWarn(path: string, data: Uint8Array, warnings: string[], identities: InputIdentities): boolean {
  try {
    writeOutputFile(path, data, identities);
    return true;
  } catch (e) {
    warnings.push(`无法写出“${path}”：${fsErrorMessage(e)}`);
    return false;
  }
}

function prepareAnnotateDir(dir: string, io: CliIo): AnnotatedNames | false {
  try {
    makeFolders(dir);
    return new AnnotatedNames(dir);
  } catch (e) {
    say(io, `selfeval-check：无法创建标注副本文件夹“${dir}”：${fsErrorMessage(e)}`);
    return false;
  }
}

/** The --out or --summary path when it names one of the inputs. */
function outputOnInput(options: CliOptions, entries: readonly InputEntry[]): string | null {
  const inputs = new Set(entries.filter((e) => e.kind === 'file').map((e) => canonicalPath(e.path)));
  for (const out of [options.out, options.summary]) {
    if (out !== undefined && inputs.has(canonicalPath(out))) return out;
  }
  return null;
}

/**
 * --profile NAME picks a shipped profile; --profile FILE.json reads a bureau's own (a path, or
 * any name ending in .json). false: said on stderr, nothing is checked.
 */
function resolveProfile(value: string | undefined, io: CliIo): string | Profile | undefined | false {
  if (value === undefined) return undefined;
  if (/\.json$/i.test(value) || /[\\/]/.test(value)) {
    let text: string;
    try {
      text = readFileSync(value, 'utf8');
    } catch {
      say(io, `selfeval-check：无法读取规则配置文件“${value}”`);
      return false;
    }
    const r = loadProfileText(text, value);
    if (!r.ok) {
      say(io, `selfeval-check：${r.message}`);
      return false;
    }
    return r.profile;
  }
  if (!findProfile(value)) {
    say(io, `selfeval-check：未知的规则配置“${value}”。可用：${PROFILES.map((p) => p.id).join('、')}；或给出规则配置文件（.json）`);
    return false;
  }
  return value;
}
