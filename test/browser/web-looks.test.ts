/**
 * How the standalone page looks, in real headless Chromium: dark mode following the system
 * setting (live, with axe's contrast check on the findings), 320 px wide without the page
 * overflowing, the print stylesheet (findings without the controls) and the batch overview
 * charts. Screenshots go to test/artifacts/ for people to look at.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { checkFile } from '../../src/cli/check-file';
import type { Report } from '../../src/core/report';
import { findingTitle } from '../../src/core/rule-titles';
import { buildFixtures } from '../fixtures/build-fixtures';
import { ROOT, artifact, axeViolations, ensureBuilt, externalRequests, openSession, settled, type Session } from './harness';

jest.setTimeout(300_000);

const SEED = path.join(ROOT, 'samples', 'seed-004.xlsx');
let session: Session;
let fixtureDir: string;
/** A batch: seed 004, rule fixtures, a project form, an unreadable file. */
let batch: string[];
const reference = new Map<string, Report>();

beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-looks-'));
  const [written] = await Promise.all([buildFixtures(fixtureDir, { sampleFile: null }), ensureBuilt()]);
  const names = written.map((f) => path.basename(f));
  const pick = names.filter((n) => /^(rule-(execution|indicator|grade|level|missing|total|three-public)|project-2020|bad-truncated|seed-004)/.test(n) && n.endsWith('.xlsx'));
  batch = pick.sort().map((n) => path.join(fixtureDir, n));
  for (const f of batch) reference.set(path.basename(f), (await checkFile(f, undefined)).report);
  session = await openSession();
}, 600_000);

afterAll(async () => {
  await session?.close();
  if (fixtureDir) fs.rmSync(fixtureDir, { recursive: true, force: true });
});

async function openSingle(page: Page, file: string): Promise<void> {
  await page.setInputFiles('#file-input', [file]);
  await page.waitForSelector(`[data-testid=single-view][data-file="${path.basename(file)}"] [data-rule-id]`, { timeout: 60_000 });
}

async function openBatch(page: Page, files: string[]): Promise<void> {
  await page.setInputFiles('#file-input', files);
  await page.waitForFunction(
    (n) => {
      const p = document.querySelector('[data-testid=batch-progress]');
      return p !== null && p.getAttribute('data-done') === String(n) && p.getAttribute('data-total') === String(n);
    },
    files.length,
    { timeout: 120_000 },
  );
}

function theme(page: Page): Promise<string | null> {
  return page.$eval('[data-theme]', (e) => e.getAttribute('data-theme'));
}

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((x) => {
    const c = Number(x) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('dark mode', () => {
  afterAll(() => session.page.emulateMedia({ colorScheme: 'light' }));

  it('follows the system setting, switching live, with every text in contrast (axe)', async () => {
    const { page } = session;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await openSingle(page, SEED);
    expect(await theme(page)).toBe('light');
    expect(await page.$eval('td[data-addr="H5"]', (td) => getComputedStyle(td).backgroundColor)).toBe('rgb(255, 199, 206)');

    // The system turns dark while the page is open: no reload.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForSelector('[data-theme=dark]');
    await settled(page);
    const colors = await page.evaluate(() => {
      const css = (sel: string) => {
        const st = getComputedStyle(document.querySelector(sel)!);
        return { bg: st.backgroundColor, fg: st.color };
      };
      return { main: css('main'), cell: css('td[data-addr="H5"]'), badge: css('[data-rule-id] .fui-Badge') };
    });
    expect(luminance(colors.main.bg)).toBeLessThan(0.05);
    // The severity fills turn deep and their ink light, and keep their contrast.
    expect(luminance(colors.cell.bg)).toBeLessThan(0.1);
    expect(contrast(colors.cell.bg, colors.cell.fg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colors.badge.bg, colors.badge.fg)).toBeGreaterThanOrEqual(4.5);
    const violations = await axeViolations(page);
    expect(violations.filter((v) => v.id === 'color-contrast')).toEqual([]);
    expect(violations).toEqual([]);
    await page.screenshot({ path: artifact('page-dark.png'), animations: 'disabled' });

    await openBatch(page, batch);
    await page.waitForSelector('[data-testid=batch-overview]');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifact('page-dark-batch.png'), fullPage: true, animations: 'disabled' });

    // And back.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForSelector('[data-theme=light]');
    expect(luminance(await page.$eval('main', (m) => getComputedStyle(m).backgroundColor))).toBeGreaterThan(0.8);
  });
});

/**
 * What sticks out of the page: elements past the viewport's edges that no scroll box holds; and
 * what is squeezed: a short label, button or header (2–6 characters: 全部, 错误, 填报总分) whose
 * text breaks over more than one line.
 */
function overflow(page: Page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const bad: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('label, button, th'))) {
      const text = (el.textContent ?? '').trim();
      if (text.length < 2 || text.length > 6 || el.getBoundingClientRect().width === 0) continue;
      // The line boxes of its text itself (an element's own boxes would count as lines too).
      const tops = new Set<number>();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.add(Math.round(r.top));
      }
      if (tops.size > 1) bad.push(`squeezed ${el.tagName.toLowerCase()} “${text}” on ${tops.size} lines`);
    }
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || (r.right <= vw + 1 && r.left >= -1)) continue;
      let held = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') {
          held = true;
          break;
        }
      }
      if (!held) bad.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${Math.round(r.left)}…${Math.round(r.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: vw, bad: bad.slice(0, 10) };
  });
}

describe('320 px wide', () => {
  afterAll(() => session.page.setViewportSize({ width: 1400, height: 900 }));

  it('one workbook: nothing wider than the page', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 320, height: 800 });
    await openSingle(page, SEED);
    const o = await overflow(page);
    expect(o.bad).toEqual([]);
    expect(o.scrollWidth).toBe(o.clientWidth);
    // The findings read as lines of text, not a character per line.
    const widths = await page.$$eval('[data-testid=single-view] [data-rule-id]', (els) => els.map((e) => e.getBoundingClientRect().width));
    for (const w of widths) expect(w).toBeGreaterThan(250);
    await page.screenshot({ path: artifact('page-320-single.png'), fullPage: true, animations: 'disabled' });
  });

  it('a batch: the table scrolls in its own box, its text columns keep their width', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 320, height: 800 });
    await openBatch(page, batch);
    const o = await overflow(page);
    expect(o.bad).toEqual([]);
    expect(o.scrollWidth).toBe(o.clientWidth);
    const table = await page.$eval('[data-testid=batch-table]', (t) => {
      const box = t.parentElement!;
      const em = parseFloat(getComputedStyle(t).fontSize);
      const firstRow = Array.from(t.querySelectorAll('tbody tr:first-child td')).map((td) => td.getBoundingClientRect().width / em);
      const lines = Array.from(t.querySelectorAll('tbody td:first-child button')).map((b) => b.getBoundingClientRect().height / parseFloat(getComputedStyle(b).lineHeight));
      return { scrolls: box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === 'auto', firstRow, maxLines: Math.max(...lines) };
    });
    expect(table.scrolls).toBe(true);
    expect(table.firstRow[0]).toBeGreaterThanOrEqual(10); // 文件
    expect(table.firstRow[1]).toBeGreaterThanOrEqual(7); // 单位
    for (const w of table.firstRow) expect(w).toBeGreaterThanOrEqual(2.5);
    expect(table.maxLines).toBeLessThanOrEqual(3.2);
    await page.screenshot({ path: artifact('page-320-batch.png'), fullPage: true, animations: 'disabled' });
  });
});

describe('print', () => {
  afterAll(() => session.page.emulateMedia({ media: 'screen', colorScheme: 'light' }));

  /** Visible on paper: displayed, with a box. */
  function printed(page: Page, selector: string): Promise<boolean[]> {
    return page.$$eval(selector, (els) => els.map((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0));
  }

  it('one workbook: the findings, whole, without pickers, buttons, filters or the sheet view; light even in dark mode', async () => {
    const { page } = session;
    await openSingle(page, SEED);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.waitForSelector('[data-theme=light]');
    for (const sel of ['[data-testid=dropzone]', '[data-testid=filters]', '[role=group][aria-label=下载]', '[data-testid=sheet-view]']) {
      expect(await printed(page, sel)).not.toContain(true);
    }
    const want = reference.get('seed-004.xlsx')!.findings.length;
    const findings = await printed(page, '[data-testid=single-view] [data-rule-id]');
    expect(findings).toHaveLength(want);
    expect(findings.every(Boolean)).toBe(true);
    // Not cut to a scrolled box: the list is as tall as its findings.
    const box = await page.$eval('[data-print=expand]', (e) => ({ overflow: getComputedStyle(e).overflowY, maxHeight: getComputedStyle(e).maxHeight }));
    expect(box).toEqual({ overflow: 'visible', maxHeight: 'none' });
    expect(await page.$$eval('button:not([data-rule-id])', (bs) => bs.filter((b) => getComputedStyle(b).display !== 'none' && b.getBoundingClientRect().height > 0 && !b.closest('[data-rule-id]')).map((b) => b.textContent))).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    fs.writeFileSync(artifact('page-print-single.pdf'), pdf);
  });

  it('a batch: the overview and every row of the table, no controls', async () => {
    const { page } = session;
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    await openBatch(page, batch);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['[data-testid=dropzone]', '[data-testid=filters]', '[role=group][aria-label=下载]']) expect(await printed(page, sel)).not.toContain(true);
    expect(await printed(page, '[data-testid=batch-table] tbody tr')).toEqual(batch.map(() => true));
    expect(await printed(page, '[data-testid=batch-overview]')).toEqual([true]);
    const wrap = await page.$eval('[data-testid=batch-table]', (t) => getComputedStyle(t.parentElement!).overflowX);
    expect(wrap).toBe('visible');
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    fs.writeFileSync(artifact('page-print-batch.pdf'), pdf);
    await page.screenshot({ path: artifact('page-print-batch.png'), fullPage: true, animations: 'disabled' });
  });
});

describe('batch overview', () => {
  it('charts the grades and the most frequent problems of the batch, as the CLI counts them, with text alternatives', async () => {
    const { page } = session;
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    await openBatch(page, batch);
    const reports = batch.map((f) => reference.get(path.basename(f))!);
    const checked = reports.filter((r) => r.status === 'checked');
    expect(checked.length).toBeGreaterThan(5);
    expect(reports.some((r) => r.status === 'unreadable')).toBe(true);

    const bars = (chart: string) =>
      page.$$eval(`[data-testid=${chart}] g[data-label]`, (gs) =>
        gs.map((g) => ({ label: g.getAttribute('data-label')!, value: Number(g.getAttribute('data-value')), title: g.querySelector('title')?.textContent ?? '' })),
      );
    const grades = await bars('chart-grades');
    const wantGrades = ['优', '良', '中', '差'].map((g) => ({ label: g, value: checked.filter((r) => r.summary.grade === g).length }));
    // Forms the rules give no grade (unfinished, 分值 not adding up) are counted apart.
    const withheld = checked.filter((r) => r.summary.grade === null && r.summary.gradeWithheld).length;
    if (withheld) wantGrades.push({ label: '不评等次（未填完或分值不符）', value: withheld });
    const ungraded = checked.filter((r) => r.summary.grade === null && !r.summary.gradeWithheld).length;
    if (ungraded) wantGrades.push({ label: '无等次', value: ungraded });
    expect(grades.map(({ label, value }) => ({ label, value }))).toEqual(wantGrades);

    const counts = new Map<string, number>();
    // Errors and warnings: 提示 need no change and would crowd them out.
    for (const r of checked) for (const f of r.findings) if (f.severity !== 'info') counts.set(findingTitle(f), (counts.get(findingTitle(f)) ?? 0) + 1);
    const problems = await bars('chart-problems');
    expect(problems.length).toBe(Math.min(8, counts.size));
    for (const p of problems) expect(p.value).toBe(counts.get(p.label));
    // Most frequent first, and nothing left out that is more frequent than the last one shown.
    const values = problems.map((p) => p.value);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    const shown = new Set(problems.map((p) => p.label));
    for (const [title, n] of counts) if (!shown.has(title)) expect(n).toBeLessThanOrEqual(values[values.length - 1]!);

    // Text alternatives: each chart is one image whose label says every number; each bar has a title.
    const labels = await page.$$eval('[data-testid=batch-overview] svg', (svgs) => svgs.map((s) => ({ role: s.getAttribute('role'), label: s.getAttribute('aria-label') ?? '' })));
    expect(labels).toHaveLength(2);
    for (const l of labels) expect(l.role).toBe('img');
    for (const g of grades) expect(labels[0]!.label).toContain(`${g.label} ${g.value} 个工作簿`);
    for (const p of problems) {
      expect(labels[1]!.label).toContain(`${p.label} ${p.value} 处`);
      expect(p.title).toContain(`${p.label}：${p.value} 处`);
    }
    expect(await axeViolations(page, '[data-testid=batch-overview]')).toEqual([]);
    await page.locator('[data-testid=batch-overview]').screenshot({ path: artifact('page-batch-overview.png'), animations: 'disabled' });
  });

  it('made no request outside the local server and logged no error', () => {
    expect(externalRequests(session)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
