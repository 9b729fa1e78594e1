import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CheckedReport } from '../../core/report';
import { coverageComplete } from '../../core/report';
import { coverageText, notRunList } from '../../report/coverage';

const useStyles = makeStyles({
  line: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * 核对范围 (RULES.md, "Any form: read what is there, say what is not"): one quiet line when every
 * check of the family ran; a warning naming each check that could not run, and why, and each sheet
 * that looks like a form but was not read, otherwise — so the pane never implies a full check.
 */
export function CoverageNote({ report }: { readonly report: CheckedReport }) {
  const s = useStyles();
  const c = report.coverage;
  if (coverageComplete(c)) {
    return (
      <Text className={s.line} data-testid="coverage" data-complete="true">
        核对范围：{coverageText(c)}
      </Text>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="coverage" data-complete="false">
      <MessageBarBody>
        <MessageBarTitle>核对范围：{coverageText(c)}</MessageBarTitle>
        <ul className={s.list}>
          {notRunList(c).map((line) => (
            <li key={line}>未核对：{line}</li>
          ))}
          {c.unreadSheets.map((u) => (
            <li key={u.sheet}>
              未读取工作表“{u.sheet}”：{u.reason}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
