/**
 * Bundles one test entry (a host fake of test/browser) for old engines, with the app's own Babel
 * rules from webpack.config.js, polyfills from core-js-pure (see scriptRules). Run as its own process
 * (test/browser/old-chromium.ts): Babel 8 is an ES module, which Jest's CommonJS mode cannot load.
 *   webpack --config test/browser/legacy-fake.webpack.js --env entry=FILE --env outDir=DIR
 */
'use strict';
const path = require('node:path');
const { scriptRules } = require('../../webpack.config.js');

module.exports = (env) => ({
  mode: 'development',
  devtool: false,
  target: ['web', 'es2017'],
  context: path.resolve(__dirname, '..', '..'),
  entry: path.resolve(env.entry),
  output: { path: path.resolve(env.outDir), filename: 'fake.js' },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: scriptRules({ polyfills: 'pure' }) },
  stats: 'errors-only',
});
