/**
 * What jsdom lacks and a browser (or node) has, for component tests: ResizeObserver (Fluent's
 * MessageBar reflow), TextDecoder/TextEncoder (the file reader). And React's warning about
 * state updates outside act(), which async host calls make on purpose, is kept out of the log.
 */
import { TextDecoder, TextEncoder } from 'node:util';

const g = globalThis as Record<string, unknown>;
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
g.ResizeObserver ??= NoopResizeObserver;
if (typeof window !== 'undefined') (window as unknown as Record<string, unknown>).ResizeObserver ??= NoopResizeObserver;

const originalError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('not wrapped in act(')) return;
  originalError(...args);
};
