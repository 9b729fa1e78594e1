/** The standalone page's entry: no Office, no network; workbooks are read in a Web Worker. */
// First: what old engines lack and core-js cannot add (see the module).
import '../boot/weakref';
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
