import { FluentProvider } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { darkTheme, useSystemTheme } from './theme';

/** FluentProvider with the system's light or dark theme; native controls (scrollbars) follow it too. */
export function ThemedRoot({ children }: { readonly children: ReactNode }) {
  const theme = useSystemTheme();
  const dark = theme === darkTheme;
  return (
    <FluentProvider theme={theme} data-theme={dark ? 'dark' : 'light'} style={{ colorScheme: dark ? 'dark' : 'light', minHeight: '100%' }}>
      {children}
    </FluentProvider>
  );
}
