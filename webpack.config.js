/**
 * Builds the three browser doors into dist/:
 *   'taskpane.html' — the Excel / WPS task pane (loads office.js from Microsoft's CDN, as Office
 *                     add-ins must), plus 'commands.html' (the manifest's FunctionFile) and 'help.html';
 *   'index.html'    — the standalone checker page (no office.js, no network at all);
 *   worker.js       — parses and checks workbooks off the page's main thread; ExcelJS (the writer)
 *                     and SheetJS (.xls) are its on-demand chunks worker.*.js, so neither page's
 *                     initial JS, nor the worker's, carries them;
 *   'standalone.html' — the same page as one self-contained file (scripts, the worker, the icon
 *                     inside it) that runs from file:// — a double-click on a locked-down PC;
 *   wps/            — the WPS表格 JS add-in (wpsjs layout): ribbon.xml, main.js, index.html from
 *                     src/wps-addin, and wps-taskpane.html (the same pane without office.js) with its
 *                     scripts and icons, self-contained so the folder can be served or packed as is.
 *
 * npm run build  → production build;  npm start → https dev server on :3000 (office-addin-dev-certs).
 */
'use strict';
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
// Optional at load time: a node_modules installed before it was added (npm ci brings it) still
// builds everything but the single file, and says so.
const HtmlInlineScriptPlugin = (() => {
  try {
    return require('html-inline-script-webpack-plugin');
  } catch {
    return null;
  }
})();

const DEV_PORT = 3000;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DIST = path.resolve(__dirname, 'dist');
// The boot guard (plain ES5, copied as is): every page loads it first, cache-busted by content.
const BOOT_JS = path.resolve(__dirname, 'src', 'boot', 'boot.js');
function bootJsUrl() {
  const hash = require('node:crypto').createHash('sha256').update(require('node:fs').readFileSync(BOOT_JS)).digest('hex');
  return `boot.js?v=${hash.slice(0, 8)}`;
}

/**
 * The engines every bundle must run in (package.json "browserslist"): Chromium 65 (the WPS
 * 2019-era pane), EdgeHTML 16+ (Office without WebView2), current WebView2 and WKWebView.
 * Babel lowers all code, node_modules included, to that syntax (ES2017 at most) and adds
 * the core-js polyfills it uses that these engines lack (usage-based, so only what is used).
 */
const TARGETS = require('./package.json').browserslist;
const CORE_JS = require('core-js/package.json').version;

function babelOptions(sourceType, polyfills) {
  const method = polyfills === 'pure' ? 'usage-pure' : 'usage-global';
  return {
    loader: 'babel-loader',
    options: {
      babelrc: false,
      configFile: false,
      browserslistConfigFile: false,
      // node_modules mixes CommonJS and ES modules: let Babel tell (its polyfill imports must match).
      sourceType,
      targets: TARGETS,
      presets: [['@babel/preset-env', { modules: false }]],
      // Babel 8's preset-env leaves polyfills to this plugin: a core-js import per feature used.
      plugins: [['babel-plugin-polyfill-corejs3', { method, version: CORE_JS }]],
      // Cached under node_modules/.cache/babel-loader: a rebuild recompiles only what changed.
      cacheDirectory: true,
      cacheCompression: false,
    },
  };
}

/**
 * Our TypeScript: ts-loader strips the types (no type check: tsc does that), Babel then lowers
 * the result to the targets. Everything else that webpack bundles goes through Babel alone —
 * except core-js itself and webpack's own runtime helpers, which must not polyfill themselves.
 * `polyfills: 'pure'` takes them from core-js-pure without touching globals (test/browser's
 * host fakes: they must not polyfill for the app under test, or a missing polyfill would go
 * unnoticed in old Chromium).
 */
function scriptRules({ polyfills = 'global' } = {}) {
  return [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: [
        babelOptions('module', polyfills),
        {
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            configFile: path.resolve(__dirname, 'tsconfig.json'),
            compilerOptions: { module: 'es2020', noEmit: false, sourceMap: true, target: 'es2020' },
          },
        },
      ],
    },
    {
      // Fluent UI's focus library writes one selector with :is() (Chromium 88+): rewritten.
      test: /[\\/]tabster[\\/]dist[\\/](esm|cjs)[\\/]Consts\.c?js$/,
      enforce: 'pre',
      use: path.resolve(__dirname, 'scripts', 'tabster-selector-loader.js'),
    },
    {
      test: /\.[cm]?js$/,
      include: /node_modules/,
      // ExcelJS's pre-built dist/ (noParse below) is already ES5 and must stay untouched.
      exclude: [/node_modules[\\/]core-js(-pure)?[\\/]/, /node_modules[\\/]webpack[\\/]/, /exceljs[\\/]dist[\\/]/],
      use: babelOptions('unambiguous', polyfills),
    },
  ];
}

function common(mode) {
  return {
    mode,
    devtool: mode === 'production' ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
      // ExcelJS's package.json "browser" field points at its self-contained dist/exceljs.min.js;
      // SheetJS maps buffer/crypto/stream/fs to false itself. Node built-ins that other code may
      // name are switched off rather than polyfilled: the browser path never calls them.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, buffer: false, zlib: false },
    },
    module: {
      // Pre-built bundles: nothing for webpack to parse.
      noParse: [/exceljs[\\/]dist[\\/]exceljs(\.bare)?\.min\.js$/],
      rules: scriptRules(),
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

/**
 * Assembles dist/wps/: the WPS add-in's own files plus a self-contained copy of the task pane
 * (wps-taskpane.html and every script of this compilation, the icons). WPS loads ribbon.xml and
 * index.html from the add-in's folder, so the pane must sit in that folder too.
 */
class WpsAddinPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('WpsAddinPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'WpsAddinPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const dir = path.resolve(__dirname, 'src', 'wps-addin');
        for (const file of ['ribbon.xml', 'main.js', 'index.html']) {
          compilation.emitAsset(`wps/${file}`, new sources.RawSource(require('node:fs').readFileSync(path.join(dir, file))));
          compilation.fileDependencies.add(path.join(dir, file));
        }
        for (const name of Object.keys(compilation.assets)) {
          const paneFile = name === 'wps-taskpane.html' || /^[^/]+\.js$/.test(name) || /^assets\/[^/]+\.png$/.test(name);
          // With the original's info: `minimized` keeps Terser (which also sees assets added this
          // late) off the copies — boot.js must stay ES5, the bundles are minified already.
          if (paneFile) compilation.emitAsset(`wps/${name}`, compilation.assets[name], { ...compilation.assetsInfo.get(name) });
        }
      });
    });
  }
}

// The page's CSP (production): nothing leaves the machine — scripts, the worker and styles come
// from the page's own folder only, and no connection of any kind is allowed.
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";
// The single file's: its scripts are inline and its worker a Blob; nothing else is loaded at all.
const STANDALONE_CSP =
  "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

function pages(mode, env, outDir) {
  const prod = mode === 'production';
  return {
    ...common(mode),
    name: 'pages',
    target: ['web', 'es2017'],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      web: './src/web/index.tsx',
    },
    output: {
      path: outDir,
      filename: prod ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: prod ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
    },
    optimization: {
      // The vendor chunk holds what the pages load up front; what only a lazy chunk needs (the
      // pane's 一键重算 dialog) stays with it.
      splitChunks: { chunks: 'all', cacheGroups: { defaultVendors: { test: /node_modules/, name: 'vendor', chunks: 'initial', priority: -10 } } },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs: OFFICE_JS, bootJs: bootJsUrl() },
      }),
      new HtmlWebpackPlugin({
        // WPS does not run office.js: the same pane, without it, for the WPS add-in (dist/wps/).
        filename: 'wps-taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs: '', bootJs: bootJsUrl() },
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/web/index.html',
        chunks: ['web'],
        templateParameters: { csp: prod || env.csp === true ? PAGE_CSP : '', bootJs: bootJsUrl(), bootSource: '', icon: 'assets/icon-32.png' },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // As written: a minifier would emit the build's ES2017 syntax, which IE11 cannot parse.
          { from: 'src/boot/boot.js', to: 'boot.js', info: { minimized: true } },
          { from: 'src/taskpane/commands.html', to: 'commands.html', transform: (c) => c.toString().replace('%OFFICE_JS%', OFFICE_JS) },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
      new WpsAddinPlugin(),
    ],
  };
}

/**
 * The worker bundles ExcelJS from its sources (lib/exceljs.bare.js) instead of the package's
 * "browser" build (dist/exceljs.min.js, ES5 with core-js and regenerator): reading a workbook
 * is about 3× faster that way. The few Node built-ins its code names get browser packages
 * (readable-stream, buffer, events) or a tiny process shim; fs/crypto paths are never taken.
 */
function worker(mode, outDir, { single = false } = {}) {
  const base = common(mode);
  return {
    ...base,
    resolve: {
      ...base.resolve,
      alias: { exceljs$: path.resolve(__dirname, 'node_modules/exceljs/lib/exceljs.bare.js') },
      fallback: {
        ...base.resolve.fallback,
        stream: require.resolve('readable-stream'),
        buffer: require.resolve('buffer/'),
        events: require.resolve('events/'),
        util: false,
        url: false,
        string_decoder: require.resolve('string_decoder/'),
      },
    },
    plugins: [
      // The package scan inflates with Node's zlib in the CLI, with fflate here (part-inflate.browser.ts).
      new webpack.NormalModuleReplacementPlugin(/^\.\/part-inflate$/, './part-inflate.browser'),
      // ExcelJS (the writer) and SheetJS (the .xls reader) are chunks of their own, fetched when a
      // file first needs them; a worker started from a Blob URL (standalone.html) has nowhere to
      // fetch them from, so its build keeps everything in one file.
      ...(single ? [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })] : []),
      new webpack.ProvidePlugin({
        Buffer: ['buffer', 'Buffer'],
        process: [path.resolve(__dirname, 'src/web/process-shim.ts'), 'default'],
      }),
    ],
    name: single ? 'worker-single' : 'worker',
    target: ['webworker', 'es2017'],
    entry: { worker: './src/web/worker.ts' },
    output: {
      path: single ? singleWorkerDir(mode, outDir) : outDir,
      filename: 'worker.js',
      chunkFilename: 'worker.[name].[contenthash:8].js',
      publicPath: '',
    },
  };
}

/** Where the one-file worker of standalone.html is built: beside the cache, never in dist/. */
function singleWorkerDir(mode, outDir) {
  const key = require('node:crypto').createHash('sha256').update(`${mode}\n${outDir}`).digest('hex').slice(0, 12);
  return path.resolve(__dirname, 'node_modules', '.cache', 'selfeval-worker-single', key);
}

/**
 * dist/standalone.html: the page as a single file. Built after the worker (it carries
 * dist/worker.js as text, imported as asset/source, and starts it from a Blob URL), in one chunk,
 * every script inlined by html-inline-script-webpack-plugin, boot.js and the icon inlined too.
 */
function standalone(mode, outDir) {
  const base = common(mode);
  const workerFile = path.join(singleWorkerDir(mode, outDir), 'worker.js');
  const fs = require('node:fs');
  const icon = `data:image/png;base64,${fs.readFileSync(path.resolve(__dirname, 'assets', 'icon-32.png')).toString('base64')}`;
  return {
    ...base,
    name: 'standalone',
    dependencies: ['worker-single'],
    target: ['web', 'es2017'],
    // No .map beside a file meant to travel alone.
    devtool: false,
    entry: { standalone: './src/web/standalone.tsx' },
    resolve: { ...base.resolve, alias: { 'selfeval-inline-worker$': workerFile } },
    module: {
      ...base.module,
      rules: [
        { resource: workerFile, type: 'asset/source' },
        // The built worker is not compiled again (in the tests' build it lies under node_modules/.cache).
        ...scriptRules().map((r) => ({ ...r, exclude: [].concat(r.exclude || [], workerFile) })),
      ],
    },
    output: { path: outDir, filename: 'standalone.[contenthash:8].js', publicPath: '' },
    optimization: { splitChunks: false },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({
        filename: 'standalone.html',
        template: './src/web/index.html',
        chunks: ['standalone'],
        // Inline scripts do not wait (defer is for src=): at the end of <body>, after #root.
        inject: 'body',
        scriptLoading: 'blocking',
        // The inlined bundle is minified already; boot.js stays as written (ES5, see CopyWebpackPlugin).
        minify: { collapseWhitespace: true, removeComments: true, minifyJS: false, minifyCSS: true },
        templateParameters: { csp: STANDALONE_CSP, bootJs: '', bootSource: fs.readFileSync(BOOT_JS, 'utf8'), icon },
      }),
      new HtmlInlineScriptPlugin({ htmlMatchPattern: [/standalone\.html$/] }),
    ],
  };
}

/**
 * The dev server's certificate: office-addin-dev-certs makes a local CA and a localhost
 * certificate and asks the OS to trust the CA. Where that cannot be done (no admin rights,
 * a container), serve with the generated files anyway and say how to trust them.
 */
async function httpsOptions(devCerts) {
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const defaults = require('office-addin-dev-certs/lib/defaults');
    const fs = require('node:fs');
    if (!fs.existsSync(defaults.localhostCertificatePath) || !fs.existsSync(defaults.localhostKeyPath)) throw e;
    console.warn(
      `[selfeval-check] 未能把开发证书加入系统信任（${e instanceof Error ? e.message.split('\n')[0] : e}）。` +
        `仍以 ${defaults.localhostCertificatePath} 提供 https；请手动信任 ${defaults.caCertificatePath}，` +
        '或运行 npx office-addin-dev-certs install。',
    );
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || (env.WEBPACK_SERVE ? 'development' : 'production');
  // --env outDir=DIR builds elsewhere (the browser tests build aside, then swap dist/ in whole).
  const outDir = env.outDir ? path.resolve(env.outDir) : DIST;
  const configs = [pages(mode, env, outDir), worker(mode, outDir)];
  // The single file is a release artefact: not rebuilt by the dev server.
  if (!env.WEBPACK_SERVE && HtmlInlineScriptPlugin) configs.push(worker(mode, outDir, { single: true }), standalone(mode, outDir));
  else if (!HtmlInlineScriptPlugin) console.warn('[selfeval-check] 未安装 html-inline-script-webpack-plugin，未生成单文件网页 standalone.html：请运行 npm ci。');
  if (env.WEBPACK_SERVE) {
    // Office requires https even for localhost: office-addin-dev-certs makes and trusts a local CA.
    const devCerts = require('office-addin-dev-certs');
    configs[0].devServer = {
      port: DEV_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.http ? { type: 'http' } : { type: 'https', options: await httpsOptions(devCerts) },
      static: [{ directory: path.resolve(__dirname, 'assets'), publicPath: '/assets' }],
      client: { overlay: { warnings: false } },
    };
  }
  return configs;
};

// test/browser/old-chromium.ts builds the host fakes with the same rules.
module.exports.scriptRules = scriptRules;
