/** Every piece of text the task pane and the page show, in Simplified Chinese, in one place. */
import type { Severity } from '../core/finding';
import type { HostKind } from '../host/types';

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export const T = {
  appTitle: '自评表核对',
  check: '核对',
  recheck: '重新核对',
  clearMarks: '清除标记',
  recalc: '一键重算',
  undoRecalc: '撤销重算',
  // Excel's undo stack does not hold add-in writes; whether WPS's holds JSAPI writes is unconfirmed.
  undoNote: (host: HostKind) =>
    host === 'excel'
      ? 'Excel 自带的“撤销”（Ctrl+Z）不能撤销加载项写入的内容；如需恢复，请点“撤销重算”。'
      : 'WPS 自带的“撤销”（Ctrl+Z）不一定能撤销加载项写入的内容；如需恢复，请点“撤销重算”。',
  marksNote: '表内标色会随工作簿一起保存；提交前如不需要，请先点“清除标记”。',
  idleTitle: '准备就绪',
  idleBody: '打开填好的自评表工作簿（附件2 基础数据表、附件3 自评表，或项目支出绩效自评表），点击“核对”。',
  reading: '正在读取工作簿…',
  checking: '正在核对…',
  planning: '正在计算重算结果…',
  painting: '正在标记单元格…',
  clearing: '正在清除标记…',
  writing: '正在写入重算结果…',
  undoing: '正在撤销重算…',
  explaining: '正在保存说明…',
  follow: '修改单元格后自动重新核对',
  followUnavailable: '此版本的 Excel 不能通知单元格修改（需 ExcelApi 1.7），请修改后点“重新核对”',
  ackBadge: '已说明',
  ackOpen: '说明原因…',
  ackLabel: '说明理由（必填，随工作簿保存，审核人可见）',
  ackPlaceholder: '例如：该指标年中经批准调整，调整文件已报备',
  ackSave: '标为已说明',
  ackWithdraw: '撤销说明',
  ackRequired: '请填写说明理由。',
  ackDone: '已保存说明：该问题标为“已说明”，理由随工作簿保存；相关单元格改动后说明自动失效。',
  ackWithdrawn: '已撤销说明。',
  ackGone: '该问题在重新读取后已不存在（表格已改动），未保存说明。',
  ackErrorsNote: '错误不能标为“已说明”，请改正。',
  noProblems: '未发现问题',
  noProblemsBody: '两张表的计算与评分均一致。',
  unrecognisedTitle: '未识别到自评表模板',
  missingAnchors: '没有找到以下标志性内容：',
  protectedTitle: '工作表受保护，仅列出问题不标色',
  limitationsTitle: '此版本的部分功能不可用',
  notPainted: '部分问题未在表内标记',
  protectedSheets: (names: readonly string[]) => `受保护的工作表：${names.join('、')}。`,
  hostErrorTitle: '操作未完成',
  enteredTotal: '填报总分',
  recomputedTotal: '重算总分',
  grade: '重算等次',
  gradeNote: '按重算总分评定的等次',
  findingsTitle: '核对结果',
  entered: '填报值',
  expected: '应为',
  blank: '（空）',
  inputs: '依据单元格',
  explanation: '计算过程',
  countsLabel: (e: number, w: number, i: number) => `错误 ${e} 个，警告 ${w} 个，提示 ${i} 个`,
  recalcTitle: '一键重算：确认写入',
  recalcIntro: (n: number) => `将改写以下 ${n} 个单元格（填报值 → 重算值）。确认后才写入表格。`,
  recalcNone: '没有可以自动重算的单元格。',
  recalcIntroChoose: (rows: number, n: number) =>
    `以下 ${rows} 处可按规则重算（填报值 → 重算值），已勾选的 ${n} 处将写入表格；取消勾选的保留填报值，其上的合计按实际写入后的数值重算。确认后才写入。`,
  recalcWrite: '写入',
  recalcItem: '指标',
  recalcKept: '不改（保留填报值）',
  recalcNoChange: '无需改动',
  recalcConfirmN: (n: number) => `确认写入 ${n} 处`,
  recalcUndoHint: (host: HostKind) =>
    host === 'excel'
      ? '写入后可点“撤销重算”恢复原值；Excel 自带的撤销（Ctrl+Z）不能撤销加载项写入的内容。'
      : '写入后可点“撤销重算”恢复原值；WPS 自带的撤销（Ctrl+Z）不一定能撤销加载项写入的内容。',
  recalcConfirm: '确认写入',
  cancel: '取消',
  cell: '单元格',
  recomputed: '重算值',
  recalcDone: (n: number) => `已写入 ${n} 个单元格，并重新核对。`,
  undoDone: '已恢复重算前的数值和填充。',
  undoPartial: (restored: number, edited: readonly string[], gone: readonly string[]) =>
    [
      `已恢复 ${restored} 个单元格。`,
      edited.length ? `以下单元格在重算后又被修改过，已保留现有内容：${edited.join('、')}。` : '',
      gone.length ? `工作表“${gone.join('”“')}”已改名或删除，其中的单元格无法恢复。` : '',
    ].join(''),
  cleared: '已清除全部标记，单元格恢复原有填充。',
  selectFailed: '无法跳转到该单元格：',
  notInOffice: '请在 Excel 或 WPS 表格中打开此窗格。没有加载项权限时，可使用网页版（index.html）。',
} as const;
