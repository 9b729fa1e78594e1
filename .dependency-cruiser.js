/**
 * dependency-cruiser (npm run lint): no import cycles in src/, type-only imports included — a
 * cycle of types still ties the modules' meanings together (Finding's rule IDs once came from
 * the registry of every rule). The layers themselves are eslint.config.js's no-restricted-imports.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module never depends on itself through others (README, "How it is built").',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count (they are erased from the JavaScript, not from the design).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
