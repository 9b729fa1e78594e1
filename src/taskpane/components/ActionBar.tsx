import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { HostKind } from '../../host/types';
import { T } from '../strings';
import { row, stack } from '../spacing';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', ...stack(tokens.spacingVerticalXS) },
  buttons: { display: 'flex', flexWrap: 'wrap', ...row(tokens.spacingHorizontalS, tokens.spacingHorizontalS) },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export interface ActionBarProps {
  readonly busy: boolean;
  readonly checked: boolean;
  readonly canClear: boolean;
  readonly canRecalc: boolean;
  /** Why 一键重算 is unavailable after a check (recalc-choice); null when it is available or nothing was checked yet. */
  readonly recalcWhyNot: string | null;
  readonly canUndo: boolean;
  /** Shows the note that Excel's own undo does not cover add-in writes. */
  readonly showUndoNote: boolean;
  /** Whose undo the note speaks of. */
  readonly host: HostKind;
  readonly onCheck: () => void;
  readonly onClear: () => void;
  readonly onRecalc: () => void;
  readonly onUndo: () => void;
}

/** 核对 / 清除标记 / 一键重算 / 撤销重算. */
export function ActionBar(p: ActionBarProps) {
  const s = useStyles();
  return (
    <div className={s.root}>
      <div className={s.buttons} role="toolbar" aria-label="核对操作">
        <Button appearance="primary" disabled={p.busy} onClick={p.onCheck}>
          {p.checked ? T.recheck : T.check}
        </Button>
        <Button disabled={p.busy || !p.canClear} onClick={p.onClear}>
          {T.clearMarks}
        </Button>
        <Button disabled={p.busy || !p.canRecalc} onClick={p.onRecalc}>
          {T.recalc}
        </Button>
        <Button disabled={p.busy || !p.canUndo} onClick={p.onUndo}>
          {T.undoRecalc}
        </Button>
      </div>
      {!p.canRecalc && p.recalcWhyNot && (
        <Text className={s.note} data-testid="recalc-why-not">
          {T.recalcUnavailable(p.recalcWhyNot)}
        </Text>
      )}
      {p.showUndoNote && (
        <Text className={s.note} data-testid="undo-note">
          {T.undoNote(p.host)}
        </Text>
      )}
    </div>
  );
}
