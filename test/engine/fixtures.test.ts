/**
 * The generic fixture driver (after Prettier's and ExcelJS's fixture suites): every workbook
 * in test/fixtures/expected is read through the file door and checked, and the whole list of
 * findings must equal the hand-written expectation — rule, severity, sheet, cell, entered, expected.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildFixtures, EXPECTED_DIR, BAD_INPUTS } from '../fixtures/build-fixtures';
import { readWorkbook } from '../../src/host/file/read';
import { checkWorkbook } from '../../src/engine';

const outDir = mkdtempSync(join(tmpdir(), 'selfeval-fixtures-'));
const names = readdirSync(EXPECTED_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

beforeAll(async () => {
  await buildFixtures(outDir);
}, 120_000);

async function check(name: string) {
  const file = join(outDir, name);
  const read = await readWorkbook({ bytes: readFileSync(file), fileName: file });
  if (!read.ok) throw new Error(read.message);
  return checkWorkbook(read.grid, { file: name });
}

test.each(names)('%s', async (name) => {
  const expected = JSON.parse(readFileSync(join(EXPECTED_DIR, `${name}.json`), 'utf8'));
  const report = await check(`${name}.xlsx`);
  expect(report.status).toBe('checked');
  const got = report.findings.map(({ ruleId, severity, sheet, cell, entered, expected }) => ({ ruleId, severity, sheet, cell, entered, expected }));
  expect(got).toEqual(expected);
  // Every finding says something and names what it read.
  for (const f of report.findings) {
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    expect(f.inputs.length).toBeGreaterThan(0);
  }
});

test.each(BAD_INPUTS.map((b) => [b.file, b.status] as const))('%s is reported as %s', async (file, status) => {
  const path = join(outDir, file);
  const read = await readWorkbook({ bytes: readFileSync(path), fileName: path });
  if (!read.ok) {
    expect(status).toBe('unreadable');
    expect(read.message).toContain(file);
    return;
  }
  expect(checkWorkbook(read.grid, { file }).status).toBe(status);
});
