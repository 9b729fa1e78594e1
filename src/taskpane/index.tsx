/**
 * The task pane's entry (taskpane.html, wps-taskpane.html): find the host, then render the pane
 * for it. Outside a host (a plain browser, WPS without its JSAPI) the boot guard explains, in
 * its own words per page, what to do instead (src/boot/boot.js).
 */
// First: what old engines lack and core-js cannot add (see the module).
import '../boot/weakref';
import { createRoot } from 'react-dom/client';
import { BootMounted, bootCanStart, bootFail } from '../boot/signal';
import { checkWorkbook } from '../engine';
import { detectHost } from './hosts';
import { TaskPane } from './TaskPane';
import { ThemedRoot } from './ThemedRoot';

async function main(): Promise<void> {
  const el = document.getElementById('root');
  if (!el || !bootCanStart()) return;
  const detected = await detectHost();
  if (detected.kind !== 'host') {
    bootFail('outside-host');
    return;
  }
  createRoot(el).render(
    <ThemedRoot>
      <BootMounted />
      <TaskPane host={detected.host} check={checkWorkbook} {...(detected.fileName ? { fileName: detected.fileName } : {})} />
    </ThemedRoot>,
  );
}

main().catch((e: unknown) => bootFail('error', e instanceof Error ? `${e.name}: ${e.message}` : String(e)));
