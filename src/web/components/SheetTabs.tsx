import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';
import { row } from '../../taskpane/spacing';

/** The id of a sheet's tab (sheet names may hold any character). */
export function tabId(name: string): string {
  return `sheet-tab-${Array.from(name, (ch) => ch.codePointAt(0)!.toString(36)).join('-')}`;
}

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    ...row(tokens.spacingHorizontalXS),
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0`,
  },
  tab: {
    backgroundColor: 'transparent',
    borderTopStyle: 'none',
    borderLeftStyle: 'none',
    borderRightStyle: 'none',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  active: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    ':hover': { borderBottomColor: tokens.colorCompoundBrandStroke },
  },
});

export interface SheetTabsProps {
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly count: number }>;
  readonly active: string;
  readonly panelId: string;
  readonly onSelect: (name: string) => void;
}

/**
 * The sheet tabs: a WAI-ARIA tablist with roving tabindex (one Tab stop; arrows, Home, End
 * move between sheets). Plain buttons, so no focus-trap helpers are left in the page.
 */
export function SheetTabs({ sheets, active, panelId, onSelect }: SheetTabsProps) {
  const s = useStyles();
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = sheets.findIndex((x) => x.name === active);
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % sheets.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i - 1 + sheets.length) % sheets.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = sheets.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const name = sheets[next]!.name;
    onSelect(name);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(name))}`)?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-label="工作表" className={s.list} onKeyDown={onKeyDown}>
      {sheets.map((x) => {
        const selected = x.name === active;
        return (
          <button
            key={x.name}
            type="button"
            role="tab"
            id={tabId(x.name)}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className={mergeClasses(s.tab, selected && s.active)}
            onClick={() => onSelect(x.name)}
          >
            {x.name}
            {x.count ? `（${x.count}）` : ''}
          </button>
        );
      })}
    </div>
  );
}
