import { Button, Field, makeStyles, mergeClasses, ProgressBar, shorthands, Text, tokens } from '@fluentui/react-components';
import { memo, useMemo, useState } from 'react';
import type { Grade } from '../../core/report';
import { coverageText, isFullyChecked } from '../../report/coverage';
import { SEVERITY_COLORS } from '../../taskpane/theme';
import type { DownloadKind, FileEntry, FileStatus } from '../useWebChecker';
import { BatchOverview } from './BatchOverview';
import { Downloads } from './Downloads';
import { FindingFilters, type SeverityFilter } from './FindingFilters';
import { row, stack } from '../../taskpane/spacing';

export const STATUS_LABEL: Readonly<Record<FileStatus, string>> = {
  queued: '等待中',
  checking: '核对中',
  cancelled: '已取消',
  checked: '已核对',
  unrecognised: '未识别模板',
  unreadable: '无法读取',
};

type SortKey = 'name' | 'department' | 'year' | 'entered' | 'recomputed' | 'stated' | 'grade' | 'errors' | 'warnings' | 'infos' | 'status';

interface Column {
  readonly key: SortKey;
  readonly label: string;
  readonly numeric?: boolean;
  /** Text columns that must not shrink to a character per line on a narrow screen (the table scrolls instead). */
  readonly minWidth?: string;
}

const COLUMNS: readonly Column[] = [
  { key: 'name', label: '文件', minWidth: '11em' },
  { key: 'department', label: '单位', minWidth: '8em' },
  { key: 'year', label: '年度' },
  { key: 'entered', label: '填报总分', numeric: true },
  { key: 'recomputed', label: '重算总分', numeric: true },
  { key: 'stated', label: '填报等次' },
  { key: 'grade', label: '重算等次' },
  { key: 'errors', label: '错误', numeric: true },
  { key: 'warnings', label: '警告', numeric: true },
  { key: 'infos', label: '提示', numeric: true },
  { key: 'status', label: '状态' },
];

const GRADE_ORDER: Readonly<Record<Grade, number>> = { 优: 0, 良: 1, 中: 2, 差: 3 };
const STATUS_ORDER: Readonly<Record<FileStatus, number>> = { unreadable: 0, unrecognised: 1, checked: 2, checking: 3, queued: 4, cancelled: 5 };

function sortValue(f: FileEntry, key: SortKey): string | number | null {
  const r = f.report;
  const sum = r?.status === 'checked' ? r.summary : null;
  switch (key) {
    case 'name':
      return f.name;
    case 'department':
      return r?.department ?? null;
    case 'year':
      return r?.year ?? null;
    case 'entered':
      return sum?.enteredTotal != null ? Number(sum.enteredTotal) : null;
    case 'recomputed':
      return sum?.recomputedTotal != null ? Number(sum.recomputedTotal) : null;
    case 'stated':
      return r?.statedGrade ?? null;
    case 'grade':
      // Withheld grades (不评) after the four, before files without any.
      return sum?.grade ? GRADE_ORDER[sum.grade] : sum?.gradeWithheld ? 4 : null;
    case 'errors':
      return sum ? sum.errors : null;
    case 'warnings':
      return sum ? sum.warnings : null;
    case 'infos':
      return sum ? sum.infos : null;
    case 'status':
      return STATUS_ORDER[f.status];
  }
}

/**
 * The rows the filters leave: 只看有问题的 keeps workbooks with an error or warning, or that
 * could not be checked; a severity keeps workbooks with at least one finding of it.
 */
export function filterEntries(files: readonly FileEntry[], severity: SeverityFilter, onlyProblems: boolean): readonly FileEntry[] {
  if (severity === 'all' && !onlyProblems) return files;
  return files.filter((f) => {
    const bad = f.status === 'unreadable' || f.status === 'unrecognised';
    const sum = f.report?.status === 'checked' ? f.report.summary : null;
    if (onlyProblems && !bad && !(sum && sum.errors + sum.warnings > 0)) return false;
    if (severity === 'all') return true;
    if (!sum) return false;
    return (severity === 'error' ? sum.errors : severity === 'warning' ? sum.warnings : sum.infos) > 0;
  });
}

/** Sorted copy; blanks always last, ties keep the opening order. */
export function sortEntries(files: readonly FileEntry[], key: SortKey, dir: 'ascending' | 'descending'): FileEntry[] {
  const sign = dir === 'ascending' ? 1 : -1;
  return files
    .map((f, i) => ({ f, i, v: sortValue(f, key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'zh-CN');
      return c !== 0 ? c * sign : a.i - b.i;
    })
    .map((x) => x.f);
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', ...stack(tokens.spacingVerticalM) },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', justifyContent: 'space-between', ...row(tokens.spacingHorizontalL, tokens.spacingHorizontalL) },
  progress: { flexGrow: 1, minWidth: '260px', maxWidth: '640px' },
  wrap: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase300 },
  th: {
    textAlign: 'left',
    padding: 0,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    whiteSpace: 'nowrap',
  },
  sortButton: {
    backgroundColor: 'transparent',
    ...shorthands.borderStyle('none'),
    margin: 0,
    fontFamily: 'inherit',
    fontSize: 'inherit',
    lineHeight: 'inherit',
    color: 'inherit',
    textAlign: 'inherit',
    boxSizing: 'border-box',
    display: 'block',
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  numHead: { textAlign: 'right' },
  row: {
    cursor: 'pointer',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  td: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, verticalAlign: 'top' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  fileButton: {
    backgroundColor: 'transparent',
    ...shorthands.borderStyle('none'),
    margin: 0,
    fontFamily: 'inherit',
    fontSize: 'inherit',
    lineHeight: 'inherit',
    textAlign: 'inherit',
    padding: 0,
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    wordBreak: 'break-all',
    ':hover': { textDecoration: 'underline' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  differs: { color: tokens.colorPaletteRedForeground3, fontWeight: tokens.fontWeightSemibold },
  count: { display: 'inline-block', minWidth: '1.6em', padding: '0 4px', borderRadius: tokens.borderRadiusSmall, textAlign: 'center' },
  error: { backgroundColor: SEVERITY_COLORS.error.fill, color: SEVERITY_COLORS.error.ink, fontWeight: tokens.fontWeightSemibold },
  warning: { backgroundColor: SEVERITY_COLORS.warning.fill, color: SEVERITY_COLORS.warning.ink, fontWeight: tokens.fontWeightSemibold },
  info: { backgroundColor: SEVERITY_COLORS.info.fill, color: SEVERITY_COLORS.info.ink, fontWeight: tokens.fontWeightSemibold },
  statusBad: { color: tokens.colorPaletteRedForeground3, fontWeight: tokens.fontWeightSemibold },
  reason: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, maxWidth: '360px' },
  muted: { color: tokens.colorNeutralForeground3 },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export interface BatchViewProps {
  readonly files: readonly FileEntry[];
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  readonly preparing: ReadonlySet<DownloadKind>;
  readonly onOpen: (key: string) => void;
  readonly onDownload: (kind: DownloadKind) => void;
  /** Stops the batch (取消); the files not yet checked are marked 已取消. */
  readonly onCancel: () => void;
}

/** One row per workbook, sortable, with a progress bar and the batch downloads. */
export function BatchView({ files, startedAt, finishedAt, preparing, onOpen, onDownload, onCancel }: BatchViewProps) {
  const s = useStyles();
  const [sort, setSort] = useState<{ key: SortKey; dir: 'ascending' | 'descending' } | null>(null);
  const rows = useMemo(() => (sort ? sortEntries(files, sort.key, sort.dir) : files), [files, sort]);
  const annotatable = files.some((f) => f.status === 'checked' || f.status === 'unrecognised');
  const done = files.filter((f) => f.status !== 'queued' && f.status !== 'checking').length;
  const failed = files.filter((f) => f.status === 'unreadable' || f.status === 'unrecognised').length;
  const cancelled = files.filter((f) => f.status === 'cancelled').length;
  const finished = done === files.length;
  const seconds = startedAt !== null ? ((finishedAt ?? performance.now()) - startedAt) / 1000 : null;

  // A count or a score is looked at biggest first: the first click on it sorts descending.
  const firstDir = (key: SortKey) => (COLUMNS.find((c) => c.key === key)?.numeric ? 'descending' : 'ascending');
  const toggle = (key: SortKey) =>
    setSort((cur) => (cur?.key === key ? { key, dir: cur.dir === 'ascending' ? 'descending' : 'ascending' } : { key, dir: firstDir(key) }));
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [onlyProblems, setOnlyProblems] = useState(false);
  const shown = useMemo(() => filterEntries(rows, severity, onlyProblems), [rows, severity, onlyProblems]);
  const reports = useMemo(() => files.flatMap((f) => (f.report ? [f.report] : [])), [files]);

  return (
    <section className={s.root} data-testid="batch-view" aria-label="批量核对结果">
      <div className={s.bar}>
        <Field
          className={s.progress}
          label={`已完成 ${done - cancelled} / ${files.length} 个工作簿${cancelled ? `（${cancelled} 个已取消）` : ''}`}
          validationState="none"
          validationMessage={
            finished && seconds !== null
              ? `用时 ${seconds.toFixed(1)} 秒${failed ? `；${failed} 个未能核对，原因见状态列` : ''}${cancelled ? `；${cancelled} 个已取消，未核对` : ''}`
              : '核对在本机后台进行，可随时点击已完成的行查看详情。'
          }
        >
          <ProgressBar value={files.length ? (done - cancelled) / files.length : 0} thickness="large" data-testid="batch-progress" data-done={done} data-total={files.length} />
        </Field>
        {!finished && (
          <Button appearance="secondary" onClick={onCancel} data-testid="batch-cancel" data-print="hide">
            取消
          </Button>
        )}
        <Downloads
          items={[
            { kind: 'summary', label: '下载汇总工作簿', disabled: !finished },
            { kind: 'batch-json', label: 'JSON 报告', disabled: !finished },
            { kind: 'batch-html', label: 'HTML 报告', disabled: !finished },
            { kind: 'batch-annotated', label: '全部标注副本（.zip）', disabled: !finished || !annotatable },
          ]}
          preparing={preparing}
          onDownload={onDownload}
        />
      </div>
      <BatchOverview reports={reports} />
      <FindingFilters severity={severity} onSeverity={setSeverity} onlyProblems={onlyProblems} onOnlyProblems={setOnlyProblems} shown={shown.length} total={files.length} unit="个工作簿" />
      <div className={s.wrap} data-print="expand">
        <table className={s.table} data-testid="batch-table">
          <caption className={s.srOnly}>
            批量核对结果：每行一个工作簿，点击列标题排序，点击文件名查看问题
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={mergeClasses(s.th, c.numeric && s.numHead)}
                  aria-sort={sort?.key === c.key ? sort.dir : undefined}
                  style={c.minWidth ? { minWidth: c.minWidth } : undefined}
                >
                  <button type="button" className={mergeClasses(s.sortButton, c.numeric && s.numHead)} onClick={() => toggle(c.key)} data-sort={c.key}>
                    {c.label}
                    {sort?.key === c.key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <BatchRow key={f.key} entry={f} onOpen={onOpen} />
            ))}
          </tbody>
        </table>
      </div>
      {files.length > 0 && !finished && <Text className={s.muted} size={200}>大批量文件会依次核对，页面可以继续使用。</Text>}
    </section>
  );
}

/** One workbook's row; memoised, so a finished file re-renders only its own row. */
const BatchRow = memo(function BatchRow({ entry: f, onOpen }: { readonly entry: FileEntry; readonly onOpen: (key: string) => void }) {
  const s = useStyles();
  const r = f.report;
  const sum = r?.status === 'checked' ? r.summary : null;
  const differs = sum?.enteredTotal != null && sum.recomputedTotal != null && Number(sum.enteredTotal) !== Number(sum.recomputedTotal);
  const bad = f.status === 'unreadable' || f.status === 'unrecognised';
  const stated = r?.statedGrade?.replace(/\s+/g, '') ?? null;
  const count = (n: number | undefined, sev: 'error' | 'warning' | 'info') =>
    n === undefined ? <span className={s.muted}>—</span> : <span className={mergeClasses(s.count, n > 0 && s[sev])}>{n}</span>;
  return (
    <tr className={s.row} data-file={f.name} data-status={f.status} data-ms={f.ms === null ? undefined : Math.round(f.ms)} onClick={() => onOpen(f.key)}>
      <td className={s.td}>
        <button
          type="button"
          className={s.fileButton}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(f.key);
          }}
        >
          {f.name}
        </button>
      </td>
      <td className={s.td}>
        {r?.department ?? <span className={s.muted}>—</span>}
        {r?.project && <div className={s.muted}>{r.project}</div>}
      </td>
      <td className={s.td}>{r?.year ?? <span className={s.muted}>—</span>}</td>
      <td className={mergeClasses(s.td, s.num)}>{sum?.enteredTotal ?? <span className={s.muted}>—</span>}</td>
      <td className={mergeClasses(s.td, s.num, differs && s.differs)}>{sum?.recomputedTotal ?? <span className={s.muted}>—</span>}</td>
      <td className={s.td}>{r?.statedGrade ?? <span className={s.muted}>—</span>}</td>
      <td className={mergeClasses(s.td, stated && sum?.grade && !stated.startsWith(sum.grade) ? s.differs : undefined)} data-col="grade">
        {sum?.grade ??
          (sum?.gradeWithheld ? (
            <span className={s.muted} title={sum.gradeWithheld}>
              不评<span className={s.reason}>{sum.gradeWithheld}</span>
            </span>
          ) : (
            <span className={s.muted}>—</span>
          ))}
      </td>
      <td className={mergeClasses(s.td, s.num)}>{count(sum?.errors, 'error')}</td>
      <td className={mergeClasses(s.td, s.num)}>{count(sum?.warnings, 'warning')}</td>
      <td className={mergeClasses(s.td, s.num)}>{count(sum?.infos, 'info')}</td>
      <td className={s.td}>
        <span className={bad ? s.statusBad : undefined}>{STATUS_LABEL[f.status]}</span>
        {bad && r?.error && <span className={s.reason}>{r.error}</span>}
        {r?.status === 'checked' && !isFullyChecked(r) && (
          <span className={s.reason} data-testid="coverage-partial">
            {coverageText(r.coverage)}
          </span>
        )}
      </td>
    </tr>
  );
});
