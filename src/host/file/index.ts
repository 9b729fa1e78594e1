/** The file door's public API: bytes → Grid, annotated copy, batch summary. Browser-safe (no fs). */
export { readWorkbook, SUPPORTED_EXTENSIONS, DEFAULT_READ_LIMITS } from './read';
export type { ReadInput, ReadResult, ReadSuccess, ReadFailure, ReadFailureReason, ReadLimits, WorkbookFormat } from './read';
export { annotateWorkbook } from './annotate';
export type { AnnotateInput } from './annotate';
export { buildSummaryWorkbook, SUMMARY_SHEET_NAME } from './summary';
export { RESULTS_SHEET_NAME } from './results-sheet';
export type { WorkbookBytes } from './bytes';
