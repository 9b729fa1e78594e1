/**
 * Node's file-system errors in Chinese: their own messages (`EACCES: permission denied, open …`)
 * never reach the user. Unknown codes are wrapped as 内部错误 with the code, never shown raw.
 */
const BY_CODE: Readonly<Record<string, string>> = {
  ENOENT: '文件或文件夹不存在',
  EACCES: '没有访问权限',
  EPERM: '操作不被允许（没有权限或文件被锁定）',
  EISDIR: '这是一个文件夹，不是文件',
  ENOTDIR: '路径中有一段不是文件夹',
  EEXIST: '同名文件已存在',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘配额已用完',
  EROFS: '所在磁盘是只读的',
  EBUSY: '文件正被其他程序使用',
  EMFILE: '同时打开的文件过多',
  ENFILE: '同时打开的文件过多',
  ENAMETOOLONG: '文件名或路径过长',
  ELOOP: '符号链接层数过多（可能指向自身）',
  EXDEV: '不能跨磁盘移动文件',
  EIO: '磁盘读写出错',
};

export function fsErrorMessage(e: unknown): string {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code?: unknown }).code) : '';
  const known = BY_CODE[code];
  if (known) return known;
  // Our own refusals (OutputRefused) are already Chinese.
  if (e instanceof Error && !code && /[\u4e00-\u9fff]/.test(e.message)) return e.message;
  return `内部错误（${code || (e instanceof Error ? e.name : '未知')}）`;
}
