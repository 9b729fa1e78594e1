/** A one-line progress bar on stderr, only when several files are checked on a terminal. */
import type { OutStream } from './io';
import { terminalSafe } from './terminal-text';

export interface Progress {
  start(index: number, name: string): void;
  done(): void;
}

const BAR_WIDTH = 24;
const SILENT: Progress = { start: () => undefined, done: () => undefined };

export function createProgress(stream: OutStream, total: number): Progress {
  if (total <= 1 || !stream.isTTY) return SILENT;
  const columns = stream.columns && stream.columns > 20 ? stream.columns : 80;
  return {
    start(index, name) {
      const filled = Math.round((index / total) * BAR_WIDTH);
      const head = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${index + 1}/${total} `;
      const room = Math.max(0, columns - head.length - 1);
      // The name is a stranger's text: made safe before it is written among our own controls.
      stream.write(`\r\x1b[K${head}${truncateStart(terminalSafe(name), room)}`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}

function truncateStart(s: string, room: number): string {
  return s.length <= room ? s : `…${s.slice(s.length - room + 1)}`;
}
