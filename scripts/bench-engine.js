#!/usr/bin/env node
/**
 * `npm run bench`'s engine section, run in a process of its own on the compiled engine (build/,
 * from `npm run build:cli`), as the CLI's check workers run it: the engine alone over a Grid read
 * from a JSON file (written by scripts/bench.ts from test/support/synthetic.ts). Not under
 * ts-node: with the TypeScript compiler in the same heap every collection works over a heap
 * several times larger, and the engine measures some 40% slower than it ever runs for a user.
 * Prints one JSON line: { medianMs, minMs }.
 */
'use strict';
const { readFileSync } = require('fs');
const { join } = require('path');
const { performance } = require('perf_hooks');
const { checkWorkbook } = require(join(__dirname, '..', 'build', 'engine'));

const [gridFile, runsArg] = process.argv.slice(2);
const grid = JSON.parse(readFileSync(gridFile, 'utf8'));
const runs = Number(runsArg || 7);
for (let i = 0; i < 3; i++) checkWorkbook(grid, { file: 'synthetic' }); // warm-up: JIT, lazy modules
const times = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  checkWorkbook(grid, { file: 'synthetic' });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ medianMs: times[Math.floor(times.length / 2)], minMs: times[0] }) + '\n');
