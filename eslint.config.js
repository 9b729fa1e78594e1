// Flat config: typescript-eslint's recommended rules over src, test and scripts.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');

module.exports = tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'coverage/**', 'out/**', 'test/artifacts/**', 'test/fixtures/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Rules that need the types (tsconfig.json's program): a promise nobody awaits or catches,
    // a promise where a callback's result is ignored, an await on something that is no promise.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/taskpane/**/*.ts', 'src/web/**/*.ts', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Layers (README, "How it is built"): grid → values → located tables → rules → report → doors.
  // A lower layer never imports a higher one, core never imports a host, a door never another door.
  ...[
    { files: ['src/grid/**'], banned: ['values', 'template', 'core', 'report', 'host', 'session', 'cli', 'taskpane', 'web', 'engine'] },
    { files: ['src/values/**'], banned: ['template', 'core', 'report', 'host', 'session', 'cli', 'taskpane', 'web', 'engine'] },
    { files: ['src/template/**'], banned: ['core', 'report', 'host', 'session', 'cli', 'taskpane', 'web', 'engine'] },
    { files: ['src/core/**'], banned: ['report', 'host', 'session', 'cli', 'taskpane', 'web', 'engine'] },
    { files: ['src/report/**'], banned: ['host', 'session', 'cli', 'taskpane', 'web', 'engine'] },
    { files: ['src/host/**'], banned: ['session', 'cli', 'taskpane', 'web', 'engine'] },
    // The panes' session: plain TypeScript over a SpreadsheetHost, no React, no door.
    { files: ['src/session/**'], banned: ['cli', 'taskpane', 'web', 'engine', 'wps-addin', 'boot'] },
    { files: ['src/cli/**'], banned: ['session', 'taskpane', 'web'] },
    { files: ['src/taskpane/**'], banned: ['cli', 'web'] },
    { files: ['src/web/**'], banned: ['cli'] },
  ].map(({ files, banned }) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: `^(\\.\\./)+(${banned.join('|')})(/|$)`, message: 'A layer imports only the layers below it (README, "How it is built").' }] }],
    },
  })),
  {
    // The session runs wherever a pane does (a future ES5 Trident pane too): no React, no DOM.
    files: ['src/session/**'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'location'],
      'no-restricted-syntax': ['error', { selector: 'ImportDeclaration[source.value=/^react/]', message: 'The session is plain TypeScript: a view subscribes to it.' }],
    },
  },
  {
    // A plain browser script in WPS's add-in web view: its top-level functions are the ribbon
    // callbacks WPS calls by name (ribbon.xml), so they look unused here.
    files: ['src/wps-addin/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', wps: 'readonly' } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { vars: 'local' }] },
  },
  {
    // The boot guard: plain ES5 for any web view (IE11 included); test/boot checks the syntax.
    files: ['src/boot/**/*.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', location: 'readonly', setTimeout: 'readonly' },
    },
    // ES5 has no `catch {}` without a binding.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
);
