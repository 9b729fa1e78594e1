/** The task pane's entry (taskpane.html): find the host, then render the pane for it. */
import { FluentProvider, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { checkWorkbook } from '../engine';
import { detectHost } from './hosts';
import { T } from './strings';
import { TaskPane } from './TaskPane';
import { theme } from './theme';

async function main(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) return;
  const root = createRoot(el);
  const detected = await detectHost();
  root.render(
    <FluentProvider theme={theme}>
      {detected.kind === 'host' ? (
        <TaskPane host={detected.host} check={checkWorkbook} {...(detected.fileName ? { fileName: detected.fileName } : {})} />
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{T.notInOffice}</MessageBarBody>
        </MessageBar>
      )}
    </FluentProvider>,
  );
}

void main();
