#!/usr/bin/env node
/**
 * A tiny static file server for dist/ (npm run serve; the browser tests use it too).
 * Binds to 127.0.0.1 only, serves files under the root and nothing else, no dependencies.
 *
 * Usage: node scripts/serve-dist.js [--port 8080] [--root dist]
 */
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { URL } = require('node:url');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `root` on 127.0.0.1:`port` (0 = any free port).
 * Resolves to { server, url, close() }.
 */
function serveDist({ root = path.resolve(__dirname, '..', 'dist'), port = 8080, log = false } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      } else {
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(data);
      }
      if (log) process.stdout.write(`${res.statusCode} ${req.method} ${req.url}\n`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${addr.port}/`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

if (require.main === module) {
  const root = path.resolve(arg('root', path.join(__dirname, '..', 'dist')));
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    process.stderr.write(`${root}/index.html is missing: run "npm run build" first.\n`);
    process.exit(1);
  }
  serveDist({ root, port: Number(arg('port', '8080')), log: true }).then(({ url }) => {
    process.stdout.write(`自评表核对（网页版）: ${url}\n按 Ctrl+C 停止。\n`);
  });
}

module.exports = { serveDist };
