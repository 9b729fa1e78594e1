/**
 * Runs a parser with the console silenced. ExcelJS and SheetJS print warnings with
 * console.warn/console.error (`Worksheet name … exceeds 31 chars`, unsupported features): in
 * the CLI they land on stderr in English, in the page in the devtools. What matters about a
 * read reaches the user as a Chinese message from failure.ts instead. Nested and overlapping
 * calls share one silence, lifted when the last of them ends.
 */
type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';
const METHODS: readonly ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug', 'trace'];

let depth = 0;
let saved: Partial<Record<ConsoleMethod, (...args: unknown[]) => void>> = {};

function silence(): void {
  if (depth++ > 0) return;
  saved = {};
  for (const m of METHODS) {
    saved[m] = console[m];
    console[m] = () => undefined;
  }
}

function restore(): void {
  if (--depth > 0) return;
  for (const m of METHODS) if (saved[m]) console[m] = saved[m];
  saved = {};
}

export function quietly<T>(run: () => T): T {
  silence();
  try {
    return run();
  } finally {
    restore();
  }
}

export async function quietlyAsync<T>(run: () => Promise<T>): Promise<T> {
  silence();
  try {
    return await run();
  } finally {
    restore();
  }
}
