#!/usr/bin/env node
/** The `selfeval-check` command (package.json `bin`, built to build/cli/main.js). */
import { cleanUpOnSignals } from './interrupt';
import { run } from './run';

cleanUpOnSignals();
run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Not expected to happen (every file's failure is a report): say so in Chinese, with the
    // library's words only as a detail for whoever maintains the tool.
    process.stderr.write(`selfeval-check：内部错误，核对未完成（请将此信息告知维护者）：${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
