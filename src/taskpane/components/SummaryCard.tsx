import { Card, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { Report } from '../../core/report';
import { SEVERITIES } from '../../core/finding';
import { T } from '../strings';
import { SeverityBadge } from './SeverityBadge';
import { grid, row, stack } from '../spacing';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', ...stack(tokens.spacingVerticalS) },
  who: { color: tokens.colorNeutralForeground2 },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', ...grid('0px', tokens.spacingHorizontalM), margin: 0 },
  figure: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  differs: { color: tokens.colorPaletteRedForeground3 },
  counts: { display: 'flex', flexWrap: 'wrap', ...row(tokens.spacingHorizontalS, tokens.spacingVerticalXS) },
});

const DASH = '—';

export interface SummaryCardProps {
  readonly report: Report;
}

/** 填报总分 vs 重算总分, 等次, and the counts by severity. */
export function SummaryCard({ report }: SummaryCardProps) {
  const s = useStyles();
  const { summary } = report;
  const differs =
    summary.enteredTotal !== null && summary.recomputedTotal !== null && Number(summary.enteredTotal) !== Number(summary.recomputedTotal);
  const counts = { error: summary.errors, warning: summary.warnings, info: summary.infos } as const;
  const who = [report.department, report.project, report.year ? `${report.year} 年度` : null].filter(Boolean).join(' · ');
  return (
    <Card className={s.card} aria-label="核对摘要" data-testid="summary">
      {who && <Text className={s.who}>{who}</Text>}
      <dl className={s.figures}>
        <div className={s.figure}>
          <dt className={s.term}>{T.enteredTotal}</dt>
          <dd className={s.value} data-testid="entered-total">
            {summary.enteredTotal ?? DASH}
          </dd>
        </div>
        <div className={s.figure}>
          <dt className={s.term}>{T.recomputedTotal}</dt>
          <dd className={mergeClasses(s.value, differs && s.differs)} data-testid="recomputed-total">
            {summary.recomputedTotal ?? DASH}
          </dd>
        </div>
        <div className={s.figure}>
          <dt className={s.term} title={T.gradeNote}>
            {T.grade}
          </dt>
          <dd className={s.value} data-testid="grade">
            {summary.grade ?? DASH}
          </dd>
        </div>
      </dl>
      <div className={s.counts} aria-label={T.countsLabel(summary.errors, summary.warnings, summary.infos)} role="group">
        {SEVERITIES.map((sev) => (
          <SeverityBadge key={sev} severity={sev} count={counts[sev]} />
        ))}
        {(summary.acknowledged ?? 0) > 0 && (
          <Text className={s.who} data-testid="acknowledged-count">
            其中{T.ackBadge} {summary.acknowledged}
          </Text>
        )}
      </div>
    </Card>
  );
}
