/**
 * Why a file could not be read, as a value (never a thrown exception), with a Simplified
 * Chinese message that names the file and says what the clerk can do about it.
 */
export type ReadFailureReason =
  | 'unsupported-extension'
  | 'too-large'
  | 'text-file'
  | 'not-a-workbook'
  | 'corrupt'
  | 'encrypted'
  | 'empty';

export interface ReadFailure {
  readonly ok: false;
  readonly reason: ReadFailureReason;
  readonly message: string;
}

export function readFailure(reason: ReadFailureReason, message: string): ReadFailure {
  return { ok: false, reason, message };
}

const MB = 1024 * 1024;

function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(1).replace(/\.0$/, '');
}

export const failures = {
  unsupportedExtension: (name: string, ext: string): ReadFailure =>
    readFailure(
      'unsupported-extension',
      `“${name}”的文件类型（${ext || '无扩展名'}）不受支持：只能核对 .xlsx、.xlsm 和 .xls 工作簿。`,
    ),
  tooManyBytes: (name: string, size: number, limit: number): ReadFailure =>
    readFailure(
      'too-large',
      `“${name}”太大（${megabytes(size)} MB），超过 ${megabytes(limit)} MB 的上限，未核对。请删去无关的工作表或另存为较小的文件后再试。`,
    ),
  tooManyUncompressedBytes: (name: string, limit: number): ReadFailure =>
    readFailure(
      'too-large',
      `“${name}”解压后超过 ${megabytes(limit)} MB 的上限，未核对。请删去无关的工作表后再试。`,
    ),
  tooManyCells: (name: string, limit: number): ReadFailure =>
    readFailure(
      'too-large',
      `“${name}”的非空单元格超过 ${limit.toLocaleString('en-US')} 个的上限，未核对。请删去无关的工作表后再试。`,
    ),
  zeroBytes: (name: string): ReadFailure => readFailure('empty', `“${name}”是空文件（0 字节），没有可核对的内容。`),
  emptyWorkbook: (name: string): ReadFailure =>
    readFailure('empty', `“${name}”是空工作簿：所有工作表都没有填写内容。`),
  encrypted: (name: string): ReadFailure =>
    readFailure(
      'encrypted',
      `“${name}”文件已加密（设有打开密码），无法读取。请在 Excel 或 WPS 中用密码打开，取消打开密码后另存，再核对。`,
    ),
  textFile: (name: string): ReadFailure =>
    readFailure(
      'text-file',
      `“${name}”是文本文件（例如 CSV 或网页），不是 Excel 工作簿，只是扩展名像工作簿。请在 Excel 或 WPS 中打开后另存为 .xlsx 再核对。`,
    ),
  zipNotWorkbook: (name: string): ReadFailure =>
    readFailure(
      'not-a-workbook',
      `“${name}”是压缩包（可能是 Word 文档或其他文件），其中没有 Excel 工作簿内容。`,
    ),
  oleNotWorkbook: (name: string): ReadFailure =>
    readFailure(
      'not-a-workbook',
      `“${name}”是 Office 文件，但其中没有 Excel 工作簿内容（可能是 Word 文档或其他文件）。`,
    ),
  corrupt: (name: string, detail?: string): ReadFailure =>
    readFailure(
      'corrupt',
      `“${name}”已损坏或不是 Excel 工作簿，无法读取${detail ? `（${detail}）` : ''}。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再核对。`,
    ),
};
