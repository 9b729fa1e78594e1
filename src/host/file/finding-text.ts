/** Chinese wording of findings shared by the cell notes and the results sheet. */
import type { Finding } from '../../core/finding';
import { SEVERITY_LABEL } from '../../report/severity';

/** `【错误】message` followed by the explanation and the expected value, one per line. */
export function describeFinding(f: Finding): string {
  const lines = [`【${SEVERITY_LABEL[f.severity]}${f.acknowledged ? '·已说明' : ''}】${f.message}`];
  if (f.explanation) lines.push(`计算：${f.explanation}`);
  if (f.expected !== null && !f.message.includes(f.expected)) lines.push(`应为：${f.expected}`);
  if (f.acknowledged) lines.push(`已说明：${f.acknowledged.reason}`);
  return lines.join('\n');
}

/** The note on a cell: every finding on it, numbered when there are several. */
export function noteText(findings: readonly Finding[]): string {
  const head = '自评表核对：';
  if (findings.length === 1) return `${head}\n${describeFinding(findings[0]!)}`;
  return [head, ...findings.map((f, i) => `${i + 1}. ${describeFinding(f)}`)].join('\n');
}
