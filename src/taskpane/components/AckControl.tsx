import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { canAcknowledge, MAX_REASON } from '../../core/acknowledge';
import type { Finding } from '../../core/finding';
import { T } from '../strings';
import { row, stack } from '../spacing';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', ...stack(tokens.spacingVerticalXS), paddingLeft: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexWrap: 'wrap', ...row(tokens.spacingHorizontalS, tokens.spacingVerticalXS) },
});

export interface AckControlProps {
  readonly finding: Finding;
  readonly busy: boolean;
  readonly onAcknowledge: (f: Finding, reason: string) => void;
  readonly onWithdraw: (f: Finding) => void;
}

/**
 * Under a warning or info card: 说明原因… opens a required reason; 标为已说明 stores it in the
 * workbook. An explained card offers 撤销说明. Errors get nothing: they are to be corrected.
 */
export function AckControl({ finding: f, busy, onAcknowledge, onWithdraw }: AckControlProps) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  if (!canAcknowledge(f)) return null;
  if (f.acknowledged) {
    return (
      <div className={s.root}>
        <div className={s.row}>
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => onWithdraw(f)} data-testid="ack-withdraw">
            {T.ackWithdraw}
          </Button>
        </div>
      </div>
    );
  }
  if (!open) {
    return (
      <div className={s.root}>
        <div className={s.row}>
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => setOpen(true)} data-testid="ack-open">
            {T.ackOpen}
          </Button>
        </div>
      </div>
    );
  }
  const empty = reason.trim() === '';
  return (
    <div className={s.root} data-testid="ack-form">
      <Field label={T.ackLabel} required validationMessage={tried && empty ? T.ackRequired : undefined}>
        <Textarea value={reason} maxLength={MAX_REASON} placeholder={T.ackPlaceholder} resize="vertical" onChange={(_, d) => setReason(d.value)} />
      </Field>
      <div className={s.row}>
        <Button
          size="small"
          appearance="primary"
          disabled={busy}
          onClick={() => {
            setTried(true);
            if (empty) return;
            onAcknowledge(f, reason.trim());
            setOpen(false);
            setReason('');
          }}
        >
          {T.ackSave}
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          {T.cancel}
        </Button>
      </div>
    </div>
  );
}
