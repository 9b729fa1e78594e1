import { makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { Finding } from '../../core/finding';
import { displayValue, explanationLine, isPercentFinding, shortRef } from '../format';
import { SEVERITY_COLORS } from '../theme';
import { T } from '../strings';
import { SeverityBadge } from './SeverityBadge';
import { findingTitle } from '../../core/rule-titles';
import { row, stack } from '../spacing';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    ...stack(tokens.spacingVerticalXS),
    width: '100%',
    textAlign: 'start',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outlineStyle: 'solid',
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: '1px',
    },
  },
  error: { borderLeftColor: SEVERITY_COLORS.error.stripe },
  warning: { borderLeftColor: SEVERITY_COLORS.warning.stripe },
  info: { borderLeftColor: SEVERITY_COLORS.info.stripe },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ...shorthands.borderColor(tokens.colorBrandStroke1),
  },
  head: { display: 'flex', alignItems: 'center', ...row(tokens.spacingHorizontalS), flexWrap: 'wrap' },
  ref: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  title: { fontWeight: tokens.fontWeightSemibold },
  acknowledged: { opacity: 0.85, borderLeftStyle: 'dashed' },
  ackLine: { color: tokens.colorPaletteGreenForeground2, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  values: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', ...row(tokens.spacingHorizontalXS) },
  label: { color: tokens.colorNeutralForeground2 },
  value: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  expected: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteGreenForeground3, fontVariantNumeric: 'tabular-nums' },
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, wordBreak: 'break-all' },
});

export interface FindingItemProps {
  readonly finding: Finding;
  readonly selected: boolean;
  readonly onSelect: (f: Finding) => void;
}

/**
 * One finding: a real button (Tab reaches it, Enter or Space selects its cell) carrying the
 * DOM contract's data-rule-id / data-severity / data-sheet / data-cell.
 */
export const FindingItem = memo(function FindingItem({ finding: f, selected, onSelect }: FindingItemProps) {
  const s = useStyles();
  const percent = isPercentFinding(f);
  const entered = displayValue(f.entered, percent);
  const expected = displayValue(f.expected, percent);
  const explained = f.explanation ? explanationLine(f.explanation) : null;
  return (
    <button
      type="button"
      className={mergeClasses(s.item, s[f.severity], f.acknowledged && s.acknowledged, selected && s.selected)}
      data-acknowledged={f.acknowledged ? 'true' : undefined}
      data-rule-id={f.ruleId}
      data-severity={f.severity}
      data-sheet={f.sheet}
      data-cell={f.cell}
      aria-current={selected ? 'true' : undefined}
      // The rule's ID is for reviewers' scripts and support, not the clerk: on hover only (技术信息).
      title={`${T.techInfo}：${f.ruleId}`}
      onClick={() => onSelect(f)}
    >
      <span className={s.head}>
        <SeverityBadge severity={f.severity} />
        <span className={s.title} data-testid="rule-title">
          {findingTitle(f)}
        </span>
        <span className={s.ref}>
          {f.sheet}!{f.cell}
        </span>
      </span>
      {f.acknowledged && (
        <span className={s.ackLine} data-testid="acknowledged">
          {T.ackBadge}：{f.acknowledged.reason}
        </span>
      )}
      <Text as="span" block>
        {f.message}
      </Text>
      <span className={s.values}>
        <span className={s.label}>{T.entered}</span>
        <span className={s.value} data-testid="entered">
          {entered ?? T.blank}
        </span>
        {expected !== null && (
          <>
            <span aria-hidden="true">→</span>
            <span className={s.label}>{T.expected}</span>
            <span className={s.expected} data-testid="expected">
              {expected}
            </span>
          </>
        )}
      </span>
      {explained && (
        <span className={s.detail} data-testid="explanation">
          {explained.label}：{explained.text}
        </span>
      )}
      {f.inputs.length > 0 && (
        <span className={s.detail}>
          {T.inputs}：{f.inputs.map((r) => shortRef(r, f.sheet)).join('、')}
        </span>
      )}
    </button>
  );
});
