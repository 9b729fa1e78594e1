import { Checkbox, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import type { Severity } from '../../core/finding';
import { SEVERITY_LABEL } from '../../taskpane/strings';
import { row } from '../../taskpane/spacing';

export type SeverityFilter = 'all' | Severity;

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', ...row(tokens.spacingHorizontalL, tokens.spacingVerticalXS) },
  count: { color: tokens.colorNeutralForeground2 },
  // On a narrow screen the options wrap as wholes: a label is never squeezed to a character per line.
  severities: { flexWrap: 'wrap', maxWidth: '100%', '& label': { whiteSpace: 'nowrap' } },
});

export interface FindingFiltersProps {
  readonly severity: SeverityFilter;
  readonly onSeverity: (s: SeverityFilter) => void;
  /** 只看有问题的: absent where every row is a problem already (a finding list). */
  readonly onlyProblems?: boolean;
  readonly onOnlyProblems?: (on: boolean) => void;
  readonly shown: number;
  readonly total: number;
  /** What is counted: 个工作簿, 个问题. */
  readonly unit: string;
}

/** 严重程度 全部/错误/警告/提示, 只看有问题的, and how many rows are shown. Screen only (not printed). */
export function FindingFilters({ severity, onSeverity, onlyProblems, onOnlyProblems, shown, total, unit }: FindingFiltersProps) {
  const s = useStyles();
  return (
    <div className={s.root} role="group" aria-label="筛选" data-testid="filters" data-print="hide">
      <RadioGroup className={s.severities} layout="horizontal" value={severity} onChange={(_, d) => onSeverity(d.value as SeverityFilter)} aria-label="严重程度">
        <Radio value="all" label="全部" />
        {(['error', 'warning', 'info'] as const).map((v) => (
          <Radio key={v} value={v} label={SEVERITY_LABEL[v]} />
        ))}
      </RadioGroup>
      {onOnlyProblems && <Checkbox checked={onlyProblems ?? false} label="只看有问题的" onChange={(_, d) => onOnlyProblems(d.checked === true)} />}
      <Text className={s.count} size={200} data-testid="filter-count">
        显示 {shown} / {total} {unit}
      </Text>
    </div>
  );
}
