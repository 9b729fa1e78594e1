/**
 * The panes' and the page's themes: Fluent's light and dark web themes with Chinese system fonts
 * after Segoe UI (no web fonts: nothing is fetched), and the severity colours of each. The theme
 * follows the system's light/dark setting (prefers-color-scheme), live.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Severity } from '../core/finding';
import { SEVERITY_FILL, SEVERITY_INK } from '../report/severity';

const CJK = "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei'";
const FONT = `'Segoe UI', ${CJK}, -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif`;

/**
 * Severity colours on screen. FluentProvider writes every key of its theme as a CSS variable
 * (--sevErrorFill…), so one stylesheet serves both themes. Light: the cell fills of the annotated
 * copy with their dark ink; dark: deep fills of the same hues with light ink (contrast ≥ 7:1 each),
 * and a bright stripe for the findings' edge (a deep fill vanishes against a dark card); chart
 * bars in a colour that stands out from the page (≥ 3:1: the ink in light, the stripe in dark).
 */
interface SeverityTokens {
  readonly sevErrorFill: string;
  readonly sevErrorInk: string;
  readonly sevErrorStripe: string;
  readonly sevErrorBar: string;
  readonly sevWarningFill: string;
  readonly sevWarningInk: string;
  readonly sevWarningStripe: string;
  readonly sevWarningBar: string;
  readonly sevInfoFill: string;
  readonly sevInfoInk: string;
  readonly sevInfoStripe: string;
  readonly sevInfoBar: string;
}

const LIGHT_SEVERITY: SeverityTokens = {
  sevErrorFill: SEVERITY_FILL.error,
  sevErrorInk: SEVERITY_INK.error,
  sevErrorStripe: SEVERITY_FILL.error,
  sevErrorBar: SEVERITY_INK.error,
  sevWarningFill: SEVERITY_FILL.warning,
  sevWarningInk: SEVERITY_INK.warning,
  sevWarningStripe: SEVERITY_FILL.warning,
  sevWarningBar: SEVERITY_INK.warning,
  sevInfoFill: SEVERITY_FILL.info,
  sevInfoInk: SEVERITY_INK.info,
  sevInfoStripe: SEVERITY_FILL.info,
  sevInfoBar: SEVERITY_INK.info,
};

const DARK_SEVERITY: SeverityTokens = {
  sevErrorFill: '#5C1A22',
  sevErrorInk: '#FFC7CE',
  sevErrorStripe: '#F1707B',
  sevErrorBar: '#F1707B',
  sevWarningFill: '#4D3B00',
  sevWarningInk: '#FFEB9C',
  sevWarningStripe: '#E8C15A',
  sevWarningBar: '#E8C15A',
  sevInfoFill: '#173A5E',
  sevInfoInk: '#BDD7EE',
  sevInfoStripe: '#6CA6DA',
  sevInfoBar: '#6CA6DA',
};

export const lightTheme: Theme = { ...webLightTheme, fontFamilyBase: FONT, ...LIGHT_SEVERITY };
export const darkTheme: Theme = { ...webDarkTheme, fontFamilyBase: FONT, ...DARK_SEVERITY };
/** The light theme (tests and callers that do not follow the system). */
export const theme = lightTheme;

const v = (name: keyof SeverityTokens) => `var(--${name})`;

/** Each severity's fill, ink on it and stripe, as CSS values that follow the theme. */
export const SEVERITY_COLORS: Readonly<Record<Severity, { readonly fill: string; readonly ink: string; readonly stripe: string; readonly bar: string }>> = {
  error: { fill: v('sevErrorFill'), ink: v('sevErrorInk'), stripe: v('sevErrorStripe'), bar: v('sevErrorBar') },
  warning: { fill: v('sevWarningFill'), ink: v('sevWarningInk'), stripe: v('sevWarningStripe'), bar: v('sevWarningBar') },
  info: { fill: v('sevInfoFill'), ink: v('sevInfoInk'), stripe: v('sevInfoStripe'), bar: v('sevInfoBar') },
};

/** Dark when the system says so, except on paper (printing in dark would be ink on black). */
const DARK_QUERY = '(prefers-color-scheme: dark)';
const PRINT_QUERY = 'print';

function matches(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

function listen(mq: MediaQueryList, onChange: () => void): () => void {
  // addListener: the engines whose MediaQueryList is not an EventTarget (Safari < 14).
  if (typeof mq.addEventListener === 'function') {
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }
  mq.addListener(onChange);
  return () => mq.removeListener(onChange);
}

/** The theme for the system's setting now, and again whenever the setting changes or printing starts. */
export function useSystemTheme(): Theme {
  const [dark, setDark] = useState(() => matches(DARK_QUERY));
  const [printing, setPrinting] = useState(() => matches(PRINT_QUERY));
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const darkMq = window.matchMedia(DARK_QUERY);
    const printMq = window.matchMedia(PRINT_QUERY);
    const stops = [listen(darkMq, () => setDark(darkMq.matches)), listen(printMq, () => setPrinting(printMq.matches))];
    setDark(darkMq.matches);
    // The print preview is laid out right after beforeprint: the light theme must be on screen by then.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(printMq.matches);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      stops.forEach((stop) => stop());
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return dark && !printing ? darkTheme : lightTheme;
}
