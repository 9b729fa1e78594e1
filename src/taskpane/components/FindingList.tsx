import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { SEVERITIES, type Finding, type Severity } from '../../core/finding';
import { SEVERITY_LABEL } from '../../report/severity';
import { FindingItem } from './FindingItem';
import { AckControl } from './AckControl';
import { SeverityBadge } from './SeverityBadge';
import { row, stack } from '../spacing';
import { T } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', ...stack(tokens.spacingVerticalL) },
  sheet: { display: 'flex', flexDirection: 'column', ...stack(tokens.spacingVerticalS) },
  sheetHead: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    ...row(tokens.spacingHorizontalS),
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  sevHead: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  fold: { display: 'flex', flexDirection: 'column', ...stack(tokens.spacingVerticalS) },
  foldHead: { cursor: 'pointer', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} 0` },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', ...stack(tokens.spacingVerticalS) },
});

export interface FindingGroup {
  readonly sheet: string;
  readonly bySeverity: ReadonlyArray<{ readonly severity: Severity; readonly findings: readonly Finding[] }>;
  readonly count: number;
}

/** Groups findings by sheet (workbook order, unknown sheets last) and then by severity. */
export function groupFindings(findings: readonly Finding[], sheetOrder: readonly string[]): FindingGroup[] {
  const sheets = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = sheets.get(f.sheet);
    if (list) list.push(f);
    else sheets.set(f.sheet, [f]);
  }
  const rank = (name: string) => {
    const i = sheetOrder.indexOf(name);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...sheets.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([sheet, list]) => ({
      sheet,
      count: list.length,
      bySeverity: SEVERITIES.map((severity) => ({ severity, findings: list.filter((f) => f.severity === severity) })).filter(
        (g) => g.findings.length > 0,
      ),
    }));
}

export interface FindingListProps {
  readonly findings: readonly Finding[];
  readonly sheetOrder: readonly string[];
  /** `Sheet!A1` of the selected finding's cell. */
  readonly selected: string | null;
  readonly onSelect: (f: Finding) => void;
  /** The panes: explain (已说明) or withdraw; absent where the workbook cannot be written (the page). */
  readonly ack?: { readonly busy: boolean; readonly onAcknowledge: (f: Finding, reason: string) => void; readonly onWithdraw: (f: Finding) => void };
}

/** Findings grouped by sheet and severity; each is a button that selects its cell. */
export function FindingList({ findings, sheetOrder, selected, onSelect, ack }: FindingListProps) {
  const s = useStyles();
  const groups = useMemo(() => groupFindings(findings, sheetOrder), [findings, sheetOrder]);
  return (
    <div className={s.root} data-testid="findings">
      {groups.map((g) => (
        <section key={g.sheet} className={s.sheet} aria-label={`工作表 ${g.sheet}`} data-group-sheet={g.sheet}>
          <h3 className={s.sheetHead}>
            <span>{g.sheet}</span>
            {g.bySeverity.map((b) => (
              <SeverityBadge key={b.severity} severity={b.severity} count={b.findings.length} />
            ))}
          </h3>
          {g.bySeverity.map((b) => {
            const items = (
              <ul className={s.list}>
                {b.findings.map((f, i) => (
                  <li key={`${f.ruleId}:${f.cell}:${i}`}>
                    <FindingItem finding={f} selected={selected === `${f.sheet}!${f.cell}`} onSelect={onSelect} />
                    {/* 提示 need no change, so nothing to explain (说明原因) either. */}
                    {ack && f.severity !== 'info' && <AckControl finding={f} busy={ack.busy} onAcknowledge={ack.onAcknowledge} onWithdraw={ack.onWithdraw} />}
                  </li>
                ))}
              </ul>
            );
            // 提示 fold under one line, so seventeen of them never bury two warnings; a selected
            // one (from the sheet) opens its fold.
            if (b.severity === 'info') {
              const open = b.findings.some((f) => selected === `${f.sheet}!${f.cell}`);
              return (
                <details key={b.severity} className={s.fold} data-testid="infos-fold" open={open || undefined}>
                  <summary className={s.foldHead}>{T.infosFolded(b.findings.length)}</summary>
                  {items}
                </details>
              );
            }
            return (
              <div key={b.severity}>
                <h4 className={s.sevHead}>
                  {SEVERITY_LABEL[b.severity]}（{b.findings.length}）
                </h4>
                {items}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
