export { WpsHost, type WpsHostOptions } from './adapter';
export { bgrToHex, hexToBgr } from './color';
export { snapshotInterior, restoreInterior, type WpsFill } from './fill';
export { globalWpsApplication, xlNone, xlSolid, xlSheetVeryHidden, COM_ERRORS } from './om';
export { readSheet, to2D, normalizeFormat } from './read';
export { HiddenSheetStore, STORE_SHEET } from './store';
