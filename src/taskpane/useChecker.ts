/**
 * The task pane's view of a CheckerSession (src/session): one session per host, attached while
 * the pane is mounted, its state read with useSyncExternalStore. The logic — the queue, the
 * checks, 一键重算, 已说明, following edits — lives in the session, tested without rendering.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Finding } from '../core/finding';
import type { SpreadsheetHost } from '../host/types';
import { CheckerSession, type CheckerState, type FollowSetting, type SessionOptions } from '../session/session';
import { T } from './strings';

export type { Busy, CheckFn, CheckerState, PreviewRow, RecalcPreview } from '../session/session';
export { FOLLOW_DEBOUNCE_MS } from '../session/session';

export interface CheckerActions {
  /** Turns 输入后自动核对 on or off (remembered by this browser/web view). */
  setFollowing(on: boolean): void;
  check(): Promise<void>;
  clearMarks(): Promise<void>;
  openRecalc(): Promise<void>;
  cancelRecalc(): void;
  /** Ticks or unticks preview lines (全部勾选: every line that may be ticked); the plan is made again over the ticked cells. */
  tickRecalc(keys: string | readonly string[], ticked: boolean): void;
  confirmRecalc(): Promise<void>;
  undoRecalc(): Promise<void>;
  select(f: Finding): Promise<void>;
  /** 已说明: stores the clerk's reason in the workbook, then re-checks. Errors are refused. */
  acknowledge(f: Finding, reason: string): Promise<void>;
  /** Withdraws the explanation of `f`, then re-checks. */
  unacknowledge(f: Finding): Promise<void>;
}

export type CheckerOptions = SessionOptions;

const FOLLOW_KEY = 'selfeval-check.follow';

/** The 输入后自动核对 switch, remembered in this browser profile (web view) when it has storage. */
const followInLocalStorage: FollowSetting = {
  load() {
    try {
      return globalThis.localStorage?.getItem(FOLLOW_KEY) !== 'off';
    } catch {
      return true;
    }
  },
  save(on) {
    try {
      globalThis.localStorage?.setItem(FOLLOW_KEY, on ? 'on' : 'off');
    } catch {
      // a web view without storage: the switch holds for this session only
    }
  },
};

export function useChecker(host: SpreadsheetHost, opts: CheckerOptions): [CheckerState, CheckerActions] {
  // One session per host (a new host, a new session: React's "adjusting state while rendering").
  const [owned, setOwned] = useState(() => ({ host, session: new CheckerSession(host, opts, T, followInLocalStorage) }));
  let current = owned.session;
  if (owned.host !== host) {
    current = new CheckerSession(host, opts, T, followInLocalStorage);
    setOwned({ host, session: current });
  }
  // The options of the latest render (a profile loaded) are the ones the next action uses.
  useEffect(() => current.configure(opts), [current, opts]);
  useEffect(() => {
    current.attach();
    return () => current.detach();
  }, [current]);
  const state = useSyncExternalStore(current.subscribe, current.getState);
  const actions = useMemo<CheckerActions>(
    () => ({
      setFollowing: (on) => current.setFollowing(on),
      check: () => current.check(),
      clearMarks: () => current.clearMarks(),
      openRecalc: () => current.openRecalc(),
      cancelRecalc: () => current.cancelRecalc(),
      tickRecalc: (keys, ticked) => current.tickRecalc(keys, ticked),
      confirmRecalc: () => current.confirmRecalc(),
      undoRecalc: () => current.undoRecalc(),
      select: (f) => current.select(f),
      acknowledge: (f, reason) => current.acknowledge(f, reason),
      unacknowledge: (f) => current.unacknowledge(f),
    }),
    [current],
  );
  return [state, actions];
}
