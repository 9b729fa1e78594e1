import { makeStyles, tokens } from '@fluentui/react-components';
import { memo, useMemo } from 'react';
import type { Severity } from '../../core/finding';
import { SEVERITY_RANK } from '../../core/finding';
import type { Grade, Report } from '../../core/report';
import { findingTitle } from '../../core/rule-titles';
import { row } from '../../taskpane/spacing';
import { SEVERITY_COLORS } from '../../taskpane/theme';

/** One bar: its label, its count, a note for the text alternative, and its colour. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Said after the count (`，涉及 3 个工作簿`). */
  readonly note?: string;
  readonly color: string;
}

const GRADES: readonly Grade[] = ['优', '良', '中', '差'];
/** How many problem kinds the chart shows, most frequent first. */
const TOP_PROBLEMS = 8;

const GRADE_COLOR: Readonly<Record<Grade | '无', string>> = {
  优: tokens.colorPaletteGreenBackground3,
  良: tokens.colorPaletteLightGreenBackground3,
  中: tokens.colorPaletteMarigoldBackground3,
  差: tokens.colorPaletteRedBackground3,
  无: tokens.colorNeutralStroke1,
};

/**
 * Workbooks by their recomputed grade (重算等次); forms the rules give no grade (unfinished, 分值
 * not adding up) counted apart as 不评等次; other checked ones without a grade as 无等次.
 */
export function gradeBars(reports: readonly Report[]): Bar[] {
  const checked = reports.filter((r) => r.status === 'checked');
  const bars: Bar[] = GRADES.map((g) => ({ label: g, value: checked.filter((r) => r.summary.grade === g).length, color: GRADE_COLOR[g] }));
  const withheld = checked.filter((r) => r.summary.grade === null && r.summary.gradeWithheld).length;
  if (withheld > 0) bars.push({ label: '不评等次（未填完或分值不符）', value: withheld, color: GRADE_COLOR['无'] });
  const none = checked.filter((r) => r.summary.grade === null && !r.summary.gradeWithheld).length;
  if (none > 0) bars.push({ label: '无等次', value: none, color: GRADE_COLOR['无'] });
  return bars;
}

/**
 * The most frequent problems by rule name (规则名称): errors and warnings per name across the
 * batch (提示 need no change and would crowd them out), with the number of workbooks they are
 * in, coloured by the most severe finding of that name.
 */
export function problemBars(reports: readonly Report[], top = TOP_PROBLEMS): Bar[] {
  const byTitle = new Map<string, { count: number; files: Set<string>; severity: Severity }>();
  for (const r of reports) {
    if (r.status !== 'checked') continue;
    for (const f of r.findings) {
      if (f.severity === 'info') continue;
      const title = findingTitle(f);
      const e = byTitle.get(title) ?? { count: 0, files: new Set<string>(), severity: f.severity };
      e.count++;
      e.files.add(r.file);
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[e.severity]) e.severity = f.severity;
      byTitle.set(title, e);
    }
  }
  return [...byTitle]
    .sort((a, b) => b[1].count - a[1].count || b[1].files.size - a[1].files.size || a[0].localeCompare(b[0], 'zh-CN'))
    .slice(0, top)
    .map(([label, e]) => ({ label, value: e.count, note: `，涉及 ${e.files.size} 个工作簿`, color: SEVERITY_COLORS[e.severity].bar }));
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', ...row(tokens.spacingHorizontalL, tokens.spacingHorizontalL) },
  figure: {
    margin: 0,
    flex: '1 1 320px',
    minWidth: 0,
    maxWidth: '640px',
    padding: tokens.spacingVerticalM,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, marginBottom: tokens.spacingVerticalS, color: tokens.colorNeutralForeground1 },
  svg: { display: 'block', width: '100%', overflow: 'visible' },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontFamily: tokens.fontFamilyBase },
  value: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontFamily: tokens.fontFamilyBase, fontVariantNumeric: 'tabular-nums' },
  track: { fill: tokens.colorNeutralBackground3 },
  empty: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Each bar is two lines: its label, then the bar with its count at the right. */
const ROW = 40;
const BAR = 12;
/** The bar's full length, in % of the chart's width (the rest holds the count). */
const SPAN = 86;

/**
 * A horizontal bar chart in SVG, laid out in percentages of its width so the text keeps its size
 * from a phone to a wide screen. The chart reads as one image with every number in its
 * aria-label; each bar has a <title> (shown on hover) too.
 */
function BarChart({ caption, bars, unit, testId }: { readonly caption: string; readonly bars: readonly Bar[]; readonly unit: string; readonly testId: string }) {
  const s = useStyles();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const said = bars.map((b) => `${b.label} ${b.value} ${unit}${b.note ?? ''}`).join('；');
  return (
    <figure className={s.figure} data-testid={testId}>
      <figcaption className={s.caption}>{caption}</figcaption>
      {bars.length === 0 ? (
        <div className={s.empty}>暂无</div>
      ) : (
        <svg className={s.svg} height={bars.length * ROW} role="img" aria-label={`${caption}：${said}`}>
          {bars.map((b, i) => {
            const y = i * ROW;
            return (
              <g key={b.label} data-label={b.label} data-value={b.value}>
                <title>{`${b.label}：${b.value} ${unit}${b.note ?? ''}`}</title>
                <text className={s.label} x="0" y={y + 12}>
                  {b.label}
                </text>
                <rect className={s.track} x="0" y={y + 20} width={`${SPAN}%`} height={BAR} rx="2" />
                {b.value > 0 && <rect x="0" y={y + 20} width={`${(b.value / max) * SPAN}%`} height={BAR} rx="2" style={{ fill: b.color }} />}
                <text className={s.value} x="100%" y={y + 31} textAnchor="end">
                  {b.value}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}

/** The batch at a glance, above its table: workbooks by grade, and the most frequent problems. */
export const BatchOverview = memo(function BatchOverview({ reports }: { readonly reports: readonly Report[] }) {
  const s = useStyles();
  const grades = useMemo(() => gradeBars(reports), [reports]);
  const problems = useMemo(() => problemBars(reports), [reports]);
  if (!reports.some((r) => r.status === 'checked')) return null;
  return (
    <section className={s.root} data-testid="batch-overview" aria-label="批量概览">
      <BarChart caption="重算等次分布" bars={grades} unit="个工作簿" testId="chart-grades" />
      <BarChart caption={`最常见的错误和警告（前 ${TOP_PROBLEMS} 类）`} bars={problems} unit="处" testId="chart-problems" />
    </section>
  );
});
