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
  withheld: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, color: tokens.colorNeutralForeground3 },
  gradeLine: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  gradeWarn: { color: tokens.colorPaletteDarkOrangeForeground2, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  counts: { display: 'flex', flexWrap: 'wrap', ...row(tokens.spacingHorizontalS, tokens.spacingVerticalXS) },
});

const DASH = '—';

/** A stated grade written out (`优秀`, `良好`) agrees with the recomputed one (`优`, `良`). */
function gradeAgrees(stated: string, grade: string): boolean {
  return stated.replace(/\s+/g, '').startsWith(grade);
}

export interface SummaryCardProps {
  readonly report: Report;
}

/**
 * 填报总分 vs 重算总分, 重算等次 (or why the rules give none) beside the 填报等次 the form
 * states, and the counts by severity.
 */
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
          <dd className={summary.grade ? s.value : s.withheld} data-testid="grade" data-withheld={summary.gradeWithheld ? 'true' : undefined}>
            {summary.grade ?? (summary.gradeWithheld ? T.gradeWithheldShort : DASH)}
          </dd>
        </div>
      </dl>
      {summary.gradeWithheld && (
        <Text className={s.gradeWarn} data-testid="grade-withheld">
          {summary.gradeWithheld}
        </Text>
      )}
      {report.statedGrade && (
        <Text className={s.gradeLine} data-testid="stated-grade">
          {T.statedGrade}：{report.statedGrade}
          {summary.grade && !gradeAgrees(report.statedGrade, summary.grade) ? T.statedGradeDiffers(summary.grade) : ''}
        </Text>
      )}
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
