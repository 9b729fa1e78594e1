/**
 * The batch HTML report in Chromium: the overview's links land on each workbook's section, and
 * printed (PDF, A4) every workbook starts a page of its own, the overview on the first, no table
 * row split across pages. Reports come from real workbooks through the engine.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderHtmlReport, sectionId } from '../../src/report/html';
import { failedReport, type Report } from '../../src/core/report';
import { checkWorkbook } from '../../src/engine';
import { readWorkbook } from '../../src/host/file/read';
import { seedWorkbook } from '../cli/batch-folder';
import { ARTIFACTS, chromiumLaunchOptions } from './harness';

let browser: Browser;
let page: Page;
let reports: Report[];
let html: string;

async function report(file: string, bytes: Uint8Array): Promise<Report> {
  const read = await readWorkbook({ bytes, fileName: file });
  if (!read.ok) throw new Error(`unreadable fixture ${file}`);
  return checkWorkbook(read.grid, { file });
}

beforeAll(async () => {
  const seed = await seedWorkbook(false);
  reports = [
    await report('批次/1-芦淞区商务局.xlsx', seed),
    await report('批次/2-一致.xlsx', await seedWorkbook(true)),
    failedReport('批次/3-加密.xlsx', 'unreadable', '“3-加密.xlsx”文件已加密（设有打开密码），无法读取。'),
    await report('批次/4-芦淞区商务局（复核）.xlsx', seed),
  ];
  html = renderHtmlReport(reports);
  browser = await chromium.launch(chromiumLaunchOptions());
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.setContent(html);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the batch HTML report', () => {
  it('opens with an overview: one row per workbook, its counts and grades', async () => {
    const rows = await page.$$eval('table.overview tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toHaveLength(reports.length);
    const seed = reports[0]!;
    expect(rows[0]).toEqual(['1', seed.file, seed.department, seed.year, String(seed.summary.errors), String(seed.summary.warnings), String(seed.summary.infos), String(seed.summary.acknowledged ?? 0), seed.statedGrade ?? '', seed.summary.grade, '已核对']);
    expect(rows[2]!.slice(4, 8)).toEqual(['—', '—', '—', '—']);
    expect(rows[2]![10]).toBe('无法读取');
  });

  it('links each overview row to that workbook’s section', async () => {
    for (const [i, r] of reports.entries()) {
      await page.click(`table.overview tbody tr:nth-child(${i + 1}) a`);
      expect(await page.evaluate(() => location.hash)).toBe(`#${sectionId(i)}`);
      const section = await page.$eval(`#${sectionId(i)}`, (el) => ({ tag: el.tagName, h2: el.querySelector('h2')?.textContent, top: el.getBoundingClientRect().top }));
      expect(section).toMatchObject({ tag: 'SECTION', h2: r.file });
      // Scrolled to it (the last ones may stop short when the page ends).
      expect(section.top).toBeLessThan(800);
      expect(section.top).toBeGreaterThanOrEqual(-1);
    }
  });

  it('prints each workbook on a page of its own, rows unsplit, the controls hidden', async () => {
    await page.emulateMedia({ media: 'print' });
    const styles = await page.$$eval('section', (els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(styles).toEqual(['page', 'page', 'page', 'page']);
    expect(await page.$eval('table.overview', (el) => getComputedStyle(el).breakAfter)).toBe('page');
    expect(await page.$eval('section tbody tr', (el) => getComputedStyle(el).breakInside)).toBe('avoid');
    expect(await page.$eval('section thead', (el) => getComputedStyle(el).display)).toBe('table-header-group');
    expect(await page.$eval('a.back', (el) => getComputedStyle(el).display)).toBe('none');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-report-print.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'html-report.pdf'), pdf);
    // Chromium writes one page object per page; the overview, then one page per workbook (each fits one).
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    expect(pages).toHaveLength(1 + reports.length);
    await page.emulateMedia({ media: 'screen' });
  });

  it('gives a single workbook no overview', () => {
    const one = renderHtmlReport([reports[0]!]);
    expect(one).not.toContain('class="overview"');
    expect(one).not.toContain('返回概览');
  });
});
