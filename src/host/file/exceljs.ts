/**
 * ExcelJS through its own "bare" entry (lib/exceljs.bare.js: Workbook and the enums). The
 * package's main entry also loads the streaming reader and writer, with unzipper, archiver and
 * their polyfills, which we never use: that is half of ExcelJS's load time, paid by every CLI
 * process and every check worker (issue 11). The page's worker bundle aliases `exceljs` to the
 * same file (webpack.config.js). Types still come from the package.
 */
import type * as ExcelJS from 'exceljs';

const bare = require('exceljs/lib/exceljs.bare.js') as Pick<typeof ExcelJS, 'Workbook' | 'ValueType'>;

export const Workbook = bare.Workbook;
export type Workbook = ExcelJS.Workbook;
export const ValueType = bare.ValueType;
export type ValueType = ExcelJS.ValueType;
