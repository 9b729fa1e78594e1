/**
 * The little of Node's `process` that ExcelJS's stream code touches, for the worker bundle
 * (webpack's ProvidePlugin injects it where a module names `process`).
 */
type Task = (...args: unknown[]) => void;

const shim = {
  browser: true,
  env: {} as Record<string, string | undefined>,
  version: '',
  versions: {} as Record<string, string>,
  platform: 'browser',
  nextTick(fn: Task, ...args: unknown[]): void {
    queueMicrotask(() => fn(...args));
  },
  cwd: () => '/',
};

export default shim;
