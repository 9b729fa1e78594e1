/** Picks the renderer for the chosen format. */
import type { Report } from '../core/report';
import type { OutputFormat } from './args';
import { renderHtmlReport } from './html';
import { renderJsonReport } from './json';
import { renderTextReport } from './text';

export function renderReport(format: OutputFormat, reports: readonly Report[], isBatch: boolean): string {
  switch (format) {
    case 'json':
      return renderJsonReport(reports, isBatch);
    case 'html':
      return renderHtmlReport(reports);
    case 'text':
      return renderTextReport(reports);
  }
}
