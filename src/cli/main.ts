#!/usr/bin/env node
/** The `selfeval-check` command (package.json `bin`, built to build/cli/main.js). */
import { run } from './run';

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`selfeval-check：内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
