import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { DownloadKind } from '../useWebChecker';
import { row } from '../../taskpane/spacing';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', ...row(tokens.spacingHorizontalS, tokens.spacingHorizontalS), alignItems: 'center' },
});

export interface DownloadItem {
  readonly kind: DownloadKind;
  readonly label: string;
  readonly disabled?: boolean;
}

export interface DownloadsProps {
  readonly items: readonly DownloadItem[];
  readonly preparing: ReadonlySet<DownloadKind>;
  readonly onDownload: (kind: DownloadKind) => void;
}

export function Downloads({ items, preparing, onDownload }: DownloadsProps) {
  const s = useStyles();
  return (
    <div className={s.root} role="group" aria-label="下载" data-print="hide">
      {items.map((it) => (
        <Button
          key={it.kind}
          size="small"
          data-download={it.kind}
          disabled={it.disabled || preparing.has(it.kind)}
          icon={preparing.has(it.kind) ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => onDownload(it.kind)}
        >
          {it.label}
        </Button>
      ))}
    </div>
  );
}
