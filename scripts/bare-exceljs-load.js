#!/usr/bin/env node
/**
 * The baseline `npm run bench` compares the CLI with: a bare ExcelJS load of every workbook
 * named on the command line (or every .xlsx in a folder named), one after another, in one
 * process — what any checker built on ExcelJS has to spend at least.
 */
'use strict';
const { readdirSync, readFileSync, statSync } = require('fs');
const { join } = require('path');
const ExcelJS = require('exceljs');

function files(args) {
  return args.flatMap((a) =>
    statSync(a).isDirectory()
      ? readdirSync(a).filter((n) => n.endsWith('.xlsx')).sort().map((n) => join(a, n))
      : [a],
  );
}

(async () => {
  for (const f of files(process.argv.slice(2))) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f));
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
