#!/usr/bin/env node
/**
 * Reports the production bundle's sizes (npm run build first): for each page, the JS its HTML
 * loads up front (raw and gzip), and the worker the standalone page starts on demand.
 *
 * Usage: node scripts/bundle-size.js [--json]      Goal: task pane initial JS ≤ 300 KB gzip.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const DIST = path.resolve(__dirname, '..', 'dist');

function sizes(file) {
  const buf = fs.readFileSync(path.join(DIST, file));
  return { file, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
}

/** Local scripts an HTML page loads (CDN scripts such as office.js are not ours to count). */
function scriptsOf(page) {
  const html = fs.readFileSync(path.join(DIST, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1].replace(/[?#].*$/, '')).filter((src) => !/^https?:/.test(src));
}

function bundleSizes() {
  const pages = ['taskpane.html', 'index.html'].map((page) => {
    const files = scriptsOf(page).map(sizes);
    return {
      page,
      files,
      bytes: files.reduce((a, f) => a + f.bytes, 0),
      gzip: files.reduce((a, f) => a + f.gzip, 0),
    };
  });
  const worker = sizes('worker.js');
  return { pages, worker };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (require.main === module) {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    process.stderr.write('dist/ is missing: run "npm run build" first.\n');
    process.exit(1);
  }
  const r = bundleSizes();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } else {
    for (const p of r.pages) {
      process.stdout.write(`${p.page.padEnd(14)} initial JS ${kb(p.bytes).padStart(9)}  gzip ${kb(p.gzip).padStart(8)}  (${p.files.map((f) => f.file).join(' + ')})\n`);
    }
    process.stdout.write(`${'worker.js'.padEnd(14)} on demand  ${kb(r.worker.bytes).padStart(9)}  gzip ${kb(r.worker.gzip).padStart(8)}  (ExcelJS, SheetJS, engine; page only)\n`);
  }
}

module.exports = { bundleSizes };
