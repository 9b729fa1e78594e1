import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { HostKind, RecalcChange } from '../../host/types';
import { displayValue } from '../format';
import { T } from '../strings';

const useStyles = makeStyles({
  scroll: { maxHeight: '50vh', overflowY: 'auto', marginTop: tokens.spacingVerticalS },
  num: { fontVariantNumeric: 'tabular-nums' },
  arrow: { color: tokens.colorNeutralForeground3 },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, marginBottom: 0 },
  next: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteGreenForeground3 },
});

export interface RecalcDialogProps {
  /** The changes to confirm; the dialog is open while this is not null. */
  readonly changes: readonly RecalcChange[] | null;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** Whose undo the hint speaks of. */
  readonly host: HostKind;
}

/** The preview of 一键重算: cell, entered → recomputed. Nothing is written until 确认写入. */
export function RecalcDialog({ changes, onConfirm, onCancel, host }: RecalcDialogProps) {
  const s = useStyles();
  return (
    <Dialog open={changes !== null} modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="recalc-intro">
        <DialogBody>
          <DialogTitle>{T.recalcTitle}</DialogTitle>
          <DialogContent>
            <p id="recalc-intro">{changes && changes.length > 0 ? T.recalcIntro(changes.length) : T.recalcNone}</p>
            {changes && changes.length > 0 && (
              <div className={s.scroll}>
                <Table size="small" aria-label="重算预览">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{T.cell}</TableHeaderCell>
                      <TableHeaderCell>{T.entered}</TableHeaderCell>
                      <TableHeaderCell>{T.recomputed}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {changes.map((c) => (
                      <TableRow key={`${c.sheet}!${c.cell}`} data-recalc-cell={`${c.sheet}!${c.cell}`}>
                        <TableCell>
                          {c.sheet}!{c.cell}
                        </TableCell>
                        <TableCell className={s.num}>
                          {displayValue(c.entered, c.percent) ?? T.blank} <span className={s.arrow}>→</span>
                        </TableCell>
                        <TableCell className={s.next}>{c.display}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
            {changes && changes.length > 0 && <p className={s.hint}>{T.recalcUndoHint(host)}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!changes || changes.length === 0} onClick={onConfirm}>
              {T.recalcConfirm}
            </Button>
            <Button onClick={onCancel}>{T.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
