/** Picks the renderer for the chosen format; --quiet keeps only the error findings of each report. */
import type { Report } from '../core/report';
import type { OutputFormat } from './args';
import { renderHtmlReport } from '../report/html';
import { renderJsonReport } from '../report/json';
import { PLAIN_STYLE, renderTextReport, type TextStyle } from '../report/text';

export interface RenderOptions {
  /** List error findings only; the summaries still count every finding. */
  readonly quiet?: boolean;
  /** The text report's styling (colour on a terminal). */
  readonly style?: TextStyle;
}

export function renderReport(format: OutputFormat, reports: readonly Report[], isBatch: boolean, options: RenderOptions = {}): string {
  const shown = options.quiet ? reports.map(errorsOnly) : reports;
  switch (format) {
    case 'json':
      return renderJsonReport(shown, isBatch);
    case 'html':
      return renderHtmlReport(shown);
    case 'text':
      return renderTextReport(shown, options.style ?? PLAIN_STYLE);
  }
}

export function errorsOnly(report: Report): Report {
  return { ...report, findings: report.findings.filter((f) => f.severity === 'error') };
}
