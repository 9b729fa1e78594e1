/** Fluent's light theme with Chinese system fonts after Segoe UI (no web fonts: nothing is fetched). */
import { webLightTheme, type Theme } from '@fluentui/react-components';

const CJK = "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei'";

export const theme: Theme = {
  ...webLightTheme,
  fontFamilyBase: `'Segoe UI', ${CJK}, -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif`,
};
