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

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `工作表“附件3”` when the sheet is known, else the package part (`xl/worksheets/sheet3.xml`). */
export interface Place {
  readonly sheet?: string | undefined;
  readonly part?: string | undefined;
  readonly cell?: string | undefined;
}

export function describePlace(p: Place): string {
  const where = p.sheet !== undefined ? `工作表“${p.sheet}”` : p.part !== undefined ? `部件“${p.part}”` : '';
  return p.cell ? `${where}的 ${p.cell} 单元格` : where;
}

const TOO_LARGE_ADVICE = '未核对。请删去无关的工作表或内容，另存后再试。';
const DAMAGED_ADVICE = '请在 Excel 或 WPS 中打开，确认内容完整后另存为 .xlsx 再核对。';

function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(1).replace(/\.0$/, '');
}

export const failures = {
  unsupportedExtension: (name: string, ext: string): ReadFailure =>
    readFailure(
      'unsupported-extension',
      `“${name}”的文件类型（${ext || '无扩展名'}）不受支持：只能核对 .xlsx、.xlsm、.xls 工作簿和 .docx 自评报告。`,
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
  tooManyCells: (name: string, limit: number, place?: Place): ReadFailure =>
    readFailure(
      'too-large',
      `“${name}”${place ? `的${describePlace(place)}` : ''}的单元格超过 ${count(limit)} 个的上限（含合并区域覆盖的单元格），${TOO_LARGE_ADVICE}`,
    ),
  mergeTooLarge: (name: string, place: Place, ref: string, cells: number, limit: number): ReadFailure =>
    readFailure(
      'too-large',
      `“${name}”的${describePlace(place)}有一个合并区域 ${ref} 覆盖 ${count(cells)} 个单元格，加上其他单元格超过 ${count(limit)} 个的上限，未核对。正常的表格不会合并到数据以外；请取消该合并后另存再试。`,
    ),
  tooManyMerges: (name: string, place: Place, limit: number): ReadFailure =>
    readFailure(
      'too-large',
      `“${name}”的${describePlace(place)}有超过 ${count(limit)} 个合并区域，超过上限，${TOO_LARGE_ADVICE}`,
    ),
  stringTooLong: (name: string, place: Place, length: number, limit: number): ReadFailure =>
    readFailure(
      'too-large',
      `“${name}”的${describePlace(place)}有一段文本长 ${count(length)} 个字符，超过 ${count(limit)} 个字符的上限（Excel 单元格最多容纳 ${count(32_767)} 个字符），未核对。文件可能已损坏或被改动。`,
    ),
  numberFormatTooLong: (name: string, length: number, limit: number): ReadFailure =>
    readFailure(
      'too-large',
      `“${name}”中有一个数字格式长 ${count(length)} 个字符，超过 ${count(limit)} 个字符的上限（Excel 自身的上限），未核对。文件可能已损坏或被改动。`,
    ),
  tooManyParts: (name: string, limit: number): ReadFailure =>
    readFailure('too-large', `“${name}”的压缩包中有超过 ${count(limit)} 个部件，超过上限，${TOO_LARGE_ADVICE}`),
  tooManyRows: (name: string, place: Place, limit: number): ReadFailure =>
    readFailure('too-large', `“${name}”的${describePlace(place)}超过 ${count(limit)} 行的上限，${TOO_LARGE_ADVICE}`),
  outsideGrid: (name: string, place: Place, ref: string): ReadFailure =>
    readFailure(
      'corrupt',
      `“${name}”已损坏：${describePlace(place)}中的地址 ${ref} 超出了 Excel 工作表的范围（最大 XFD1048576）。${DAMAGED_ADVICE}`,
    ),
  doctype: (name: string, place: Place): ReadFailure =>
    readFailure(
      'corrupt',
      `“${name}”${place.sheet !== undefined || place.part !== undefined ? `的${describePlace(place)}` : ''}含有 DTD（文档类型或实体声明）。Excel 保存的工作簿从不包含 DTD，这类文件可能是恶意构造的（如“实体膨胀”攻击），出于安全原因未读取。`,
    ),
  sizeMismatch: (name: string, part: string): ReadFailure =>
    readFailure(
      'corrupt',
      `“${name}”已损坏：压缩包中“${part}”解压后的实际大小与文件头记录的不符（文件头损坏或被篡改），未读取。${DAMAGED_ADVICE}`,
    ),
  damagedPart: (name: string, place: Place, why: string): ReadFailure =>
    readFailure('corrupt', `“${name}”已损坏：${describePlace(place)}${why}。${DAMAGED_ADVICE}`),
  missingSheet: (name: string, sheet: string, part: string | undefined): ReadFailure =>
    readFailure(
      'corrupt',
      `“${name}”已损坏：工作簿列出了工作表“${sheet}”，但文件中没有它的内容${part ? `（缺少部件 ${part}）` : ''}，无法核对。${DAMAGED_ADVICE}`,
    ),
  missingPart: (name: string, part: string): ReadFailure =>
    readFailure('corrupt', `“${name}”已损坏：文件中缺少工作簿列出的部件 ${part}，无法核对。${DAMAGED_ADVICE}`),
  truncatedZip: (name: string): ReadFailure =>
    readFailure(
      'corrupt',
      `“${name}”已损坏：压缩包结构不完整（文件可能在下载或复制时被截断），无法读取。请重新获取原文件后再核对。`,
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
  otherFormat: (name: string, what: string): ReadFailure =>
    readFailure('not-a-workbook', `“${name}”是${what}，不是 Excel 工作簿（只是扩展名像工作簿），无法核对。请提交 Excel 或 WPS 保存的 .xlsx 或 .xls 文件。`),
  oleNotWorkbook: (name: string): ReadFailure =>
    readFailure(
      'not-a-workbook',
      `“${name}”是 Office 文件，但其中没有 Excel 工作簿内容（可能是 Word 文档或其他文件）。`,
    ),
  legacyWord: (name: string): ReadFailure =>
    readFailure(
      'not-a-workbook',
      `“${name}”是旧版 Word 文档（.doc），无法直接读取其中的表格。请用 Word 或 WPS 另存为 .docx 后再核对。`,
    ),
  encryptedDocument: (name: string): ReadFailure =>
    readFailure(
      'encrypted',
      `“${name}”文档已加密（设有打开密码），无法读取。请在 Word 或 WPS 中用密码打开，取消打开密码后另存为 .docx，再核对。`,
    ),
  corruptDocument: (name: string, detail: string): ReadFailure =>
    readFailure(
      'corrupt',
      `“${name}”已损坏或不是完整的 Word 文档，无法读取（${detail}）。请在 Word 或 WPS 中打开并另存为 .docx 后再核对。`,
    ),
  documentWithoutTables: (name: string): ReadFailure =>
    readFailure('empty', `“${name}”是 Word 文档，但其中没有表格：自评报告需附上基础数据表和自评表。`),
  corrupt: (name: string, detail?: string): ReadFailure =>
    readFailure(
      'corrupt',
      `“${name}”已损坏或不是 Excel 工作簿，无法读取${detail ? `（${detail}）` : ''}。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再核对。`,
    ),
};

/**
 * A parser's English error (ExcelJS, JSZip, saxes, SheetJS, fflate) → a short Chinese detail
 * for `failures.corrupt`. Known messages are translated; any other is wrapped as the parser's
 * note, cut short, so no library text ever stands alone in front of a user.
 */
export function libraryDetail(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const m = raw.toLowerCase();
  const known: readonly (readonly [string, string])[] = [
    ['a cell needs a row', '单元格地址无效'],
    ['end of data reached', '压缩包数据不完整（文件可能被截断）'],
    ["can't find end of central directory", '压缩包结构不完整（文件可能被截断）'],
    ['corrupted zip', '压缩包已损坏'],
    ['uncompressed data size mismatch', '压缩包中部件的实际大小与记录不符'],
    ['invalid zip', '压缩包已损坏'],
    ['unexpected eof', '压缩数据不完整'],
    ['invalid block type', '压缩数据已损坏'],
    ['invalid length/literal', '压缩数据已损坏'],
    ['invalid distance', '压缩数据已损坏'],
    ['unknown compression', '压缩包使用了不支持的压缩方式'],
    ['unsupported file', '文件格式不受支持'],
    ['unrecognized', '文件格式无法识别'],
    ['password', '文件设有密码'],
    ['encrypt', '文件已加密'],
    ['unclosed tag', 'XML 标签未闭合'],
    ['unexpected close tag', 'XML 标签不匹配'],
    ['text data outside of root node', 'XML 结构错误'],
    ['disallowed character', 'XML 中含有不允许的字符'],
    ['undefined entity', 'XML 中含有未定义的实体'],
    ['unexpected end', 'XML 内容不完整'],
  ];
  for (const [needle, chinese] of known) if (m.includes(needle)) return chinese;
  const xml = /^(?:[^:]{0,200}:)?(\d{1,9}):(\d{1,9}): /.exec(raw);
  if (xml) return `XML 格式错误（第 ${xml[1]} 行第 ${xml[2]} 列）`;
  // Anything else is a library's own (English) words: never shown to a clerk. SELFEVAL_DEBUG=1
  // appends them for whoever maintains the tool (as internal-error.ts does).
  return `文件结构异常，无法解析${debugDetail(raw)}`;
}

function debugDetail(raw: string): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (!env?.['SELFEVAL_DEBUG']) return '';
  return `（${raw.length > 200 ? `${raw.slice(0, 200)}…` : raw}）`;
}

/** A part's first XML error, as a Chinese detail naming the sheet when it is known. */
export function xmlProblemDetail(problem: { part: string; line: number | null; column: number | null }, sheet: string | undefined): string {
  const where = sheet !== undefined ? `工作表“${sheet}”` : `部件 ${problem.part}`;
  const at = problem.line !== null ? `第 ${problem.line} 行第 ${problem.column ?? 0} 列` : '';
  return `${where}的 XML 格式错误${at ? `（${at}）` : ''}`;
}
