/** Mounts the standalone page into #root, for both of its builds (index.html, standalone.html). */
// First: what old engines lack and core-js cannot add (see the module).
import '../boot/weakref';
import { createRoot } from 'react-dom/client';
import { BootMounted, bootCanStart } from '../boot/signal';
import { ThemedRoot } from '../taskpane/ThemedRoot';
import type { PoolFactory } from './useWebChecker';
import { WebApp } from './WebApp';

export function mountWebApp(makePool?: PoolFactory): void {
  const root = document.getElementById('root');
  if (!root || !bootCanStart()) return;
  createRoot(root).render(
    <ThemedRoot>
      <BootMounted />
      <WebApp {...(makePool ? { makePool } : {})} />
    </ThemedRoot>,
  );
}
