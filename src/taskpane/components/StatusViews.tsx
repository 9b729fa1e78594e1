import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { Busy } from '../useChecker';
import { T } from '../strings';
import { stack } from '../spacing';

const useStyles = makeStyles({
  center: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    ...stack(tokens.spacingVerticalS),
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    textAlign: 'center',
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  body: { color: tokens.colorNeutralForeground2 },
  ok: {
    width: '40px',
    height: '40px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorPaletteGreenForeground2,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: '22px',
    fontWeight: tokens.fontWeightBold,
  },
  anchors: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

const BUSY_TEXT: Readonly<Record<Busy, string>> = {
  reading: T.reading,
  planning: T.planning,
  checking: T.checking,
  painting: T.painting,
  clearing: T.clearing,
  writing: T.writing,
  undoing: T.undoing,
  explaining: T.explaining,
};

export function LoadingView({ busy }: { readonly busy: Busy }) {
  const s = useStyles();
  return (
    <div className={s.center} role="status" aria-live="polite" data-state="loading">
      <Spinner size="medium" label={BUSY_TEXT[busy]} labelPosition="below" />
    </div>
  );
}

export function IdleView() {
  const s = useStyles();
  return (
    <div className={s.center} data-state="idle">
      <h2 className={s.title}>{T.idleTitle}</h2>
      <Text className={s.body}>{T.idleBody}</Text>
    </div>
  );
}

/** No findings. `partial`: some checks could not run (核对范围 says which), so no ✓ and no bare 未发现问题. */
export function EmptyView({ partial = false }: { readonly partial?: boolean }) {
  const s = useStyles();
  if (partial) {
    return (
      <div className={s.center} role="status" data-state="empty-partial">
        <h2 className={s.title}>{T.noProblemsPartial}</h2>
        <Text className={s.body}>{T.noProblemsPartialBody}</Text>
      </div>
    );
  }
  return (
    <div className={s.center} role="status" data-state="empty">
      <span className={s.ok} aria-hidden="true">
        ✓
      </span>
      <h2 className={s.title}>{T.noProblems}</h2>
      <Text className={s.body}>{T.noProblemsBody}</Text>
    </div>
  );
}

export interface UnrecognisedViewProps {
  readonly message: string | null;
  readonly missingAnchors: readonly string[];
}

/** No known template in the workbook: say which anchors were looked for and not found. */
export function UnrecognisedView({ message, missingAnchors }: UnrecognisedViewProps) {
  const s = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" data-state="unrecognised">
      <MessageBarBody>
        <MessageBarTitle>{T.unrecognisedTitle}</MessageBarTitle>
        {message && <div>{message}</div>}
        {missingAnchors.length > 0 && (
          <>
            <div>{T.missingAnchors}</div>
            <ul className={s.anchors} data-testid="missing-anchors">
              {missingAnchors.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export function ProtectedNotice({ sheets, messages }: { readonly sheets: readonly string[]; readonly messages: readonly string[] }) {
  return (
    <MessageBar intent="warning" layout="multiline" data-state={sheets.length > 0 ? 'protected' : 'not-painted'}>
      <MessageBarBody>
        <MessageBarTitle>{sheets.length > 0 ? T.protectedTitle : T.notPainted}</MessageBarTitle>
        {sheets.length > 0 && <div>{T.protectedSheets(sheets)}</div>}
        {messages.map((m) => (
          <div key={m}>{m}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What this host version cannot do (e.g. an old Excel without conditional formats): said once, at the top. */
export function LimitationsNotice({ lines }: { readonly lines: readonly string[] }) {
  return (
    <MessageBar intent="info" layout="multiline" data-state="limitations">
      <MessageBarBody>
        <MessageBarTitle>{T.limitationsTitle}</MessageBarTitle>
        {lines.map((m) => (
          <div key={m}>{m}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

export function ErrorNotice({ message }: { readonly message: string }) {
  return (
    <MessageBar intent="error" layout="multiline" data-state="error">
      <MessageBarBody>
        <MessageBarTitle>{T.hostErrorTitle}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

export function SuccessNotice({ message }: { readonly message: string }) {
  return (
    <MessageBar intent="success" data-state="notice">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
