import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { Finding } from '../../core/finding';
import type { Report } from '../../core/report';
import type { WorkbookGrid } from '../../grid/grid';
import { FindingList } from '../../taskpane/components/FindingList';
import { EmptyView, UnrecognisedView } from '../../taskpane/components/StatusViews';
import { SummaryCard } from '../../taskpane/components/SummaryCard';
import { CoverageNote } from '../../taskpane/components/CoverageNote';
import { coverageComplete } from '../../core/report';
import { T } from '../../taskpane/strings';
import type { DownloadKind } from '../useWebChecker';
import { Downloads } from './Downloads';
import { FindingFilters, type SeverityFilter } from './FindingFilters';
import { SheetView, type CellSelection } from './SheetView';
import { grid, stack } from '../../taskpane/spacing';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(320px, 420px) minmax(0, 1fr)',
    ...grid(tokens.spacingHorizontalL),
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  side: { display: 'flex', flexDirection: 'column', ...stack(tokens.spacingVerticalM), minWidth: 0 },
  findings: { maxHeight: 'calc(100vh - 360px)', minHeight: '200px', overflowY: 'auto', paddingRight: tokens.spacingHorizontalXS },
  sheet: {
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflow: 'hidden',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  loading: { padding: tokens.spacingVerticalXXL },
});

export interface SingleViewProps {
  readonly name: string;
  readonly report: Report | null;
  readonly grid: WorkbookGrid | null;
  readonly loading: boolean;
  readonly preparing: ReadonlySet<DownloadKind>;
  readonly onDownload: (kind: DownloadKind) => void;
}

/** One workbook: summary, downloads, findings, and the sheet with divergent cells coloured. */
export function SingleView({ name, report, grid, loading, preparing, onDownload }: SingleViewProps) {
  const s = useStyles();
  // The sheet the reviewer picked; until then, the first sheet with findings (else the 自评表).
  const [picked, setActive] = useState<string | null>(null);
  const [selected, setSelected] = useState<CellSelection | null>(null);
  const all = useMemo(() => (report?.status === 'checked' ? report.findings : []), [report]);
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const findings = useMemo(() => (severity === 'all' ? all : all.filter((f) => f.severity === severity)), [all, severity]);
  const sheetOrder = useMemo(() => (grid ? grid.sheets.map((x) => x.name) : []), [grid]);
  const active = picked ?? findings[0]?.sheet ?? report?.sheets.selfEval ?? grid?.sheets[0]?.name ?? '';

  const onSelect = useCallback((f: Finding) => {
    setActive(f.sheet);
    setSelected({ sheet: f.sheet, cell: f.cell, inputs: f.inputs });
  }, []);

  if (loading && !report) {
    return (
      <div className={s.loading} role="status" aria-live="polite">
        <Spinner label={`正在核对“${name}”…`} labelPosition="below" />
      </div>
    );
  }
  if (!report) return null;

  return (
    <div className={s.layout} data-testid="single-view" data-file={report.file} data-print="block">
      <div className={s.side}>
        <h2 className={s.title}>{name}</h2>
        {report.status === 'unreadable' && (
          <MessageBar intent="error" layout="multiline" data-state="unreadable">
            <MessageBarBody>
              <MessageBarTitle>无法读取</MessageBarTitle>
              {report.error}
            </MessageBarBody>
          </MessageBar>
        )}
        {report.status === 'unrecognised' && <UnrecognisedView message={report.error} missingAnchors={report.missingAnchors} />}
        {report.status === 'checked' && <SummaryCard report={report} />}
        {report.status === 'checked' && <CoverageNote report={report} />}
        <Downloads
          items={[
            { kind: 'annotated', label: '下载标注副本', disabled: report.status === 'unreadable' },
            { kind: 'json', label: 'JSON 报告' },
            { kind: 'html', label: 'HTML 报告' },
          ]}
          preparing={preparing}
          onDownload={onDownload}
        />
        {report.status === 'checked' && all.length === 0 && <EmptyView partial={!coverageComplete(report.coverage)} />}
        {all.length > 0 && (
          <>
            <h2 className={s.title}>{T.findingsTitle}</h2>
            <FindingFilters severity={severity} onSeverity={setSeverity} shown={findings.length} total={all.length} unit="个问题" />
            <div className={s.findings} data-print="expand">
              <FindingList
                findings={findings}
                sheetOrder={sheetOrder}
                selected={selected ? `${selected.sheet}!${selected.cell}` : null}
                onSelect={onSelect}
              />
            </div>
          </>
        )}
      </div>
      {grid && grid.sheets.length > 0 && (
        <div className={s.sheet} data-print="hide">
          <SheetView grid={grid} findings={findings} activeSheet={active} onActiveSheet={setActive} selected={selected} />
        </div>
      )}
      {loading && <Spinner size="tiny" label="正在载入表格…" />}
    </div>
  );
}
