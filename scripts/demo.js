#!/usr/bin/env node
/**
 * `npm run demo`: checks the bundled sample (seed 004, 芦淞区商务局 2023) as a reviewer would,
 * writes the annotated copy and the HTML report to out/, and explains the exit status.
 * Exit status 1 ("error findings") is the expected result for this sample, so the demo
 * itself succeeds then.
 */
const { spawnSync } = require('child_process');
const { join } = require('path');

const root = join(__dirname, '..');
const cli = join(root, 'build', 'cli', 'main.js');
const sample = join('samples', 'seed-004.xlsx');
const run = (args) => spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });

const text = run(['--format', 'text', '--annotate', 'out', sample]);
run(['--format', 'html', '--out', join('out', 'seed-004.report.html'), sample]);
console.log('\n已写出：out/seed-004.checked.xlsx（标注副本）、out/seed-004.report.html（HTML 报告）');
console.log(`退出码 ${text.status}：0 = 无错误，1 = 有错误级问题，2 = 有文件无法读取或未识别模板。`);
process.exit(text.status === 0 || text.status === 1 ? 0 : text.status ?? 2);
