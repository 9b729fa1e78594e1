/**
 * 载入规则配置… on the standalone page, in real headless Chromium: a bureau's profile file (the
 * format of `--profile FILE.json`) that raises a severity changes the severities shown for the
 * workbooks opened after it, exactly as the engine gives them with that profile; a bad file gets
 * the CLI's own message, naming the key, and the profile in use stays.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { loadProfileText } from '../../src/core/profile-load';
import { checkWorkbook } from '../../src/engine';
import { readWorkbook } from '../../src/host/file/read';
import { ROOT, ensureBuilt, externalRequests, findingKey, openSession, shownFindings, type Session } from './harness';

jest.setTimeout(300_000);

const SEED = path.join(ROOT, 'samples', 'seed-004.xlsx');
let session: Session;
let dir: string;

const GOOD = {
  id: 'zhuzhou-lusong',
  name: '芦淞区财政局复核口径',
  extends: 'hunan-dept-overall',
  severity: { 'selfeval.indicator-score': 'error' },
};
const BAD = { id: 'bad', name: '写错的配置', extends: 'hunan-dept-overall', severity: { 'selfeval.indicator-score': 'fatal' }, colour: 'red' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-profile-'));
  fs.writeFileSync(path.join(dir, '复核口径.json'), JSON.stringify(GOOD, null, 2));
  fs.writeFileSync(path.join(dir, '写错的配置.json'), JSON.stringify(BAD, null, 2));
  await ensureBuilt();
  session = await openSession();
}, 600_000);

afterAll(async () => {
  await session?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function findings(page: Page): Promise<string[]> {
  return (await shownFindings(page)).map(findingKey).sort();
}

async function engineFindings(profileText: string | null): Promise<string[]> {
  const read = await readWorkbook({ bytes: fs.readFileSync(SEED), fileName: 'seed-004.xlsx' });
  if (!read.ok) throw new Error(read.message);
  let profile;
  if (profileText) {
    const r = loadProfileText(profileText, '复核口径.json');
    if (!r.ok) throw new Error(r.message);
    profile = r.profile;
  }
  const report = checkWorkbook(read.grid, profile ? { file: 'seed-004.xlsx', profile } : { file: 'seed-004.xlsx' });
  return report.findings.map(findingKey).sort();
}

async function openSeed(page: Page, severityOfH14: string): Promise<void> {
  await page.setInputFiles('#file-input', [SEED]);
  await page.waitForSelector(`[data-testid=single-view] [data-rule-id="selfeval.indicator-score"][data-cell="H14"][data-severity="${severityOfH14}"]`, { timeout: 60_000 });
}

test('a profile that raises a severity: its name shown, the next workbook checked with it, as the engine checks with it', async () => {
  const { page } = session;
  await openSeed(page, 'warning');
  const plain = await findings(page);
  expect(plain).toEqual(await engineFindings(null));

  await page.setInputFiles('#profile-input', [path.join(dir, '复核口径.json')]);
  await page.waitForSelector('[data-testid=profile-name]');
  expect(await page.textContent('[data-testid=profile-name]')).toContain('芦淞区财政局复核口径（复核口径.json）');
  // Already on screen: unchanged until a workbook is opened again.
  expect(await findings(page)).toEqual(plain);
  await openSeed(page, 'error');
  const raised = await findings(page);
  expect(raised).toEqual(await engineFindings(fs.readFileSync(path.join(dir, '复核口径.json'), 'utf8')));
  expect(raised).not.toEqual(plain);
  expect(raised.filter((f) => f.startsWith('selfeval.indicator-score error')).length).toBeGreaterThan(1);
  expect(raised.some((f) => f.startsWith('selfeval.indicator-score warning'))).toBe(false);
});

test('a bad profile file: the CLI’s message naming the key, and the profile in use stays', async () => {
  const { page } = session;
  await page.setInputFiles('#profile-input', [path.join(dir, '写错的配置.json')]);
  await page.waitForSelector('[data-testid=profile-error]');
  const want = loadProfileText(JSON.stringify(BAD, null, 2), '写错的配置.json');
  expect(want.ok).toBe(false);
  const message = (want as { message: string }).message;
  expect(message).toMatch(/colour/);
  expect(message).toMatch(/selfeval\.indicator-score/);
  const shown = await page.$eval('[data-testid=profile-error]', (e) => (e as HTMLElement).innerText);
  for (const line of message.split('\n')) expect(shown).toContain(line.trim());
  expect(await page.textContent('[data-testid=profile-name]')).toContain('复核口径.json');
  await openSeed(page, 'error');

  // 恢复默认: back to the form's own profile for the next workbook.
  await page.getByRole('button', { name: '恢复默认' }).click();
  await openSeed(page, 'warning');
  expect(await findings(page)).toEqual(await engineFindings(null));
  expect(externalRequests(session)).toEqual([]);
  expect(session.errors).toEqual([]);
});
