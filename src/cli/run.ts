/**
 * The command's main flow: arguments → files → reports → outputs → exit status.
 * Each file is read into memory once and never opened for writing; outputs go only to
 * --out, --summary and the --annotate folder, and never onto an input.
 */
import { mkdirSync } from 'fs';
import { dirname, relative, resolve, sep } from 'path';
import { findProfile, PROFILES } from '../core/profile';
import { failedReport, type Report } from '../core/report';
import { annotateWorkbook } from '../host/file/annotate';
import { buildSummaryWorkbook } from '../host/file/summary';
import { AnnotatedNames } from './annotated-names';
import { formatHint, parseArgs, resolveFormat, type CliOptions } from './args';
import { checkFile } from './check-file';
import { ANSI_STYLE, colorWanted } from './color';
import { EXIT_OK, EXIT_TROUBLE, exitCodeFor, warningCount } from './exit-code';
import type { CliIo } from './io';
import { createProgress } from './progress';
import { renderReport } from './render';
import { PLAIN_STYLE } from './text';
import { renderRuleList, USAGE } from './usage';
import { packageVersion } from './version';
import { collectInputs, type InputEntry } from './walk';
import { canonicalPath, writeOutputFile } from './write-output';

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
    case 'error':
      io.stderr.write(`selfeval-check：${parsed.message}\n运行 selfeval-check --help 查看用法。\n`);
      return EXIT_TROUBLE;
    case 'run':
      return checkAll(parsed.options, io);
  }
}

async function checkAll(options: CliOptions, io: CliIo): Promise<number> {
  if (options.profile && !findProfile(options.profile)) {
    io.stderr.write(`selfeval-check：未知的规则配置“${options.profile}”。可用：${PROFILES.map((p) => p.id).join('、')}\n`);
    return EXIT_TROUBLE;
  }
  const inputs = collectInputs(options.paths);
  const clash = outputOnInput(options, inputs.entries);
  if (clash) {
    io.stderr.write(`selfeval-check：输出文件“${clash}”就是要核对的文件之一；原文件不会被改写，请换一个输出文件名。\n`);
    return EXIT_TROUBLE;
  }
  const warnings: string[] = [];
  const hint = formatHint(options);
  if (hint) warnings.push(hint);
  if (inputs.skipped.length) {
    warnings.push(`文件夹中有 ${inputs.skipped.length} 个文件未核对（Excel 临时文件或本工具生成的 .checked.xlsx 副本）：${inputs.skipped.slice(0, 3).join('、')}${inputs.skipped.length > 3 ? ' 等' : ''}。需要时请直接指定文件。`);
  }
  if (inputs.entries.length === 0) warnings.push(`在 ${options.paths.join('、')} 中没有找到 .xlsx、.xlsm 或 .xls 工作簿。`);

  const annotate = options.annotateDir ? prepareAnnotateDir(options.annotateDir, io) : null;
  if (annotate === false) return EXIT_TROUBLE;
  const inputKeys = new Set(inputs.entries.map((e) => canonicalPath(e.path)));

  const reports: Report[] = [];
  /** Per report, the annotated copy written for it (for the summary's links). */
  const copies: (string | null)[] = [];
  let outputFailed = false;
  /** Every output written, said on stderr at the end (`已写出 …`). */
  const written: string[] = [];
  const progress = createProgress(io.stderr, inputs.entries.length);
  for (const [i, entry] of inputs.entries.entries()) {
    progress.start(i, entry.path);
    copies[i] = null;
    if (entry.kind === 'missing') {
      reports.push(failedReport(entry.path, 'unreadable', entry.reason));
      if (annotate) warnings.push(`未为“${entry.path}”写标注副本：${entry.reason}`);
      continue;
    }
    const { report, bytes } = await checkFile(entry.path, options.profile);
    reports.push(report);
    const readable = bytes !== null && report.status !== 'unreadable';
    if (annotate && !readable) warnings.push(`未为“${entry.path}”写标注副本：${report.error ?? '文件无法读取'}`);
    // An unrecognised workbook still gets its copy: the 核对结果 sheet says why nothing is marked.
    if (annotate && readable) {
      const target = annotate.next(entry.path);
      try {
        if (inputKeys.has(canonicalPath(target))) throw new Error('标注副本的文件名与输入文件相同');
        writeOutputFile(target, await annotateWorkbook({ bytes, report }));
        copies[i] = target;
        written.push(`标注副本：${target}`);
      } catch (e) {
        outputFailed = true;
        warnings.push(`无法写出“${entry.path}”的标注副本 ${target}：${describe(e)}`);
      }
    }
  }
  progress.done();

  const format = resolveFormat(options, Boolean(io.stdout.isTTY));
  const colour = format === 'text' && options.out === undefined && colorWanted(Boolean(io.stdout.isTTY), io.env ?? {}, options.color);
  const rendered = renderReport(format, reports, inputs.isBatch, { quiet: options.quiet, style: colour ? ANSI_STYLE : PLAIN_STYLE });
  const reportWritten = writeOrWarn(options.out, rendered, io, warnings);
  if (reportWritten && options.out !== undefined) written.push(`报告：${options.out}`);
  outputFailed = !reportWritten || outputFailed;
  if (options.summary) {
    const summaryDir = dirname(resolve(options.summary));
    const links = copies.map((c) => (c === null ? null : relative(summaryDir, resolve(c)).split(sep).join('/')));
    const ok = writeOrWarn(options.summary, await buildSummaryWorkbook(reports, { copies: links }), io, warnings);
    if (ok) written.push(`汇总表：${options.summary}`);
    outputFailed = !ok || outputFailed;
  }
  for (const w of written) io.stderr.write(`已写出 ${w}\n`);
  if (options.maxWarnings !== undefined && warningCount(reports) > options.maxWarnings) {
    warnings.push(`共有 ${warningCount(reports)} 条警告（已说明的不计），超过 --max-warnings 规定的 ${options.maxWarnings} 条。`);
  }
  for (const w of warnings) io.stderr.write(`selfeval-check：${w}\n`);
  if (outputFailed || inputs.entries.length === 0) return EXIT_TROUBLE;
  return exitCodeFor(reports, options.maxWarnings);
}

/** Writes to a file, or to stdout when no path is given; false (and a warning) on failure. */
function writeOrWarn(path: string | undefined, data: string | Uint8Array, io: CliIo, warnings: string[]): boolean {
  if (path === undefined) {
    io.stdout.write(typeof data === 'string' ? data : '');
    return true;
  }
  try {
    writeOutputFile(path, data);
    return true;
  } catch (e) {
    warnings.push(`无法写出“${path}”：${describe(e)}`);
    return false;
  }
}

function prepareAnnotateDir(dir: string, io: CliIo): AnnotatedNames | false {
  try {
    mkdirSync(dir, { recursive: true });
    return new AnnotatedNames(dir);
  } catch (e) {
    io.stderr.write(`selfeval-check：无法创建标注副本文件夹“${dir}”：${describe(e)}\n`);
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

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
