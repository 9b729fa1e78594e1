/**
 * A Word report in the standalone page, in headless Chromium: seed 004's report with one
 * contradicting sentence gives the CLI's findings, the 正文 tab shows the paragraphs, and clicking
 * the narrative finding selects its paragraph's row. A screenshot for people to look at.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFile } from '../../src/cli/check-file';
import { NARRATIVE, seed004Report } from '../docx/seed004-report';
import { artifact, ensureBuilt, externalRequests, openSession, shownFindings, type Session } from './harness';

jest.setTimeout(300_000);

let session: Session;
let dir: string;
let file: string;
const AT = NARRATIVE.findIndex((l) => l.startsWith('二、一般公共预算支出情况')) + 1;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-docx-page-'));
  file = path.join(dir, '芦淞区商务局自评报告.docx');
  const narrative = [...NARRATIVE.slice(0, AT), '2023年度预算执行率为95%，自评得分95.8分。', ...NARRATIVE.slice(AT)];
  fs.writeFileSync(file, await seed004Report({ narrative }));
  await ensureBuilt();
  session = await openSession();
}, 600_000);

afterAll(async () => {
  await session?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('checks a Word report like the CLI and shows the sentence at its paragraph', async () => {
  const { page } = session;
  await page.setInputFiles('#file-input', [file]);
  await page.waitForFunction((n) => document.querySelector('[data-testid=single-view]')?.getAttribute('data-file') === n, path.basename(file), {
    timeout: 60_000,
  });
  const got = (await shownFindings(page)).map((f) => `${f.ruleId} ${f.sheet}!${f.cell}`).sort();
  const want = (await checkFile(file, undefined)).report.findings.map((f) => `${f.ruleId} ${f.sheet}!${f.cell}`).sort();
  expect(got).toEqual(want);
  expect(got).toContain(`report.narrative-figure 正文!¶${AT + 1}`);

  await page.click(`[data-rule-id="report.narrative-figure"][data-cell="¶${AT + 1}"]`);
  const selected = page.locator('table[data-sheet-name="正文"] td[data-selected="true"]');
  await selected.waitFor();
  expect(await selected.getAttribute('data-addr')).toBe(`A${AT + 1}`);
  expect(await selected.textContent()).toContain('2023年度预算执行率为95%');
  expect(await page.locator('[data-testid=single-view]').textContent()).toContain('“2023年度预算执行率为95%，自评得分95.8分。”');
  await page.screenshot({ path: artifact('web-docx.png'), animations: 'disabled' });
  expect(externalRequests(session)).toEqual([]);
});
