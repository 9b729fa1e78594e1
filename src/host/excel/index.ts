export { ExcelHost, type ExcelHostOptions } from './adapter';
export { globalExcelApi, probeCaps, type ExcelApi, type ExcelCaps } from './api';
export { LAYER, MARK_FORMULA, RECALC_FORMULA, cellRuns, type ExcelMark } from './marks';
export { capLimitations } from './api';
export { sheetGridFromUsedRange, splitAreas, addressWithoutSheet } from './read';
export { OfficeSettingsStore } from './store';
export { SyncMeter, DEFAULT_SYNC_TIMEOUT_MS } from './sync';
