/** The standalone page's entry: no Office, no network; workbooks are read in a Web Worker. */
import { FluentProvider } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { theme } from '../taskpane/theme';
import { WebApp } from './WebApp';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <FluentProvider theme={theme}>
      <WebApp />
    </FluentProvider>,
  );
}
