/**
 * The standalone page in real headless Chromium: every fixture's findings equal the CLI's,
 * the sheet view, keyboard-only use, downloads, a batch with a corrupt file, sorting, no
 * request leaving 127.0.0.1, axe-core, and screenshots for people to look at.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { checkFile } from '../../src/cli/check-file';
import type { Report } from '../../src/core/report';
import { readWorkbook } from '../../src/host/file/read';
import { unzipSync } from 'fflate';
import { buildFixtures } from '../fixtures/build-fixtures';
import { artifact, axeViolations, ensureBuilt, externalRequests, findingKey, openSession, shownFindings, type Session, type ShownFinding } from './harness';

jest.setTimeout(300_000);

let session: Session;
let fixtureDir: string;
let fixtures: string[];
const reference = new Map<string, Report>();

beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-fixtures-'));
  const [written] = await Promise.all([buildFixtures(fixtureDir, { sampleFile: null }), ensureBuilt()]);
  fixtures = written.filter((f) => f.endsWith('.xlsx')).sort();
  // A file that is not a workbook at all, with a workbook's name.
  const corrupt = path.join(fixtureDir, 'zz-corrupt.xlsx');
  fs.writeFileSync(corrupt, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 0x5a)]));
  fixtures.push(corrupt);
  // A legacy .xls (BIFF8) of seed 004, as budget systems still export them.
  const seedBytes = fs.readFileSync(fixtures.find((f) => path.basename(f) === 'seed-004.xlsx')!);
  const legacy = path.join(fixtureDir, 'seed-004-legacy.xls');
  fs.writeFileSync(legacy, XLSX.write(XLSX.read(seedBytes, { type: 'buffer' }), { bookType: 'xls', type: 'buffer' }) as Buffer);
  fixtures.push(legacy);
  // The CLI's reports for the same files, from the CLI's own pipeline.
  for (const f of fixtures) reference.set(path.basename(f), (await checkFile(f, undefined)).report);
  session = await openSession();
}, 600_000);

afterAll(async () => {
  await session?.close();
  if (fixtureDir) fs.rmSync(fixtureDir, { recursive: true, force: true });
});

/** Opens files through the real file input. */
async function open(page: Page, files: string[]): Promise<void> {
  await page.setInputFiles('#file-input', files);
}

/** Opens one workbook and waits until its report is on screen. */
async function openSingle(page: Page, file: string): Promise<void> {
  await open(page, [file]);
  const name = path.basename(file);
  await page.waitForFunction(
    (n) => {
      const v = document.querySelector('[data-testid=single-view]');
      return v !== null && v.getAttribute('data-file') === n;
    },
    name,
    { timeout: 60_000 },
  );
}

describe('one workbook', () => {
  it('shows, for every fixture, exactly the findings of the CLI', async () => {
    const { page } = session;
    const mismatches: string[] = [];
    for (const file of fixtures) {
      const name = path.basename(file);
      const want = reference.get(name)!;
      await openSingle(page, file);
      const got = (await shownFindings(page)).map(findingKey).sort();
      const expected = want.findings.map((f) => findingKey(f)).sort();
      if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${name}: page ${JSON.stringify(got)} ≠ CLI ${JSON.stringify(expected)}`);
      if (want.status === 'checked') {
        const totals = await page.$$eval('[data-testid=single-view] [data-testid=summary] dd', (dds) => dds.map((d) => d.textContent));
        const s = want.summary;
        // No grade where the rules give none: the pane says 不评 (its reason beside it, not in the dd).
        const expectTotals = [s.enteredTotal ?? '—', s.recomputedTotal ?? '—', s.grade ?? (s.gradeWithheld ? '不评' : '—')];
        if (JSON.stringify(totals) !== JSON.stringify(expectTotals)) mismatches.push(`${name}: totals ${totals} ≠ ${expectTotals}`);
        // 未发现问题 only where every check ran; a form checked in part says so (RULES.md, "Coverage").
        const full = want.coverage.notRun.length === 0 && want.coverage.unreadSheets.length === 0;
        if (want.findings.length === 0 && !(await page.$(full ? '[data-state=empty]' : '[data-state=empty-partial]'))) mismatches.push(`${name}: no ${full ? '未发现问题' : '部分检查未能进行'}`);
        const coverage = await page.$eval('[data-testid=single-view] [data-testid=coverage]', (e) => e.getAttribute('data-complete'));
        if (coverage !== String(full)) mismatches.push(`${name}: coverage shown ${coverage}, report ${full}`);
      } else {
        const state = await page.$(`[data-testid=single-view] [data-state=${want.status}]`);
        if (!state) mismatches.push(`${name}: status ${want.status} not shown`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(fixtures.length).toBeGreaterThan(40);
    expect(reference.get('seed-004-legacy.xls')!.findings.length).toBeGreaterThan(0);
  });

  it('renders the sheet with merges and highlights the divergent cells; clicking a finding outlines its cell', async () => {
    const { page } = session;
    const seed = fixtures.find((f) => path.basename(f) === 'seed-004.xlsx')!;
    await openSingle(page, seed);
    const report = reference.get('seed-004.xlsx')!;
    const sheet = report.findings[0]!.sheet;
    // The view opens on the first sheet with findings; every marked cell is a finding cell.
    const marked = await page.$$eval('[data-testid=sheet-view] td[data-mark]', (tds) =>
      tds.map((td) => `${td.getAttribute('data-addr')}:${td.getAttribute('data-mark')}`),
    );
    const cells = new Set(report.findings.filter((f) => f.sheet === sheet).map((f) => f.cell));
    expect(new Set(marked.map((m) => m.split(':')[0]))).toEqual(cells);
    const h5 = marked.find((m) => m.startsWith('H5:'));
    expect(h5).toBe('H5:error');
    // Merged cells span (the title row of 附件3 is merged across the table).
    expect(await page.$$eval('[data-testid=sheet-view] td[colspan]', (tds) => tds.length)).toBeGreaterThan(0);
    // Highlight colours are the convention's.
    expect(await page.$eval('td[data-addr="H5"]', (td) => getComputedStyle(td).backgroundColor)).toBe('rgb(255, 199, 206)');

    const last = report.findings[report.findings.length - 1]!;
    // 提示 are folded under one line: open the folds so the last finding (an info) can be clicked.
    await page.$$eval('[data-testid=infos-fold]', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.click(`[data-rule-id="${last.ruleId}"][data-cell="${last.cell}"]`);
    const selected = page.locator(`td[data-selected="true"]`);
    await selected.waitFor();
    expect(await selected.getAttribute('data-addr')).toBe(last.cell);
    // Scrolled into the grid's visible area.
    const inView = await page.$eval('td[data-selected="true"]', (td) => {
      const scroller = td.closest('[role=tabpanel]')!.getBoundingClientRect();
      const r = td.getBoundingClientRect();
      const inBox = r.top >= scroller.top - 1 && r.bottom <= scroller.bottom + 1 && r.left >= scroller.left - 1 && r.right <= scroller.right + 1;
      const inWindow = r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
      return { inBox, inWindow };
    });
    expect(inView).toEqual({ inBox: true, inWindow: true });
    expect(await page.$eval('td[data-selected="true"]', (td) => getComputedStyle(td).outlineStyle)).toBe('solid');
    // Its input cells on this sheet are outlined too (dashed).
    const h5f = report.findings.find((f) => f.cell === 'H5' && f.sheet === sheet)!;
    await page.click(`[data-rule-id="${h5f.ruleId}"][data-cell="H5"]`);
    await page.locator('td[data-selected="true"][data-addr="H5"]').waitFor();
    const wantInputs = h5f.inputs.filter((r) => r.startsWith(`${sheet}!`) && r !== `${sheet}!H5`).map((r) => r.slice(sheet.length + 1)).sort();
    expect(wantInputs.length).toBeGreaterThan(0);
    expect((await page.$$eval('td[data-input="true"]', (tds) => tds.map((td) => td.getAttribute('data-addr')!))).sort()).toEqual(wantInputs);
    expect(await page.$eval('td[data-input="true"]', (td) => getComputedStyle(td).outlineStyle)).toBe('dashed');
    await page.$$eval('[data-testid=infos-fold]', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.click(`[data-rule-id="${last.ruleId}"][data-cell="${last.cell}"]`);
    await page.screenshot({ path: artifact('web-single.png'), animations: 'disabled' });
  });

  it('shows a 项目支出绩效自评表 with its project, department and year', async () => {
    const { page } = session;
    await openSingle(page, fixtures.find((f) => path.basename(f) === 'project-2020-errors.xlsx')!);
    const card = await page.$eval('[data-testid=single-view] [data-testid=summary]', (el) => el.textContent ?? '');
    expect(card).toContain('株洲市芦淞区商务局 · 2023年商务发展专项资金 · 2023 年度');
    expect(await page.$$eval('[data-testid=single-view] [data-rule-id="selfeval.standard-weights"]', (els) => els.map((e) => e.getAttribute('data-cell')))).toEqual(['B13', 'B16']);
    await page.screenshot({ path: artifact('web-project.png'), animations: 'disabled' });
  });

  it('works with the keyboard alone: Tab to a finding, Enter selects its cell', async () => {
    const { page } = session;
    const seed = fixtures.find((f) => path.basename(f) === 'seed-004.xlsx')!;
    await openSingle(page, seed);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('body').focus();
    let reached: ShownFinding | null = null;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const d = (document.activeElement as HTMLElement | null)?.dataset;
        return d?.ruleId ? { ruleId: d.ruleId, severity: d.severity!, sheet: d.sheet!, cell: d.cell! } : null;
      });
    }
    expect(reached).not.toBeNull();
    await page.keyboard.press('Enter');
    await page.locator(`td[data-selected="true"][data-addr="${reached!.cell}"]`).waitFor();
    // And the focus ring is visible on the finding.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
  });

  it('downloads the annotated copy, the JSON report and the HTML report', async () => {
    const { page } = session;
    const seed = fixtures.find((f) => path.basename(f) === 'seed-004.xlsx')!;
    await openSingle(page, seed);
    const want = reference.get('seed-004.xlsx')!;

    const save = async (kind: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${kind}"]`)]);
      const target = artifact(download.suggestedFilename());
      await download.saveAs(target);
      return { name: download.suggestedFilename(), bytes: fs.readFileSync(target) };
    };

    const annotated = await save('annotated');
    expect(annotated.name).toBe('seed-004.checked.xlsx');
    const read = await readWorkbook({ bytes: annotated.bytes, fileName: annotated.name });
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.grid.sheets.map((s) => s.name)).toContain('核对结果');

    const json = await save('json');
    expect(json.name).toBe('seed-004.report.json');
    const report = JSON.parse(json.bytes.toString('utf8')) as Report;
    expect(report.findings.map(findingKey).sort()).toEqual(want.findings.map((f) => findingKey(f)).sort());
    expect(report.summary).toEqual(want.summary);

    const html = await save('html');
    expect(html.name).toBe('seed-004.report.html');
    const text = html.bytes.toString('utf8');
    expect(text).toMatch(/<html/i);
    for (const f of want.findings) expect(text).toContain(f.cell);
  });

  it('has no serious or critical accessibility violations', async () => {
    const { page } = session;
    const seed = fixtures.find((f) => path.basename(f) === 'seed-004.xlsx')!;
    await openSingle(page, seed);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a batch', () => {
  const batchFiles = () => {
    const pick = ['consistent.xlsx', 'seed-004.xlsx', 'rule-execution-score.xlsx', 'rule-total-score.xlsx', 'messy-sheet1.xlsx', 'bad-unrelated.xlsx', 'bad-truncated.xlsx', 'zz-corrupt.xlsx'];
    return pick.map((n) => fixtures.find((f) => path.basename(f) === n)!).filter(Boolean);
  };

  async function openBatch(page: Page, files: string[]): Promise<void> {
    await open(page, files);
    await page.waitForSelector('[data-testid=batch-progress]');
    await page.waitForFunction(
      (n) => {
        const p = document.querySelector('[data-testid=batch-progress]');
        return p !== null && p.getAttribute('data-done') === String(n);
      },
      files.length,
      { timeout: 120_000 },
    );
  }

  it('checks several workbooks plus a corrupt file: one row each, statuses and totals as the CLI', async () => {
    const { page } = session;
    const files = batchFiles();
    expect(files.length).toBe(8);
    await openBatch(page, files);
    const rows = await page.$$eval('[data-testid=batch-table] tbody tr', (trs) =>
      trs.map((tr) => ({
        file: tr.getAttribute('data-file'),
        status: tr.getAttribute('data-status'),
        cells: Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''),
      })),
    );
    expect(rows.map((r) => r.file).sort()).toEqual(files.map((f) => path.basename(f)).sort());
    for (const r of rows) {
      const want = reference.get(r.file!)!;
      expect({ file: r.file, status: r.status }).toEqual({ file: r.file, status: want.status });
      if (want.status === 'checked') {
        const s = want.summary;
        // 填报总分, 重算总分, (填报等次), 重算等次 — 不评 and its reason where the rules give none —, the counts.
        const grade = s.grade ?? (s.gradeWithheld ? `不评${s.gradeWithheld}` : '—');
        expect([...r.cells.slice(3, 5), ...r.cells.slice(6, 10)]).toEqual([s.enteredTotal ?? '—', s.recomputedTotal ?? '—', grade, String(s.errors), String(s.warnings), String(s.infos)]);
      } else {
        expect(r.cells[10]).toContain(want.error!.slice(0, 12)); // the reason is shown
      }
    }
    expect(rows.find((r) => r.file === 'zz-corrupt.xlsx')!.status).toBe('unreadable');
    await page.screenshot({ path: artifact('web-batch.png'), fullPage: true, animations: 'disabled' });
  });

  it('sorts by a column, both ways: a count or score biggest first on the first click', async () => {
    const { page } = session;
    const order = () => page.$$eval('[data-testid=batch-table] tbody tr', (trs) => trs.map((tr) => tr.querySelectorAll('td')[4]!.textContent));
    await page.click('[data-sort="recomputed"]');
    const desc = (await order()).filter((t) => t !== '—').map(Number);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(await page.getAttribute('th[aria-sort]', 'aria-sort')).toBe('descending');
    await page.click('[data-sort="recomputed"]');
    const asc = (await order()).filter((t) => t !== '—').map(Number);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect((await order()).slice(-1)[0]).toBe('—'); // blanks stay last
    const errors = () => page.$$eval('[data-testid=batch-table] tbody tr', (trs) => trs.map((tr) => tr.querySelectorAll('td')[7]!.textContent));
    await page.click('[data-sort="errors"]');
    expect(await page.getAttribute('th[aria-sort]', 'aria-sort')).toBe('descending');
    const e = (await errors()).filter((t) => t !== '—').map(Number);
    expect(e).toEqual([...e].sort((a, b) => b - a));
    expect(e[0]).toBeGreaterThan(0);
  });

  it('filters by severity and 只看有问题的, as the reports say', async () => {
    const { page } = session;
    const shown = async () => (await page.$$eval('[data-testid=batch-table] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-file')!))).sort();
    const names = batchFiles().map((f) => path.basename(f));
    const want = (keep: (r: Report) => boolean) => names.filter((n) => keep(reference.get(n)!)).sort();
    const filters = page.locator('[data-testid=batch-view] [data-testid=filters]');
    await filters.getByLabel('只看有问题的').check();
    const problems = want((r) => r.status !== 'checked' || r.summary.errors + r.summary.warnings > 0);
    expect(await shown()).toEqual(problems);
    expect(problems.length).toBeLessThan(names.length); // consistent.xlsx is left out
    await filters.getByLabel('只看有问题的').uncheck();
    await filters.getByRole('radio', { name: '错误' }).check();
    const withErrors = want((r) => r.status === 'checked' && r.summary.errors > 0);
    expect(await shown()).toEqual(withErrors);
    expect(withErrors.length).toBeGreaterThan(0);
    expect(await filters.getByTestId('filter-count').textContent()).toContain(`${withErrors.length} / ${names.length}`);
    await page.screenshot({ path: artifact('web-batch-filtered.png'), fullPage: true, animations: 'disabled' });
    await filters.getByRole('radio', { name: '全部' }).check();
    expect(await shown()).toEqual([...names].sort());
  });

  it('downloads every annotated copy as one .zip (the unrecognised workbook’s too)', async () => {
    const { page } = session;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('[data-download="batch-annotated"]')]);
    expect(download.suggestedFilename()).toBe('标注副本.zip');
    const target = artifact('标注副本.zip');
    await download.saveAs(target);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(target)));
    const expected = batchFiles()
      .map((f) => path.basename(f))
      .filter((n) => ['checked', 'unrecognised'].includes(reference.get(n)!.status))
      .map((n) => n.replace(/\.(xlsx|xls)$/i, '.checked.xlsx'))
      .sort();
    expect(Object.keys(entries).sort()).toEqual(expected);
    const seed = await readWorkbook({ bytes: entries['seed-004.checked.xlsx']!, fileName: 'seed-004.checked.xlsx' });
    expect(seed.ok && seed.grid.sheets.some((x) => x.name === '核对结果')).toBe(true);
  });

  it('opens a row’s findings and goes back', async () => {
    const { page } = session;
    await page.click('[data-testid=batch-table] tr[data-file="seed-004.xlsx"] button');
    await page.waitForFunction(() => document.querySelector('[data-testid=single-view]')?.getAttribute('data-file') === 'seed-004.xlsx');
    await page.waitForSelector('[data-testid=single-view] [data-testid=sheet-view]');
    expect((await shownFindings(page)).map(findingKey).sort()).toEqual(reference.get('seed-004.xlsx')!.findings.map((f) => findingKey(f)).sort());
    await page.click('text=← 返回汇总表');
    await page.waitForSelector('[data-testid=batch-table]', { state: 'visible' });
    expect(await page.$('[data-testid=single-view]')).toBeNull();
  });

  it('downloads the summary workbook', async () => {
    const { page } = session;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="summary"]')]);
    const target = artifact(download.suggestedFilename());
    await download.saveAs(target);
    const read = await readWorkbook({ bytes: fs.readFileSync(target), fileName: target });
    expect(read.ok).toBe(true);
    if (read.ok) {
      const text = JSON.stringify(read.grid.sheets[0]!.rows);
      for (const f of batchFiles()) expect(text).toContain(path.basename(f));
    }
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await axeViolations(session.page)).toEqual([]);
  });
});

describe('drag and drop', () => {
  it('takes dropped files like picked ones', async () => {
    const { page } = session;
    const names = ['seed-004.xlsx', 'consistent.xlsx'];
    const payload = names.map((n) => ({ name: n, b64: fs.readFileSync(fixtures.find((f) => path.basename(f) === n)!).toString('base64') }));
    // Excel's lock file of an open workbook, dropped with it: skipped, as the CLI skips it.
    payload.push({ name: '~$seed-004.xlsx', b64: Buffer.from('locked by 张三').toString('base64') });
    await page.evaluate((files) => {
      const dt = new DataTransfer();
      for (const f of files) {
        const bin = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bin], f.name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      }
      const zone = document.querySelector('[data-testid=dropzone]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, payload);
    await page.waitForFunction(() => document.querySelector('[data-testid=batch-progress]')?.getAttribute('data-done') === '2');
    const rows = await page.$$eval('[data-testid=batch-table] tbody tr', (trs) => trs.map((tr) => `${tr.getAttribute('data-file')}:${tr.getAttribute('data-status')}`));
    expect(rows.sort()).toEqual(['consistent.xlsx:checked', 'seed-004.xlsx:checked']);
  });
});

describe('privacy', () => {
  it('made no request that left 127.0.0.1', () => {
    expect(session.requests.length).toBeGreaterThan(0);
    expect(externalRequests(session)).toEqual([]);
    expect(session.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
