/**
 * webpack loader for tabster's Consts.js (Fluent UI v9's focus library): its focusable-element
 * selector is written `:is(a[href], button, …):not(:disabled)`, and `:is()` exists only from
 * Chromium 88 — in Chromium 65/72 (WPS) every focus check threw "not a valid selector" (found by
 * test/browser/old-chromium.test.ts). The same selector as a plain list, `a[href]:not(:disabled),
 * button:not(:disabled), …`, matches exactly the same elements in every engine. Fails the build
 * if tabster changes the constant, so the rewrite is never silently skipped.
 */
'use strict';

const PATTERN = /`:is\(\$\{(\[[\s\S]*?\])\.join\(", "\)\}\):not\(:disabled\)`/;

module.exports = function tabsterSelectorLoader(source) {
  if (!PATTERN.test(source)) {
    throw new Error('tabster-selector-loader: FOCUSABLE_SELECTOR not found in the expected form; check tabster\'s Consts.js');
  }
  return source.replace(PATTERN, (_, list) => `${list}.map((s) => s + ":not(:disabled)").join(", ")`);
};
