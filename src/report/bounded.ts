/**
 * A report bounded in size whatever the workbook holds. A 60 KB workbook whose thousands of
 * rows share one 30,000-character text would otherwise give a report of gigabytes (the text in
 * every finding's message, entered value, explanation and inputs), and a batch of them would
 * exhaust the process that collects the reports. So before a report leaves the worker that
 * made it:
 * * every text is cut at REPORT_TEXT_CAP characters, the cut said in the text itself
 *   (`…（已截断，原文 30000 字）`); a finding's own texts were cut at TEXT_CAP already when it
 *   was made (core/text-cap.ts), so this cut is for texts that came another way (单位, 已说明
 *   reasons, sheet names) and for messages quoting several long texts;
 * * a finding's `inputs` list keeps its first INPUTS_CAP cells and says how many there were;
 * * at most FINDINGS_CAP findings are listed, errors first, then warnings, then infos (each in the
 *   engine's order); the summary still counts every finding, and every door says how many were
 *   not listed (labels.ts, notListedLine).
 * A real form's texts and findings are far below these caps, so its report is unchanged.
 */
import type { Finding } from '../core/finding';
import type { Report } from '../core/report';
import { capText, TEXT_CAP } from '../core/text-cap';

export { capText, TEXT_CAP } from '../core/text-cap';

/** Longest text in a bounded report: room for a message quoting a text cut at TEXT_CAP, and more. */
export const REPORT_TEXT_CAP = 4 * TEXT_CAP;
/** Most cells listed in one finding's inputs. */
export const INPUTS_CAP = 200;
/** Most findings listed in one report. */
export const FINDINGS_CAP = 500;

/** `capText` over every string of plain data (objects and arrays), the rest as it is. */
function capDeep<T>(value: T): T {
  if (typeof value === 'string') return capText(value, REPORT_TEXT_CAP) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => capDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = capDeep(v);
    return out as T;
  }
  return value;
}

function boundFinding(f: Finding): Finding {
  const inputs =
    f.inputs.length > INPUTS_CAP ? [...f.inputs.slice(0, INPUTS_CAP), `…（共读取 ${f.inputs.length} 个单元格，此处只列出前 ${INPUTS_CAP} 个）`] : f.inputs;
  return capDeep({ ...f, inputs });
}

const SEVERITY_ORDER = ['error', 'warning', 'info'] as const;

/** At most FINDINGS_CAP findings, errors before warnings before infos, each kept in its original order. */
function listedFindings(findings: readonly Finding[]): readonly Finding[] {
  if (findings.length <= FINDINGS_CAP) return findings;
  const keep = new Set<Finding>();
  for (const severity of SEVERITY_ORDER) {
    for (const f of findings) {
      if (keep.size >= FINDINGS_CAP) break;
      if (f.severity === severity) keep.add(f);
    }
  }
  return findings.filter((f) => keep.has(f));
}

/** The report with every text capped and at most FINDINGS_CAP findings listed (see above). */
export function boundReport(report: Report): Report {
  const findings = listedFindings(report.findings).map(boundFinding);
  const { findings: _all, ...rest } = report;
  return { ...capDeep(rest), findings } as Report;
}

/** How many findings a report counts but does not list (FINDINGS_CAP, or --quiet). */
export function findingsNotListed(report: Report): number {
  const s = report.summary;
  return Math.max(0, s.errors + s.warnings + s.infos - report.findings.length);
}
