/**
 * Picks the renderer for the chosen format; --quiet keeps only the error findings of each report.
 * The report comes in pieces (one per workbook, reportChunks) so that a batch of any size is
 * written as it is rendered and never held in one string (V8 caps a string at about 512 MB).
 * Every piece is safe for a terminal: the text report's workbook texts and file names go
 * through the one sanitiser (terminal-text.ts) before styling adds its own colours; the JSON
 * report escapes what JSON.stringify leaves raw; the HTML report escapes its markup already.
 */
import type { Report } from '../core/report';
import type { OutputFormat } from './args';
import { htmlReportChunks } from '../report/html';
import { reportToJson } from '../report/json';
import { batchLine } from '../report/labels';
import { PLAIN_STYLE, renderTextReport, type TextStyle } from '../report/text';
import { jsonTerminalSafe, terminalSafe } from './terminal-text';

export interface RenderOptions {
  /** List error findings only; the summaries still count every finding. */
  readonly quiet?: boolean;
  /** The text report's styling (colour on a terminal). */
  readonly style?: TextStyle;
}

export function renderReport(format: OutputFormat, reports: readonly Report[], isBatch: boolean, options: RenderOptions = {}): string {
  return [...reportChunks(format, reports, isBatch, options)].join('');
}

/** The report in pieces, whose concatenation is the whole report. */
export function* reportChunks(format: OutputFormat, reports: readonly Report[], isBatch: boolean, options: RenderOptions = {}): Generator<string> {
  const shown = options.quiet ? reports.map(errorsOnly) : reports;
  switch (format) {
    case 'json':
      yield* jsonChunks(shown, isBatch);
      return;
    case 'html':
      yield* htmlReportChunks(shown);
      return;
    case 'text': {
      const style = options.style ?? PLAIN_STYLE;
      for (let i = 0; i < shown.length; i++) {
        const block = renderTextReport([terminalSafeReport(shown[i]!)], style);
        yield `${i > 0 ? '\n\n' : ''}${block.slice(0, -1)}`;
      }
      yield shown.length > 1 ? `\n\n${style.heading(batchLine(shown))}\n` : '\n';
    }
  }
}

/** Exactly JSON.stringify(body, null, 2) + newline, one workbook at a time. */
function* jsonChunks(reports: readonly Report[], isBatch: boolean): Generator<string> {
  const one = (r: Report, indent: string) => jsonTerminalSafe(JSON.stringify(reportToJson(r), null, 2)).split('\n').join(`\n${indent}`);
  if (!isBatch && reports.length === 1) {
    yield `${one(reports[0]!, '')}\n`;
    return;
  }
  if (reports.length === 0) {
    yield '[]\n';
    return;
  }
  for (let i = 0; i < reports.length; i++) yield `${i === 0 ? '[\n  ' : ',\n  '}${one(reports[i]!, '  ')}`;
  yield '\n]\n';
}

export function errorsOnly(report: Report): Report {
  return { ...report, findings: report.findings.filter((f) => f.severity === 'error') };
}

/** The report with every text made safe for a terminal (terminal-text.ts), numbers and flags as they are. */
export function terminalSafeReport(report: Report): Report {
  return mapStrings(report, terminalSafe);
}

function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, fn)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = mapStrings(v, fn);
    return out as T;
  }
  return value;
}
