import { makeStyles, Switch, Text, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect } from 'react';
import type { SpreadsheetHost } from '../host/types';
import { recalcUnavailable } from '../session/recalc-choice';
import { ActionBar } from './components/ActionBar';
import { FindingList } from './components/FindingList';
import { ProfilePicker } from './components/ProfilePicker';
import { EmptyView, ErrorNotice, IdleView, LimitationsNotice, LoadingView, ProtectedNotice, SuccessNotice, UnrecognisedView } from './components/StatusViews';
import { SummaryCard } from './components/SummaryCard';
import { CoverageNote } from './components/CoverageNote';
import { coverageComplete } from '../core/report';
import { T } from './strings';
import { useChecker, type CheckFn } from './useChecker';
import { stack } from './spacing';
import { useProfileFile } from './useProfileFile';

/**
 * The 一键重算 preview (Fluent's Dialog and what it brings) loads on demand, in its own chunk: it
 * keeps the pane's initial JS within its 300 KB budget, and is fetched as soon as a check has
 * something to recalculate, before the clerk can ask for it.
 */
const loadRecalcDialog = () => import('./components/RecalcDialog');
const RecalcDialog = lazy(() => loadRecalcDialog().then((m) => ({ default: m.RecalcDialog })));

/** Where the pane remembers a loaded profile file between sessions (this browser profile). */
export const PROFILE_STORAGE_KEY = 'selfeval-check.profile';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    ...stack(tokens.spacingVerticalM),
    padding: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  section: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface TaskPaneProps {
  readonly host: SpreadsheetHost;
  readonly check: CheckFn;
  readonly fileName?: string;
}

/** The task pane: the same component in Excel and WPS, whatever host it is given. */
export function TaskPane({ host, check, fileName }: TaskPaneProps) {
  const s = useStyles();
  const [profileFile, profileActions] = useProfileFile(PROFILE_STORAGE_KEY);
  const profile = profileFile.loaded?.profile;
  // Every check of the pane (核对, a re-check after an edit, 一键重算's plan) with the loaded profile.
  const checkWith = useCallback<CheckFn>((grid, opts) => check(grid, profile ? { ...opts, profile } : opts), [check, profile]);
  const [st, act] = useChecker(host, { check: checkWith, ...(fileName ? { fileName } : {}) });
  const report = st.report;
  const checked = report?.status === 'checked';
  const findings = checked ? report.findings : [];
  const recalcWhyNot = recalcUnavailable(report, st.protectedSheets);
  const canRecalc = recalcWhyNot === null;

  useEffect(() => {
    if (canRecalc) void loadRecalcDialog();
  }, [canRecalc]);

  return (
    <main className={s.root} aria-busy={st.busy !== null}>
      <h1 className={s.title}>{T.appTitle}</h1>
      <ActionBar
        busy={st.busy !== null}
        checked={report !== null}
        canClear={st.hasMarks}
        canRecalc={canRecalc}
        recalcWhyNot={report ? recalcWhyNot : null}
        canUndo={st.canUndo}
        showUndoNote={st.canUndo || st.recalcApplied}
        host={host.kind}
        onCheck={() => void act.check()}
        onClear={() => void act.clearMarks()}
        onRecalc={() => void act.openRecalc()}
        onUndo={() => void act.undoRecalc()}
      />
      <ProfilePicker state={profileFile} actions={profileActions} appliesTo="下次核对起生效" />
      {st.limitations.length > 0 && <LimitationsNotice lines={st.limitations} />}
      <Switch
        checked={st.following}
        disabled={st.followUnavailable}
        label={st.followUnavailable ? T.followUnavailable : T.follow}
        onChange={(_, d) => act.setFollowing(d.checked)}
        data-testid="follow-switch"
      />
      {st.error && <ErrorNotice message={st.error} />}
      {st.notice && <SuccessNotice message={st.notice} />}
      {st.busy && <LoadingView busy={st.busy} />}
      {!st.busy && !report && !st.error && <IdleView />}
      {report && report.status !== 'checked' && <UnrecognisedView message={report.error} missingAnchors={report.missingAnchors} />}
      {checked && (st.protectedSheets.length > 0 || st.paintMessages.length > 0) && (
        <ProtectedNotice sheets={st.protectedSheets} messages={st.paintMessages} />
      )}
      {checked && <SummaryCard report={report} />}
      {checked && <CoverageNote report={report} />}
      {checked && !st.busy && findings.length === 0 && <EmptyView partial={!coverageComplete(report.coverage)} />}
      {checked && findings.length > 0 && (
        <>
          <h2 className={s.section}>{T.findingsTitle}</h2>
          {st.hasMarks && <Text className={s.note}>{T.marksNote}</Text>}
          <FindingList
            findings={findings}
            sheetOrder={st.sheetOrder}
            selected={st.selected}
            onSelect={(f) => void act.select(f)}
            ack={{ busy: st.busy !== null, onAcknowledge: (f, reason) => void act.acknowledge(f, reason), onWithdraw: (f) => void act.unacknowledge(f) }}
          />
        </>
      )}
      {st.preview && (
        <Suspense fallback={null}>
          <RecalcDialog host={host.kind} preview={st.preview} onTick={act.tickRecalc} onConfirm={() => void act.confirmRecalc()} onCancel={act.cancelRecalc} />
        </Suspense>
      )}
    </main>
  );
}
