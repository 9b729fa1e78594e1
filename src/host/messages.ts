/** The Chinese messages of the host adapters, and the error for marks a protected sheet kept. */
import { HostError } from './types';

export const MSG = {
  protectedSkipped: (sheet: string) => `工作表“${sheet}”受保护，未在表内标记；请在核对结果列表中查看该表的问题。`,
  missingSkipped: (sheet: string) => `找不到工作表“${sheet}”（可能已改名或删除），其问题未在表内标记。`,
  protectedWrite: (sheet: string) => `工作表“${sheet}”受保护，无法写入。请先在“审阅”中撤销工作表保护，再重试。`,
  protectedRestore: (sheet: string) => `工作表“${sheet}”受保护，无法恢复其单元格原有填充色。请先撤销工作表保护，再点“清除标记”。`,
  missingSheet: (sheet: string) => `找不到工作表“${sheet}”，可能已改名或删除。请重新核对。`,
  nothingToUndo: () => '没有可撤销的重算。',
  noWorkbook: () => '没有打开的工作簿。请先打开要核对的自评表。',
  cellEdit: () => '表格正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。',
  timeout: (seconds: number) => `表格在 ${seconds} 秒内没有响应，操作已中止。请稍后重试；如表格很大，可先关闭其他工作簿。`,
  hostFailed: (host: string, code: string, message: string) => `${host} 操作失败（${code}）：${message}`,
} as const;

/** Marks left on sheets that became protected cannot be cleared: say which, after clearing the rest. */
export function throwIfMarksKept(kept: ReadonlyArray<{ readonly sheet: string }>): void {
  if (kept.length === 0) return;
  const sheets = [...new Set(kept.map((e) => e.sheet))];
  throw new HostError('protected-sheet', sheets.map(MSG.protectedRestore).join('\n'), undefined, undefined, sheets[0]);
}
