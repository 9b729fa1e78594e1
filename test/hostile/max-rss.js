/**
 * Preloaded into the CLI (`node --require` via NODE_OPTIONS, so forked processes get it too):
 * at exit each process appends its peak resident set size (KB, `process.resourceUsage().maxRSS`,
 * which covers its worker threads) to the file named by SELFEVAL_RSS_FILE.
 */
const { appendFileSync } = require('fs');
const { isMainThread } = require('worker_threads');

const out = process.env.SELFEVAL_RSS_FILE;
if (out && isMainThread) {
  process.on('exit', () => appendFileSync(out, `${process.pid} ${process.resourceUsage().maxRSS}\n`));
}
