import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { shownCell } from '../body-sheet';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { Finding, Severity } from '../../core/finding';
import { a1, colCount, columnName, type SheetGrid, type WorkbookGrid } from '../../grid/grid';
import { SEVERITY_LABEL, stronger } from '../../report/severity';
import { SEVERITY_COLORS } from '../../taskpane/theme';
import { cellText } from '../cellText';
import { SheetTabs } from './SheetTabs';

/** The page renders at most this much of a sheet (templates are a few dozen rows). */
export const MAX_ROWS = 2000;
export const MAX_COLS = 80;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  scroller: {
    overflow: 'auto',
    flexGrow: 1,
    minHeight: '240px',
    maxHeight: 'calc(100vh - 220px)',
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3 },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: '2px 4px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: '56px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: '2px 6px',
    textAlign: 'right',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    padding: '3px 6px',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    maxWidth: '240px',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    verticalAlign: 'middle',
  },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  error: { backgroundColor: SEVERITY_COLORS.error.fill, color: SEVERITY_COLORS.error.ink },
  warning: { backgroundColor: SEVERITY_COLORS.warning.fill, color: SEVERITY_COLORS.warning.ink },
  info: { backgroundColor: SEVERITY_COLORS.info.fill, color: SEVERITY_COLORS.info.ink },
  selected: {
    outline: `3px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    position: 'relative',
    zIndex: 1,
  },
  input: {
    outline: `2px dashed ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
  },
  note: { color: tokens.colorNeutralForeground2, padding: tokens.spacingVerticalXS },
});

export interface CellSelection {
  readonly sheet: string;
  readonly cell: string;
  /** The cells the finding was computed from (`Sheet!A1`): outlined dashed beside the solid one. */
  readonly inputs?: readonly string[];
}

export interface SheetViewProps {
  readonly grid: WorkbookGrid;
  readonly findings: readonly Finding[];
  readonly activeSheet: string;
  readonly onActiveSheet: (name: string) => void;
  readonly selected: CellSelection | null;
}

const PANEL_ID = 'sheet-panel';

interface Mark {
  readonly severity: Severity;
  readonly messages: string[];
}

/** The most severe finding per cell of one sheet, with every message for the tooltip. */
function marksOf(findings: readonly Finding[], sheet: string): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  for (const f of findings) {
    if (f.sheet !== sheet) continue;
    const cell = shownCell(f.cell);
    const prev = marks.get(cell);
    const line = `${SEVERITY_LABEL[f.severity]}：${f.message}`;
    if (!prev) marks.set(cell, { severity: f.severity, messages: [line] });
    else {
      prev.messages.push(line);
      if (stronger(f.severity, prev.severity)) marks.set(cell, { ...prev, severity: f.severity });
    }
  }
  return marks;
}

/** The workbook as tabs of grids: merged cells span, divergent cells carry their severity colour. */
export function SheetView({ grid, findings, activeSheet, onActiveSheet, selected }: SheetViewProps) {
  const s = useStyles();
  const sheet = grid.sheets.find((x) => x.name === activeSheet) ?? grid.sheets[0];
  const marks = useMemo(() => (sheet ? marksOf(findings, sheet.name) : new Map<string, Mark>()), [findings, sheet]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const f of findings) m.set(f.sheet, (m.get(f.sheet) ?? 0) + 1);
    return m;
  }, [findings]);
  const scroller = useRef<HTMLDivElement>(null);
  const selectedCell = selected && sheet && selected.sheet === sheet.name ? shownCell(selected.cell) : null;
  const inputCells = useMemo(() => {
    const out = new Set<string>();
    for (const ref of selected?.inputs ?? []) {
      const i = ref.lastIndexOf('!');
      if (sheet && ref.slice(0, i) === sheet.name) out.add(shownCell(ref.slice(i + 1)));
    }
    return out;
  }, [selected, sheet]);

  // Centre the selected cell inside the grid's own scroll box (the page itself only moves as far
  // as needed to show the grid), below the sticky headers.
  useEffect(() => {
    const box = scroller.current;
    if (!selectedCell || !box) return;
    const td = box.querySelector<HTMLElement>(`td[data-addr="${selectedCell}"]`);
    if (!td) return;
    const b = box.getBoundingClientRect();
    const r = td.getBoundingClientRect();
    const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const rowHead = box.querySelector('tbody th')?.getBoundingClientRect().width ?? 0;
    box.scrollTop += r.top - b.top - head - Math.max(0, (b.height - head - r.height) / 2);
    box.scrollLeft += r.left - b.left - rowHead - Math.max(0, (b.width - rowHead - r.width) / 2);
    box.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedCell, sheet]);

  if (!sheet) return null;
  return (
    <div className={s.root} data-testid="sheet-view">
      <SheetTabs
        sheets={grid.sheets.map((x) => ({ name: x.name, count: counts.get(x.name) ?? 0 }))}
        active={sheet.name}
        panelId={PANEL_ID}
        onSelect={onActiveSheet}
      />
      <div
        ref={scroller}
        id={PANEL_ID}
        className={s.scroller}
        role="tabpanel"
        aria-label={`工作表 ${sheet.name} 的内容`}
        tabIndex={0}
      >
        <SheetTable sheet={sheet} marks={marks} selectedCell={selectedCell} inputCells={inputCells} />
      </div>
      {(sheet.rows.length > MAX_ROWS || colCount(sheet) > MAX_COLS) && (
        <Text className={s.note} size={200}>
          工作表较大，仅显示前 {MAX_ROWS} 行、{MAX_COLS} 列。
        </Text>
      )}
    </div>
  );
}

interface SheetTableProps {
  readonly sheet: SheetGrid;
  readonly marks: ReadonlyMap<string, Mark>;
  readonly selectedCell: string | null;
  readonly inputCells: ReadonlySet<string>;
}

const SheetTable = memo(function SheetTable({ sheet, marks, selectedCell, inputCells }: SheetTableProps) {
  const s = useStyles();
  const rows = Math.min(sheet.rows.length, MAX_ROWS);
  const cols = Math.min(Math.max(colCount(sheet), 1), MAX_COLS);

  // Top-left cells of merges get spans; the cells they cover are not rendered.
  const { spans, covered } = useMemo(() => {
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      if (m.top >= rows || m.left >= cols) continue;
      const bottom = Math.min(m.bottom, rows - 1);
      const right = Math.min(m.right, cols - 1);
      spans.set(`${m.top},${m.left}`, { rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 });
      for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
    return { spans, covered };
  }, [sheet, rows, cols]);

  const colIdx = Array.from({ length: cols }, (_, c) => c);
  return (
    <table className={s.table} data-sheet-name={sheet.name}>
      <thead>
        <tr>
          <th className={s.corner} aria-label="行号" />
          {colIdx.map((c) => (
            <th key={c} scope="col" className={s.colHead}>
              {columnName(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr key={r}>
            <th scope="row" className={s.rowHead}>
              {r + 1}
            </th>
            {colIdx.map((c) => {
              const key = `${r},${c}`;
              if (covered.has(key)) return null;
              const addr = a1(r, c);
              const cell = sheet.rows[r]?.[c];
              const mark = marks.get(addr);
              const span = spans.get(key);
              const isNum = typeof cell?.value === 'number';
              return (
                <td
                  key={c}
                  rowSpan={span?.rowSpan}
                  colSpan={span?.colSpan}
                  data-addr={addr}
                  data-mark={mark?.severity}
                  data-selected={selectedCell === addr ? 'true' : undefined}
                  data-input={inputCells.has(addr) && selectedCell !== addr ? 'true' : undefined}
                  title={mark ? mark.messages.join('\n') : undefined}
                  className={mergeClasses(s.cell, isNum && s.num, mark && s[mark.severity], inputCells.has(addr) && s.input, selectedCell === addr && s.selected)}
                >
                  {cellText(cell)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
