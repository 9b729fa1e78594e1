import {
  Button,
  Checkbox,
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
import type { HostKind } from '../../host/types';
import type { RecalcPreview } from '../useChecker';
import { displayValue } from '../format';
import { T } from '../strings';
import { tickAllKeys } from '../../session/recalc-choice';

const useStyles = makeStyles({
  scroll: { maxHeight: '50vh', overflowY: 'auto', marginTop: tokens.spacingVerticalS },
  num: { fontVariantNumeric: 'tabular-nums' },
  arrow: { color: tokens.colorNeutralForeground3 },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, marginBottom: 0 },
  tick: { width: '40px' },
  label: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  addr: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  kept: { color: tokens.colorNeutralForeground3 },
  next: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteGreenForeground3 },
  note: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  blocked: { display: 'block', color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  tickBar: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

export interface RecalcDialogProps {
  /** The preview; the dialog is open while this is not null. */
  readonly preview: RecalcPreview | null;
  /** Ticks or unticks lines: one from its box, every tickable one from 全部勾选. */
  readonly onTick: (keys: string | readonly string[], ticked: boolean) => void;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** Whose undo the hint speaks of. */
  readonly host: HostKind;
}

/**
 * The preview of 一键重算: each change by its indicator's name, entered → recomputed, with a
 * tick. Errors start ticked; warnings (maybe deliberate deductions) and 已说明 cells start
 * unticked, with 全部勾选 one click away; a value over its 分值 or the form's points can never
 * be ticked and says why (recalc-choice). Unticking a cell plans again over the ticked ones, so
 * a 总分 above an unticked score shows the sum it will really get. Nothing is written until 确认写入.
 */
export function RecalcDialog({ preview, onTick, onConfirm, onCancel, host }: RecalcDialogProps) {
  const s = useStyles();
  const rows = preview?.rows ?? [];
  const n = preview?.changes.length ?? 0;
  const tickable = tickAllKeys(rows);
  const someUnticked = rows.some((r) => r.blocked === null && !r.ticked);
  return (
    <Dialog open={preview !== null} modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="recalc-intro">
        <DialogBody>
          <DialogTitle>{T.recalcTitle}</DialogTitle>
          <DialogContent>
            <p id="recalc-intro">{rows.length > 0 ? T.recalcIntroChoose(rows.length, n) : T.recalcNone}</p>
            {rows.length > 0 && (
              <div className={s.tickBar}>
                <span className={s.hint}>{T.recalcTickHint}</span>
                <Button size="small" disabled={!someUnticked} onClick={() => onTick(tickable, true)} data-testid="recalc-tick-all">
                  {T.recalcTickAll}
                </Button>
              </div>
            )}
            {rows.length > 0 && (
              <div className={s.scroll}>
                <Table size="small" aria-label="重算预览">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={s.tick}>{T.recalcWrite}</TableHeaderCell>
                      <TableHeaderCell>{T.recalcItem}</TableHeaderCell>
                      <TableHeaderCell>{T.entered}</TableHeaderCell>
                      <TableHeaderCell>{T.recomputed}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {rows.map((r) => (
                      <TableRow key={r.key} data-recalc-cell={r.key} data-ticked={r.ticked ? 'true' : 'false'} data-blocked={r.blocked !== null ? 'true' : 'false'}>
                        <TableCell className={s.tick}>
                          <Checkbox
                            checked={r.ticked && r.blocked === null}
                            disabled={r.blocked !== null}
                            aria-label={`写入 ${r.label}`}
                            onChange={(_, d) => onTick(r.key, d.checked === true)}
                          />
                        </TableCell>
                        <TableCell>
                          <span className={s.label}>{r.label}</span>
                          <span className={s.addr}>{r.key}</span>
                          {r.blocked !== null && <span className={s.blocked}>{r.blocked}</span>}
                          {r.blocked === null && !r.ticked && r.note && <span className={s.note}>{r.note}</span>}
                        </TableCell>
                        <TableCell className={s.num}>
                          {displayValue(r.entered, r.percent) ?? T.blank} <span className={s.arrow}>→</span>
                        </TableCell>
                        <TableCell className={r.ticked && r.blocked === null && r.display !== null ? s.next : s.kept}>
                          {r.blocked !== null ? T.recalcBlocked : !r.ticked ? T.recalcKept : r.display ?? T.recalcNoChange}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
            {rows.length > 0 && <p className={s.hint}>{T.recalcUndoHint(host)}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={n === 0} onClick={onConfirm}>
              {n > 0 ? T.recalcConfirmN(n) : T.recalcConfirm}
            </Button>
            <Button onClick={onCancel}>{T.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
