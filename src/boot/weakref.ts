/**
 * WeakRef where the engine lacks it (Chromium < 84, EdgeHTML, Safari < 14.1). Fluent UI's focus
 * library (tabster 8) calls `new WeakRef(element)` unconditionally; found by running the pane in
 * Chromium 65 (test/browser/old-chromium.test.ts), where it threw at createRoot. core-js has no
 * WeakRef: real weakness needs the engine. Holding the target strongly is a conforming WeakRef
 * (the language never promises that a target is collected); the cost is that elements tabster
 * tracks stay in memory for the pane's life — a task pane's DOM is small. Imported first by
 * each page's entry, before React and Fluent UI are evaluated.
 */
const g = globalThis as unknown as { WeakRef?: unknown };

if (typeof g.WeakRef !== 'function') {
  class StrongRef<T extends object> {
    private readonly target: T;
    constructor(target: T) {
      if (target === null || (typeof target !== 'object' && typeof target !== 'function')) {
        throw new TypeError('WeakRef: target must be an object');
      }
      this.target = target;
    }
    deref(): T {
      return this.target;
    }
  }
  Object.defineProperty(g, 'WeakRef', { value: StrongRef, writable: true, configurable: true });
}

export {};
