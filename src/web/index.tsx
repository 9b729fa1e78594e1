/** The standalone page's entry: no Office, no network; workbooks are read in a Web Worker. */
import { FluentProvider } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { BootMounted, bootCanStart } from '../boot/signal';
import { theme } from '../taskpane/theme';
import { WebApp } from './WebApp';

const root = document.getElementById('root');
if (root && bootCanStart()) {
  createRoot(root).render(
    <FluentProvider theme={theme}>
      <BootMounted />
      <WebApp />
    </FluentProvider>,
  );
}
