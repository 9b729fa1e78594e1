import { Badge, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { Severity } from '../../core/finding';
import { SEVERITY_FILL, SEVERITY_INK, SEVERITY_LABEL } from '../../report/severity';

const useStyles = makeStyles({
  base: { fontWeight: tokens.fontWeightSemibold, flexShrink: 0 },
  error: { backgroundColor: SEVERITY_FILL.error, color: SEVERITY_INK.error, ...shorthands.borderColor(SEVERITY_INK.error) },
  warning: { backgroundColor: SEVERITY_FILL.warning, color: SEVERITY_INK.warning, ...shorthands.borderColor(SEVERITY_INK.warning) },
  info: { backgroundColor: SEVERITY_FILL.info, color: SEVERITY_INK.info, ...shorthands.borderColor(SEVERITY_INK.info) },
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
