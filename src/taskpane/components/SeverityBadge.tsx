import { Badge, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { Severity } from '../../core/finding';
import { SEVERITY_LABEL } from '../../report/severity';
import { SEVERITY_COLORS } from '../theme';

const useStyles = makeStyles({
  base: { fontWeight: tokens.fontWeightSemibold, flexShrink: 0 },
  error: { backgroundColor: SEVERITY_COLORS.error.fill, color: SEVERITY_COLORS.error.ink, ...shorthands.borderColor(SEVERITY_COLORS.error.ink) },
  warning: { backgroundColor: SEVERITY_COLORS.warning.fill, color: SEVERITY_COLORS.warning.ink, ...shorthands.borderColor(SEVERITY_COLORS.warning.ink) },
  info: { backgroundColor: SEVERITY_COLORS.info.fill, color: SEVERITY_COLORS.info.ink, ...shorthands.borderColor(SEVERITY_COLORS.info.ink) },
  zero: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    ...shorthands.borderColor(tokens.colorNeutralStroke1),
    fontWeight: tokens.fontWeightRegular,
  },
});

export interface SeverityBadgeProps {
  readonly severity: Severity;
  /** Shown after the label, e.g. a count. */
  readonly count?: number;
}

/** 错误 / 警告 / 提示 in the cell-highlight colours, so the list and the sheet match. */
export function SeverityBadge({ severity, count }: SeverityBadgeProps) {
  const s = useStyles();
  const text = count === undefined ? SEVERITY_LABEL[severity] : `${SEVERITY_LABEL[severity]} ${count}`;
  return (
    <Badge
      appearance="outline"
      shape="rounded"
      className={mergeClasses(s.base, count === 0 ? s.zero : s[severity])}
      data-badge-severity={severity}
    >
      {text}
    </Badge>
  );
}
