export { ExcelHost, type ExcelHostOptions } from './adapter';
export { globalExcelApi, probeCaps, type ExcelApi, type ExcelCaps } from './api';
export { fillFromCellProperties, fillFromColor, type ExcelFill } from './fill';
export { sheetGridFromUsedRange, splitAreas, addressWithoutSheet } from './read';
export { OfficeSettingsStore } from './store';
export { SyncMeter, DEFAULT_SYNC_TIMEOUT_MS } from './sync';
