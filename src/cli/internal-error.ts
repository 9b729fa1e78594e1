/** A failure nobody expected, in Chinese with the file's name. */
import { baseName } from '../host/file/bytes';

/**
 * The library's own words are not shown (they are English and mean nothing to a clerk); with
 * SELFEVAL_DEBUG=1 in the environment they follow, for whoever maintains the tool.
 */
export function internalError(path: string, e: unknown): string {
  const detail = process.env.SELFEVAL_DEBUG ? `（${e instanceof Error ? e.message : String(e)}）` : '';
  return `处理“${baseName(path)}”时出现内部错误，未能完成${detail}。请在 Excel 或 WPS 中打开该文件另存后再试；仍不行请告知维护者。`;
}
