/**
 * How much the file door agrees to read before it gives up with a clear message. Every limit
 * is checked on what the file really holds *before* ExcelJS or SheetJS builds anything
 * (package-scan.ts measures a package as it inflates and stops at the first limit passed), so a
 * hostile or damaged file costs a bounded amount of time and memory. The same figures are
 * listed in the README ("Limits").
 */
export interface ReadLimits {
  /** Largest file accepted, in bytes (.xlsx/.xlsm as stored, compressed). */
  readonly maxBytes: number;
  /** Largest .xls (BIFF, or HTML/XML saved as .xls): it is not compressed, so its size bounds its cells. */
  readonly maxXlsBytes: number;
  /**
   * Most cells the parser will create across all sheets: stored cells plus the cells every
   * merged area covers (ExcelJS makes an object for each covered cell).
   */
  readonly maxCells: number;
  /** Largest total size of an .xlsx package's parts as they actually inflate (zip bombs, lying headers). */
  readonly maxUncompressedBytes: number;
  /** Most parts (entries) in a package. */
  readonly maxParts: number;
  /** Most merged areas in one sheet (ExcelJS checks each new merge against all earlier ones). */
  readonly maxMergesPerSheet: number;
  /** Longest text of one cell or shared string: Excel's own limit is 32,767 characters. */
  readonly maxStringLength: number;
  /** Longest number format code: Excel's own limit is 255 characters. */
  readonly maxNumberFormatLength: number;
  /** Most rows read from one sheet of an .xls (SheetJS `sheetRows`); a sheet with more is refused. */
  readonly maxXlsRows: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxXlsBytes: 20 * 1024 * 1024,
  maxCells: 1_000_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxParts: 10_000,
  maxMergesPerSheet: 10_000,
  maxStringLength: 32_767,
  maxNumberFormatLength: 255,
  maxXlsRows: 100_000,
};

/** Excel's grid: a cell, merge or dimension past XFD1048576 is damage, not content. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export function withDefaultLimits(partial?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...partial };
}
